package com.kontor.audit;

import java.util.Optional;

/**
 * Whose audit records the current work may read, filter, export and verify: the tenancy module (which sits above
 * this one) implements it from the logged-in user or an explicit scope. Empty means nobody's.
 */
public interface AuditScope {

    Optional<Long> merchantId();

    /** Who is reading, exporting or verifying (recorded for exports and verifications). */
    Actor actor();
}
