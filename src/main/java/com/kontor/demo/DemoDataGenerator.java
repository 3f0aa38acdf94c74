package com.kontor.demo;

import com.kontor.debtor.DebtorService;
import com.kontor.api.ApiKeys;
import com.kontor.audit.Actor;
import com.kontor.blacklist.Blacklist;
import com.kontor.notification.ProviderAccounts;
import java.time.Duration;
import java.time.Instant;
import com.kontor.blacklist.BlacklistKind;
import com.kontor.debtor.MasterData;
import com.kontor.money.Money;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.MerchantOverview;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.NewMerchant;
import com.kontor.tenancy.NewUser;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Generates demo data (PLAT-5) through the same services the portal uses, so every rule and audit record applies.
 * Merchant A (German, all modules, two portals, one user per role) and merchant B (British, one portal) show the
 * isolation of merchants; each merchant gets debtors in live and in test mode. {@code size} scales the debtors;
 * processes and bookings follow with the ledger. Deterministic: the same size gives the same data.
 */
@Component
public class DemoDataGenerator {

    private static final List<String> FIRST_NAMES_DE = List.of("Anna", "Lukas", "Marie", "Jonas", "Sophie",
            "Felix", "Lea", "Paul", "Emma", "Maximilian", "Jürgen", "Özlem", "Zoë", "Björn");
    private static final List<String> LAST_NAMES_DE = List.of("Müller", "Schmidt", "Schneider", "Fischer",
            "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Müller-Lüdenscheid", "Krüger");
    private static final List<String> CITIES_DE = List.of("Berlin", "Hamburg", "München", "Köln", "Frankfurt am Main",
            "Düsseldorf", "Leipzig", "Nürnberg");
    private static final List<String> FIRST_NAMES_EN = List.of("Oliver", "Amelia", "George", "Isla", "Harry",
            "Ava", "Jack", "Mia", "Charlie", "Grace");
    private static final List<String> LAST_NAMES_EN = List.of("Smith", "Jones", "Taylor", "Brown", "Williams",
            "Wilson", "Johnson", "Davies", "O'Connor", "Evans");
    private static final List<String> CITIES_EN = List.of("London", "Manchester", "Bristol", "Leeds", "Edinburgh",
            "Cardiff");

    private static final Actor GENERATOR = Actor.system("demo data generator");

    private final PlatformAdministration platform;
    private final DebtorService debtors;
    private final ApiKeys apiKeys;
    private final MerchantDirectory merchantDirectory;
    private final Blacklist blacklist;
    private final ProviderAccounts providerAccounts;

    public DemoDataGenerator(PlatformAdministration platform, DebtorService debtors, ApiKeys apiKeys,
                             MerchantDirectory merchantDirectory, Blacklist blacklist,
                             ProviderAccounts providerAccounts) {
        this.blacklist = blacklist;
        this.providerAccounts = providerAccounts;
        this.platform = platform;
        this.debtors = debtors;
        this.apiKeys = apiKeys;
        this.merchantDirectory = merchantDirectory;
    }

    /** Seeds an empty platform; returns false (and changes nothing) when any merchant exists. */
    public boolean seedIfEmpty(int size) {
        return SystemScope.run("demo data generator", () -> {
            if (platform.anyMerchant()) {
                return false;
            }
            seed(size);
            return true;
        });
    }

