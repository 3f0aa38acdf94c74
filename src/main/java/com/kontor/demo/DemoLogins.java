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

    /** A published demo API key: demo data only, so only on the embedded database. */
    public record DemoKey(String secret, String merchant, String portal, String mode) {
    }

    public static final List<DemoKey> KEYS = List.of(
            new DemoKey("kontor_test_demo_mueller_webshop", MERCHANT_A, "Webshop", "TEST"),
            new DemoKey("kontor_live_demo_mueller_webshop", MERCHANT_A, "Webshop", "LIVE"),
            new DemoKey("kontor_test_demo_mueller_marktplatz", MERCHANT_A, "Marktplatz", "TEST"),
            new DemoKey("kontor_live_demo_mueller_marktplatz", MERCHANT_A, "Marktplatz", "LIVE"),
            new DemoKey("kontor_test_demo_baker_shop_uk", MERCHANT_B, "Shop UK", "TEST"),
            new DemoKey("kontor_live_demo_baker_shop_uk", MERCHANT_B, "Shop UK", "LIVE"));

    /** Blacklisted in merchant A's test mode, so a newcomer can try the check at once. */
    public static final String BLACKLISTED_EMAIL = "blocked@example.com";
    public static final String BLACKLISTED_IBAN = "DE02 1203 0000 0000 2020 51";
    public static final String BLACKLISTED_CARD_TOKEN = "tok_blocked_4242";

    private DemoLogins() {
    }
}
