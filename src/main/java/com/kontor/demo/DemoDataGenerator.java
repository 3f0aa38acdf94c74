package com.kontor.demo;

import com.kontor.api.ApiKeys;
import com.kontor.blacklist.Blacklist;
import com.kontor.blacklist.BlacklistKind;
import com.kontor.db.RetryingTransactions;
import com.kontor.dunning.DunningProcedures;
import com.kontor.dunning.DunningRuns;
import com.kontor.money.Money;
import com.kontor.psp.ProviderAccounts;
import com.kontor.tenancy.BookedModule;
import com.kontor.tenancy.LetterheadForm;
import com.kontor.tenancy.LetterheadService;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.MerchantOverview;
import com.kontor.tenancy.MerchantSummary;
import com.kontor.tenancy.Mode;
import com.kontor.tenancy.NewMerchant;
import com.kontor.tenancy.NewUser;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.tenancy.PlatformAdministration;
import com.kontor.tenancy.PortalSummary;
import com.kontor.tenancy.Role;
import com.kontor.tenancy.SettingsSnapshot;
import com.kontor.tenancy.SystemScope;
import com.kontor.tenancy.TenancyScope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Generates demo data (PLAT-5). Merchants, users, keys, provider accounts and the blacklist go through the same
 * services the portal uses, so every rule and audit record applies. Merchant A (German, all modules, two portals, one
 * user per role) and merchant B (British, one portal) show the isolation of merchants; each gets debtors with
 * payment data and processes with bookings in live and in test mode, written in batches through the ledger
 * ({@link LedgerDataGenerator}). {@code size} is merchant A's debtors per mode (about three processes each);
 * merchant B gets a fifth. Deterministic: the same size gives the same data.
 */
