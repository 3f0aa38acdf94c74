package com.kontor.audit;

/** Types of audited events; later modules add theirs (master data, money operations, dunning, ...). */
public enum AuditEventType {
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    PASSWORD_CHANGED,
    USER_CREATED,
    USER_ROLES_CHANGED,
    USER_APPROVAL_LIMIT_CHANGED,
    USER_LOCKED,
    USER_UNLOCKED,
    MERCHANT_CREATED,
    MERCHANT_MODULES_CHANGED,
    MERCHANT_SETTINGS_CHANGED,
    PORTAL_CREATED,
    DEBTOR_CREATED,
    DEBTOR_CHANGED,
    API_KEY_CREATED,
    API_KEY_REVOKED,
    BLACKLIST_ENTRY_ADDED,
    BLACKLIST_ENTRY_REMOVED,
    DEMO_DATA_SEEDED
}
