package com.kontor.tenancy.internal;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The only way past the merchant filter: for platform work that must see all merchants (the login lookup by
 * email, the operator's views). Callable only inside a transaction, so it affects that transaction's session and
 * nothing else.
 */
@Component
public class PlatformScope {

    public static final String MERCHANT_FILTER = "merchantScope";

    private final EntityManager entityManager;

    public PlatformScope(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void enterForThisTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Platform scope needs a transaction");
        }
        entityManager.unwrap(Session.class).disableFilter(MERCHANT_FILTER);
    }
}