@Component
public class DemoDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final PlatformAdministration platform;
    private final ApiKeys apiKeys;
    private final MerchantDirectory merchantDirectory;
    private final Blacklist blacklist;
    private final ProviderAccounts providerAccounts;
    private final LedgerDataGenerator ledgerData;
    private final LetterheadService letterheads;
    private final DunningProcedures dunningProcedures;
    private final DunningRuns dunningRuns;
    private final RetryingTransactions transactions;

    public DemoDataGenerator(
            PlatformAdministration platform,
            ApiKeys apiKeys,
            MerchantDirectory merchantDirectory,
            Blacklist blacklist,
            ProviderAccounts providerAccounts,
            LedgerDataGenerator ledgerData,
            LetterheadService letterheads,
            DunningProcedures dunningProcedures,
            DunningRuns dunningRuns,
            RetryingTransactions transactions) {
        this.transactions = transactions;
        this.ledgerData = ledgerData;
        this.dunningProcedures = dunningProcedures;
        this.dunningRuns = dunningRuns;
        this.letterheads = letterheads;
        this.blacklist = blacklist;
        this.providerAccounts = providerAccounts;
        this.platform = platform;
        this.apiKeys = apiKeys;
        this.merchantDirectory = merchantDirectory;
    }

    /**
     * Seeds an empty platform; returns false (and changes nothing) when any merchant exists, or when another server
     * seeds the same database at this moment. The demo runs only on a server's own embedded database
     * ({@link DemoStartup}), but a second server pointed at it, or {@link BulkFill} started beside a server, would find
     * it empty too: the first merchant is the claim. Its unique name lets one seeder create it; the other's insert meets
     * a duplicate key, {@link RetryingTransactions} runs its transaction again, it finds the name taken and leaves the
     * seeding to the one that holds the claim, without failing its start.
     */
    public boolean seedIfEmpty(int size) {
        return SystemScope.run("demo data generator", () -> {
            if (platform.anyMerchant()) {
                return false;
            }
            MerchantOverview a;
            try {
                a = transactions.write(status -> platform.createMerchant(
                        merchant(
                                DemoLogins.MERCHANT_A,
                                "Webshop",
                                "Europe/Berlin",
                                "de",
                                "EUR",
                                EnumSet.allOf(BookedModule.class),
                                "admin@mueller.example",
                                "Greta Admin"),
                        false));
            } catch (OperationRefused taken) {
                if (!"merchant.nameTaken".equals(taken.messageKey())) {
                    throw taken;
                }
                log.info("Another server is seeding the demo data into this database; this one leaves it to it");
                return false;
            }
            seed(a, size);
            return true;
        });
    }

    private void seed(MerchantOverview a, int size) {
        platform.createPortal(a.id(), "Marktplatz");
        user(a.id(), "support@mueller.example", "Sam Support", Role.SUPPORT, "0");
        user(a.id(), "finance@mueller.example", "Fiona Finanz", Role.FINANCE, "500");
        user(a.id(), "approver@mueller.example", "Arne Approver", Role.APPROVER, "5000");
        user(a.id(), "auditor@mueller.example", "Aylin Auditor", Role.AUDITOR, "0");
        platform.setFourEyes(a.id(), true, Money.of(100_00, "EUR"));
        letterheads.seed(a.id(), muellerLetterhead());
        // DUN-1: Müller dunns in both modes by the German defaults from the start
        for (Mode mode : Mode.values()) {
            dunningProcedures.seed(new Partition(a.id(), mode), DunningProcedures.germanDefaults());
        }

        MerchantOverview b = platform.createMerchant(
                merchant(
                        DemoLogins.MERCHANT_B,
                        "Shop UK",
                        "Europe/London",
                        "en",
                        "GBP",
                        EnumSet.of(BookedModule.RISK),
                        "admin@baker.example",
                        "Ben Baker"),
                false);
        user(b.id(), "support@baker.example", "Sue Support", Role.SUPPORT, "0");

        platform.createOperator("operator@kontor.example", "Olga Operator", DemoLogins.PASSWORD, false);

        for (DemoLogins.DemoKey key : DemoLogins.KEYS) {
            long merchantId = key.merchant().equals(DemoLogins.MERCHANT_A) ? a.id() : b.id();
            TenancyScope.inPartition(new Partition(merchantId, Mode.valueOf(key.mode())), () -> {
                long portalId = merchantDirectory.requireCurrent().portals().stream()
                        .filter(p -> p.name().equals(key.portal()))
                        .findFirst()
                        .orElseThrow()
                        .id();
                apiKeys.createWithSecret(portalId, "Demo key", key.secret());
            });
        }

        TenancyScope.inPartition(new Partition(a.id(), Mode.TEST), () -> {
            long webshop = merchantDirectory.requireCurrent().portals().stream()
                    .filter(p -> p.name().equals("Webshop"))
                    .findFirst()
                    .orElseThrow()
                    .id();
            providerAccounts.setPayone(webshop, DemoLogins.PAYONE_PORTAL_ID, DemoLogins.PAYONE_KEY);
            providerAccounts.setAdyenMerchantAccount(webshop, DemoLogins.ADYEN_MERCHANT_ACCOUNT);
            providerAccounts.rotateAdyenKey(webshop, DemoLogins.ADYEN_HMAC_KEY);
            providerAccounts.seedPreviousAdyenKey(
                    webshop, DemoLogins.ADYEN_PREVIOUS_HMAC_KEY, Instant.now().minus(Duration.ofHours(1)));
            blacklist.add(BlacklistKind.EMAIL, DemoLogins.BLACKLISTED_EMAIL, null);
            blacklist.add(BlacklistKind.IBAN, DemoLogins.BLACKLISTED_IBAN, null);
            blacklist.add(BlacklistKind.CARD_TOKEN, DemoLogins.BLACKLISTED_CARD_TOKEN, null);
        });

        generate(new Partition(a.id(), Mode.LIVE), LedgerDataGenerator.GERMANY, "K-", size, 11);
        generate(new Partition(a.id(), Mode.TEST), LedgerDataGenerator.GERMANY, "T-", size, 12);
        generate(new Partition(b.id(), Mode.LIVE), LedgerDataGenerator.BRITAIN, "K-", Math.max(1, size / 5), 13);
        generate(new Partition(b.id(), Mode.TEST), LedgerDataGenerator.BRITAIN, "T-", Math.max(1, size / 5), 14);
        // DUN-3: the first run, so that the Dunning view shows proposals to release on the first start
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        for (Mode mode : Mode.values()) {
            dunningRuns.run(new Partition(a.id(), mode), DunningProcedures.germanDefaults(), today, "demo data");
        }
    }

    /** {@code debtors} debtors with about three processes each, in the partition's currency and time zone. */
    private void generate(
            Partition partition, LedgerDataGenerator.Market market, String prefix, int debtors, long seed) {
        TenancyScope.inPartition(partition, () -> {
            MerchantSummary merchant = merchantDirectory.requireCurrent();
            SettingsSnapshot settings = merchant.settings();
            ledgerData.generate(
                    partition,
                    merchant.portals().stream().map(PortalSummary::id).toList(),
                    market,
                    settings.defaultCurrency().getCurrencyCode(),
                    settings.timeZone(),
                    settings.paymentTermDays(),
                    prefix,
                    debtors,
                    debtors * 3L,
                    500,
                    seed,
                    written -> {});
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

    /** Müller's letterhead (DOC-1): what its invoices and credit notes are printed on. */
    private static LetterheadForm muellerLetterhead() {
        LetterheadForm form = new LetterheadForm();
        form.setName(DemoLogins.MERCHANT_A);
        form.setStreet("Sendlinger Straße 12");
        form.setPostcode("80331");
        form.setCity("München");
        form.setCountry("DE");
        form.setEmail("buchhaltung@mueller.example");
        form.setPhone("+49 89 1234567");
        form.setWebsite("www.mueller.example");
        form.setBankName("Commerzbank");
        form.setIban("DE89 3704 0044 0532 0130 00");
        form.setBic("COBADEFFXXX");
        form.setVatId("DE123456789");
        form.setRegisterEntry("Amtsgericht München HRB 123456");
        form.setManagingDirectors("Martina Müller, Jörg Łukaszewski");
        form.setDefaultLanguage("de");
        form.setDefaultVatPercent(new BigDecimal("19"));
        form.setInvoicePrefix("RE-");
        form.setCreditNotePrefix("GS-");
        form.setLogo(logo(), "image/png");
        return form;
    }

    /** A plain logo drawn from shapes only: no font is needed, so it draws on a machine without fonts too. */
    private static byte[] logo() {
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(480, 160, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new java.awt.Color(0x1F, 0x3A, 0x5F));
            g.fillRoundRect(0, 10, 140, 140, 28, 28);
            g.setColor(java.awt.Color.WHITE);
            // an "M" of three bars
            g.fillRect(30, 40, 18, 80);
            g.fillRect(92, 40, 18, 80);
            g.fillPolygon(new int[] {30, 48, 79, 61}, new int[] {40, 40, 95, 95}, 4);
            g.fillPolygon(new int[] {110, 92, 61, 79}, new int[] {40, 40, 95, 95}, 4);
            g.setColor(new java.awt.Color(0xC8, 0x8A, 0x2E));
            g.fillRect(170, 60, 290, 16);
            g.setColor(new java.awt.Color(0x1F, 0x3A, 0x5F));
            g.fillRect(170, 90, 220, 10);
        } finally {
            g.dispose();
        }
        try (java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static NewMerchant merchant(
            String name,
            String portal,
            String zone,
            String language,
            String currency,
            Set<BookedModule> modules,
            String adminEmail,
            String adminName) {
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
}
