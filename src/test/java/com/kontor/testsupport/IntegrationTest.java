package com.kontor.testsupport;

import com.kontor.KontorApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context all integration and browser tests share (same annotation, so Spring's test context cache
 * starts it once per JVM): the whole application on a random port against real MariaDB, demo data seeded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = KontorApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestDemoData.class)
public @interface IntegrationTest {}