    private void seed(int size) {
        MerchantOverview a = platform.createMerchant(merchant(DemoLogins.MERCHANT_A, "Webshop", "Europe/Berlin", "de",
                "EUR", EnumSet.allOf(BookedModule.class), "admin@mueller.example", "Greta Admin"), false);
        platform.createPortal(a.id(), "Marktplatz");
        user(a.id(), "support@mueller.example", "Sam Support", Role.SUPPORT, "0");
        user(a.id(), "finance@mueller.example", "Fiona Finanz", Role.FINANCE, "500");
        user(a.id(), "approver@mueller.example", "Arne Approver", Role.APPROVER, "5000");
        user(a.id(), "auditor@mueller.example", "Aylin Auditor", Role.AUDITOR, "0");
        platform.setFourEyes(a.id(), true, Money.of(100_00, "EUR"));

        MerchantOverview b = platform.createMerchant(merchant(DemoLogins.MERCHANT_B, "Shop UK", "Europe/London", "en",
                "GBP", EnumSet.of(BookedModule.RISK), "admin@baker.example", "Ben Baker"), false);
        user(b.id(), "support@baker.example", "Sue Support", Role.SUPPORT, "0");

        platform.createOperator("operator@kontor.example", "Olga Operator", DemoLogins.PASSWORD, false);

        for (DemoLogins.DemoKey key : DemoLogins.KEYS) {
            long merchantId = key.merchant().equals(DemoLogins.MERCHANT_A) ? a.id() : b.id();
            TenancyScope.inPartition(new Partition(merchantId, Mode.valueOf(key.mode())), () -> {
                long portalId = merchantDirectory.requireCurrent().portals().stream()
                        .filter(p -> p.name().equals(key.portal())).findFirst().orElseThrow().id();
                apiKeys.createWithSecret(portalId, "Demo key", key.secret());
            });
        }

        TenancyScope.inPartition(new Partition(a.id(), Mode.TEST), () -> {
            long webshop = merchantDirectory.requireCurrent().portals().stream()
                    .filter(p -> p.name().equals("Webshop")).findFirst().orElseThrow().id();
            providerAccounts.setPayone(webshop, DemoLogins.PAYONE_PORTAL_ID, DemoLogins.PAYONE_KEY);
            providerAccounts.setAdyenMerchantAccount(webshop, DemoLogins.ADYEN_MERCHANT_ACCOUNT);
            providerAccounts.rotateAdyenKey(webshop, DemoLogins.ADYEN_HMAC_KEY);
            providerAccounts.seedPreviousAdyenKey(webshop, DemoLogins.ADYEN_PREVIOUS_HMAC_KEY,
                    Instant.now().minus(Duration.ofHours(1)));
            blacklist.add(BlacklistKind.EMAIL, DemoLogins.BLACKLISTED_EMAIL, null);
            blacklist.add(BlacklistKind.IBAN, DemoLogins.BLACKLISTED_IBAN, null);
            blacklist.add(BlacklistKind.CARD_TOKEN, DemoLogins.BLACKLISTED_CARD_TOKEN, null);
        });

        Random random = new Random(4711);
        debtorsFor(new Partition(a.id(), Mode.LIVE), size, random, FIRST_NAMES_DE, LAST_NAMES_DE, CITIES_DE, "de");
        debtorsFor(new Partition(a.id(), Mode.TEST), size, random, FIRST_NAMES_DE, LAST_NAMES_DE, CITIES_DE, "de");
        debtorsFor(new Partition(b.id(), Mode.LIVE), size, random, FIRST_NAMES_EN, LAST_NAMES_EN, CITIES_EN, "uk");
        debtorsFor(new Partition(b.id(), Mode.TEST), size, random, FIRST_NAMES_EN, LAST_NAMES_EN, CITIES_EN, "uk");
    }

    private void debtorsFor(Partition partition, int count, Random random, List<String> firstNames,
                            List<String> lastNames, List<String> cities, String domain) {
        TenancyScope.inPartition(partition, () -> {
            String prefix = partition.mode() == Mode.TEST ? "T-" : "K-";
            String salutationF = domain.equals("de") ? "Frau" : "Ms";
            String salutationM = domain.equals("de") ? "Herr" : "Mr";
            for (int i = 1; i <= count; i++) {
                String first = pick(random, firstNames);
                String last = pick(random, lastNames);
                boolean company = random.nextInt(5) == 0;
                String email = (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "") + i + "@example." + domain;
                MasterData data = new MasterData(random.nextBoolean() ? salutationF : salutationM, null, first, last,
                        company ? last + " " + (domain.equals("de") ? "GmbH" : "Ltd") : null,
                        (domain.equals("de") ? "Hauptstraße " : "") + (1 + random.nextInt(120))
                                + (domain.equals("de") ? "" : " High Street"),
                        null, postcode(domain, random),
                        pick(random, cities), domain.equals("de") ? "DE" : "GB", email, null, null,
                        domain.equals("de") ? "de" : "en", null);
                debtors.create(prefix + String.format("%05d", i), data, GENERATOR);
            }
        });
    }

    private void user(long merchantId, String email, String name, Role role, String limit) {
        NewUser form = new NewUser();
        form.setEmail(email);
        form.setDisplayName(name);
        form.setRoles(Set.of(role));
        form.setApprovalLimit(new BigDecimal(limit));
        form.setInitialPassword(DemoLogins.PASSWORD);
        platform.createMerchantUser(merchantId, form, false);
    }

    private static NewMerchant merchant(String name, String portal, String zone, String language, String currency,
                                        Set<BookedModule> modules, String adminEmail, String adminName) {
        NewMerchant form = new NewMerchant();
        form.setName(name);
        form.setFirstPortalName(portal);
        form.setTimeZone(zone);
        form.setDefaultLanguage(language);
        form.setDefaultCurrency(currency);
        form.setModules(modules);
        form.setAdminEmail(adminEmail);
        form.setAdminName(adminName);
        form.setAdminInitialPassword(DemoLogins.PASSWORD);
        return form;
    }

    private static String postcode(String domain, Random random) {
        return domain.equals("de") ? String.format("%05d", 10000 + random.nextInt(89999))
                : "SW" + (1 + random.nextInt(20)) + " " + (1 + random.nextInt(9)) + "AA";
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
