package com.kontor.tenancy;

import java.util.EnumSet;
import java.util.Set;

/** The roles of ACC-2. A user may hold several; OPERATOR belongs to the platform, never to a merchant. */
public enum Role {
    SUPPORT,
    FINANCE,
    APPROVER,
    AUDITOR,
    ADMIN,
    OPERATOR;

    /** Role names as {@code @RolesAllowed} takes them (annotations need constants). */
    public static final class Names {
        public static final String SUPPORT = "SUPPORT";
        public static final String FINANCE = "FINANCE";
        public static final String APPROVER = "APPROVER";
        public static final String AUDITOR = "AUDITOR";
        public static final String ADMIN = "ADMIN";
        public static final String OPERATOR = "OPERATOR";

        private Names() {}
    }

    public static final Set<Role> MERCHANT_ROLES = EnumSet.of(SUPPORT, FINANCE, APPROVER, AUDITOR, ADMIN);

    public String authority() {
        return "ROLE_" + name();
    }
}
