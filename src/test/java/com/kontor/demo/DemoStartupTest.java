package com.kontor.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Demo users have published passwords: the demo data refuse every database but the embedded one. */
class DemoStartupTest {

    @Test
    void demoDataRefuseAConfiguredDatabase() {
        MockEnvironment environment =
                new MockEnvironment().withProperty("spring.datasource.url", "jdbc:mariadb://db.example:3306/kontor");
        assertThatThrownBy(() -> DemoStartup.requireEmbeddedDatabase(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("embedded");
    }

    @Test
    void demoDataRefuseADatabaseOtherThanTheEmbeddedOne() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("kontor.embedded.url", "jdbc:mariadb://127.0.0.1:40000/kontor")
                .withProperty("spring.datasource.url", "jdbc:mariadb://127.0.0.1:3306/kontor");
        assertThatThrownBy(() -> DemoStartup.requireEmbeddedDatabase(environment))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void demoDataRunOnTheEmbeddedDatabase() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("kontor.embedded.url", "jdbc:mariadb://127.0.0.1:40000/kontor")
                .withProperty("spring.datasource.url", "jdbc:mariadb://127.0.0.1:40000/kontor");
        assertThatCode(() -> DemoStartup.requireEmbeddedDatabase(environment)).doesNotThrowAnyException();
    }
}
