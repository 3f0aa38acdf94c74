package com.kontor.api;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** What every request to the machine interfaces goes through before a controller sees it (API.md). */
@Configuration(proxyBeanMethods = false)
class MachineRequests {

    /** Body size, content type and UTF-8, before authentication, signatures and parsing. */
    @Bean
    FilterRegistrationBean<RequestBodyLimits> requestBodyLimits(ProblemResponses problems) {
        FilterRegistrationBean<RequestBodyLimits> registration =
                new FilterRegistrationBean<>(new RequestBodyLimits(problems));
        registration.addUrlPatterns("/api/*", "/notifications/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * JSON only: the XML and YAML converters that arrive with other libraries (JasperReports brings Jackson's XML
     * module) would read bodies past the strict JSON rules and answer {@code Accept: application/xml}.
     */
    @Bean
    WebMvcConfigurer jsonOnly() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.removeIf(converter -> converter.getSupportedMediaTypes().stream()
                        .anyMatch(type -> type.getSubtype().contains("xml")
                                || type.getSubtype().contains("yaml")));
            }
        };
    }

    /**
     * Tomcat refuses an encoded slash ({@code %2F}) itself, with its own HTML page; passed through, it meets Spring
     * Security's firewall, which refuses it too, but with a problem document (below).
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    /** A URL Spring Security's firewall refuses (an encoded slash or percent, a semicolon): a problem document. */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(
                response,
                HttpServletResponse.SC_BAD_REQUEST,
                "MALFORMED_REQUEST",
                "Malformed request",
                "This URL is not allowed (encoded slashes, percent signs or semicolons are refused).");
    }
}
