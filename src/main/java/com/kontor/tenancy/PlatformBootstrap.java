package com.kontor.tenancy;

import com.kontor.db.RetryingTransactions;
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
 *
 * <p>Several servers started at once on an empty database (PLAT-6) all find no operator and all try to create the
 * same one. The unique e-mail address lets one win: the others' insert meets a duplicate key (or, on Galera, a
 * certification failure at commit), {@link RetryingTransactions} runs their transaction again, and then they find the
 * address taken, log that another server created the operator and start on. No server dies of it.
 */
@Component
class PlatformBootstrap {

    private static final Logger log = LoggerFactory.getLogger(PlatformBootstrap.class);

    private final PlatformAdministration platform;
    private final RetryingTransactions transactions;
    private final String email;
    private final String password;

    PlatformBootstrap(
            PlatformAdministration platform,
            RetryingTransactions transactions,
            @Value("${kontor.bootstrap.operator-email:}") String email,
            @Value("${kontor.bootstrap.operator-password:}") String password) {
        this.platform = platform;
        this.transactions = transactions;
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
                createOperator(email, password);
            }
            return null;
        });
    }

    /**
     * Creates the operator unless another server created it meanwhile; true when this call created it. Any other
     * refusal (a password the policy refuses) still fails the start: the configuration is wrong.
     */
    boolean createOperator(String email, String password) {
        return SystemScope.run("platform bootstrap", () -> {
            try {
                transactions.write(status -> {
                    platform.createOperator(email, "Operator", password, true);
                    return null;
                });
            } catch (OperationRefused refused) {
                if (!"user.emailTaken".equals(refused.messageKey())) {
                    throw refused;
                }
                log.info("The first platform operator was created by another server meanwhile");
                return false;
            }
            log.info("Created the first platform operator; the password must be changed at the first login");
            return true;
        });
    }
}
