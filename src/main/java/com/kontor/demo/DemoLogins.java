package com.kontor.demo;

import java.util.List;

/** The demo logins: printed at start and listed in the README. Demo only: never on a real database. */
public final class DemoLogins {

    public static final String PASSWORD = "Kontor-Demo-2026";

    public record Login(String email, String merchant, String roles) {
    }

    public static final String MERCHANT_A = "Müller Handels GmbH";
    public static final String MERCHANT_B = "Baker & Sons Ltd";

    public static final List<Login> ALL = List.of(
            new Login("support@mueller.example", MERCHANT_A, "SUPPORT"),
            new Login("finance@mueller.example", MERCHANT_A, "FINANCE"),
            new Login("approver@mueller.example", MERCHANT_A, "APPROVER"),
            new Login("auditor@mueller.example", MERCHANT_A, "AUDITOR"),
            new Login("admin@mueller.example", MERCHANT_A, "ADMIN"),
            new Login("admin@baker.example", MERCHANT_B, "ADMIN"),
            new Login("support@baker.example", MERCHANT_B, "SUPPORT"),
            new Login("operator@kontor.example", "(platform)", "OPERATOR"));

    private DemoLogins() {
    }
}
