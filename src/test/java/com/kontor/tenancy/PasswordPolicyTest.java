package com.kontor.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aLongPassphraseIsAccepted() {
        assertThat(policy.violation("correct horse battery", "anna@example.com"))
                .isEmpty();
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThat(policy.violation("Sh0rt!pw", "anna@example.com")).contains("password.tooShort");
    }

    @Test
    void passwordsContainingTheLoginNameAreRefused() {
        assertThat(policy.violation("my-annabelle-2026", "annabelle@example.com"))
                .contains("password.containsName");
    }

    @Test
    void commonAndMonotonousPasswordsAreRefused() {
        assertThat(policy.violation("Password1234", "x@example.com")).contains("password.common");
        assertThat(policy.violation("aaaaaaaaaaaaab", "x@example.com")).contains("password.tooSimple");
    }
}
