package com.kontor.tenancy.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How users' passwords are hashed (ACC-4): Spring Security's delegating encoder (bcrypt today, older hashes still
 * readable after a change). It belongs to tenancy, which keeps the users, not to the portal's security chain.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
