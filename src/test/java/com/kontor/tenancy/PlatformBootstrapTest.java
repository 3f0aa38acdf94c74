package com.kontor.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.kontor.testsupport.IntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** PLAT-6: servers started at once all bootstrap the same operator; one creates it and none fails. */
@IntegrationTest
class PlatformBootstrapTest {

    @Autowired
    PlatformBootstrap bootstrap;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void twoServersBootstrappingAtOnceCreateOneOperatorAndBothStart() throws Exception {
        String email = "bootstrap-" + UUID.randomUUID().toString().substring(0, 8) + "@kontor.example";
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Boolean>> servers;
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            servers = two.invokeAll(List.of(
                    () -> {
                        start.await();
                        return bootstrap.createOperator(email, "first start passphrase");
                    },
                    () -> {
                        start.await();
                        return bootstrap.createOperator(email, "first start passphrase");
                    }));
        }
        // get() rethrows what a "server" met: neither may fail
        assertThat(List.of(servers.get(0).get(), servers.get(1).get())).containsExactlyInAnyOrder(true, false);
        assertThat(jdbc.queryForObject("select count(*) from app_user where email = ?", Long.class, email))
                .isEqualTo(1);
    }
}
