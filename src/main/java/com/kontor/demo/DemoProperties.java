package com.kontor.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kontor.demo.*}: demo data for the embedded start. {@code size}: merchant A's debtors per mode, with about
 * three payment processes each (merchant B gets a fifth).
 */
@ConfigurationProperties("kontor.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("1000") int size) {}
