package com.kontor.demo;

import com.kontor.api.ProblemResponses;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link DemoSeedingGate} in front of the API and the notification endpoints. */
@Configuration(proxyBeanMethods = false)
class DemoSeedingGateConfiguration {

    /** Before Spring Security's filter chain (order -100), so the answer is 503 rather than 401 for a demo key. */
    static final int ORDER = -110;

    @Bean
    FilterRegistrationBean<DemoSeedingGate> demoSeedingGate(DemoStartup startup, ProblemResponses problems) {
        FilterRegistrationBean<DemoSeedingGate> registration =
                new FilterRegistrationBean<>(new DemoSeedingGate(startup::demoReady, problems));
        registration.addUrlPatterns("/api/*", "/notifications/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
