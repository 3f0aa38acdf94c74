package com.kontor.tenancy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The first login of a new installation: when no operator exists and {@code kontor.bootstrap.operator-email} and
 * {@code kontor.bootstrap.operator-password} are set (e.g. KONTOR_BOOTSTRAP_OPERATOR_EMAIL / _PASSWORD), that
 * operator is created and must change the password at the first login. The operator then creates merchants.
 */
@Component
class PlatformBootstrap {

    private static final Logger log = LoggerFactory.getLogger(PlatformBootstrap.class);

    private final PlatformAdministration platform;
    private final String email;
    private final String password;

    PlatformBootstrap(
            PlatformAdministration platform,
            @Value("${kontor.bootstrap.operator-email:}") String email,
            @Value("${kontor.bootstrap.operator-password:}") String password) {
        this.platform = platform;
        this.email = email;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createFirstOperator() {
        if (!StringUtils.hasText(email) || !StringUtils.hasText(password)) {
            return;
        }
        SystemScope.run("platform bootstrap", () -> {
            if (!platform.anyOperator()) {
                platform.createOperator(email, "Operator", password, true);
                log.info("Created the first platform operator; the password must be changed at the first login");
            }
            return null;
        });
    }
}
