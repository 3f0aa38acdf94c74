package com.kontor.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kontor.demo.*}: demo data for the embedded start. {@code size} scales the generated data (debtors per
 * merchant and mode in this release; processes and bookings follow).
 */
@ConfigurationProperties("kontor.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("5") int size) {
}
