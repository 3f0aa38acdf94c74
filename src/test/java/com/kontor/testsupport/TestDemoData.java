package com.kontor.testsupport;

import com.kontor.demo.DemoDataGenerator;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Seeds the demo data (merchants A and B, one user per role) into the fresh test schema when the context starts. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDemoData {

    public static final int SIZE = 3;

    @Bean
    ApplicationRunner seedDemoData(DemoDataGenerator generator) {
        return args -> generator.seedIfEmpty(SIZE);
    }
}
