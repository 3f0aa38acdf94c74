package com.kontor.demo;

import java.util.List;

/** The demo logins: printed at start and listed in the README. Demo only: never on a real database. */
public final class DemoLogins {

    public static final String PASSWORD = "Kontor-Demo-2026";

    public record Login(String email, String merchant, String roles) {}

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
    public record DemoKey(String secret, String merchant, String portal, String mode) {}

    public static final List<DemoKey> KEYS = List.of(
            new DemoKey("kontor_test_demo_mueller_webshop", MERCHANT_A, "Webshop", "TEST"),
            new DemoKey("kontor_live_demo_mueller_webshop", MERCHANT_A, "Webshop", "LIVE"),
            new DemoKey("kontor_test_demo_mueller_marktplatz", MERCHANT_A, "Marktplatz", "TEST"),
            new DemoKey("kontor_live_demo_mueller_marktplatz", MERCHANT_A, "Marktplatz", "LIVE"),
            new DemoKey("kontor_test_demo_baker_shop_uk", MERCHANT_B, "Shop UK", "TEST"),
            new DemoKey("kontor_live_demo_baker_shop_uk", MERCHANT_B, "Shop UK", "LIVE"));

    /** Blacklisted in merchant A's test mode, so a newcomer can try the check at once. */
    /** Merchant A's Webshop in test mode: a PAYONE portal and an Adyen merchant account for notifications. */
    public static final String PAYONE_PORTAL_ID = "2030968";

    public static final String PAYONE_KEY = "demo-payone-key";
    public static final String ADYEN_MERCHANT_ACCOUNT = "MuellerWebshopTEST";
    public static final String ADYEN_HMAC_KEY = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
    /** Rotated out an hour before the demo start: still valid for the grace period (24 hours by default). */
    public static final String ADYEN_PREVIOUS_HMAC_KEY =
            "8A1D1BE7C1F4A3C6F0D2B5E9A7C3E1F08B6D4A2C9E7F5B3D1A0C8E6F4B2D0A9C";

    public static final String BLACKLISTED_EMAIL = "blocked@example.com";
    public static final String BLACKLISTED_IBAN = "DE02 1203 0000 0000 2020 51";
    public static final String BLACKLISTED_CARD_TOKEN = "tok_blocked_4242";

    private DemoLogins() {}
}
