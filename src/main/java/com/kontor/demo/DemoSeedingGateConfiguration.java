package com.kontor.demo;

import com.kontor.api.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link DemoSeedingGate} in front of the API and the notification endpoints. */
@Configuration(proxyBeanMethods = false)
class DemoSeedingGateConfiguration {

    /** Before Spring Security's filter chain (order -100), so the answer is 503 rather than 401 for a demo key. */
    static final int ORDER = -110;

    @Bean
    FilterRegistrationBean<DemoSeedingGate> demoSeedingGate(
            ObjectProvider<DemoStartup> startup, ObjectProvider<ProblemResponses> problems) {
        // looked up at the first request, not while the web server starts: a start that fails for want of keys or a
        // database then fails where it should, with its own report, not inside Tomcat's start
        FilterRegistrationBean<DemoSeedingGate> registration = new FilterRegistrationBean<>(
                new DemoSeedingGate(() -> startup.getObject().demoReady(), problems::getObject));
        registration.addUrlPatterns("/api/*", "/notifications/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
