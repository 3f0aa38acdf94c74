package com.kontor.demo;

import com.kontor.debtor.BankAccountData;
import com.kontor.debtor.BulkDebtors;
import com.kontor.debtor.CardData;
import com.kontor.debtor.MasterData;
import com.kontor.ledger.PaymentMethod;
import com.kontor.tenancy.Partition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.LongConsumer;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.springframework.stereotype.Component;

/**
 * Debtors with payment data and their payment processes with bookings, in realistic mixes (PLAT-5): German or
 * English names and addresses, companies, every payment method and status, amounts from a few euros to a few
 * hundred, two years of dates, partial refunds, chargebacks, overdue invoices. Used by the demo start and the bulk
 * fill; deterministic for a given seed.
 */
@Component
public class LedgerDataGenerator {

    /** Names and places of one market; first names by gender, so the salutation matches the name. */
    public record Market(
            List<String> womensFirstNames,
            List<String> mensFirstNames,
            List<String> lastNames,
            List<String> cities,
            String country,
            String emailDomain,
            String language,
            String companySuffix) {}

    public static final Market GERMANY = new Market(
            List.of("Anna", "Marie", "Sophie", "Lea", "Emma", "Özlem", "Zoë", "Hannah", "Mia", "Lena", "Sabine"),
            List.of(
                    "Lukas",
                    "Jonas",
                    "Felix",
                    "Paul",
                    "Maximilian",
                    "Jürgen",
                    "Björn",
                    "Leon",
                    "Finn",
                    "Elias",
                    "Thomas"),
            List.of(
                    "Müller",
                    "Schmidt",
                    "Schneider",
                    "Fischer",
                    "Weber",
                    "Meyer",
                    "Wagner",
                    "Becker",
                    "Schulz",
                    "Hoffmann",
                    "Schäfer",
                    "Müller-Lüdenscheid",
                    "Krüger",
                    "Schröder",
                    "Neumann",
                    "Schwarz",
                    "Zimmermann",
                    "Braun",
                    "Hofmann",
                    "Lange",
                    "Schmitt",
                    "Werner",
                    "Krause",
                    "Lehmann"),
            List.of(
                    "Berlin",
                    "Hamburg",
                    "München",
                    "Köln",
                    "Frankfurt am Main",
                    "Düsseldorf",
                    "Leipzig",
                    "Nürnberg",
                    "Stuttgart",
                    "Dortmund",
                    "Essen",
                    "Bremen",
                    "Dresden",
                    "Hannover",
                    "Münster",
                    "Lüdenscheid"),
            "DE",
            "example.de",
            "de",
            "GmbH");
    public static final Market BRITAIN = new Market(
            List.of("Amelia", "Isla", "Ava", "Mia", "Grace", "Freya", "Lily", "Siobhan"),
            List.of("Oliver", "George", "Harry", "Jack", "Charlie", "Noah", "Arthur", "Dylan"),
            List.of(
                    "Smith",
                    "Jones",
                    "Taylor",
                    "Brown",
                    "Williams",
                    "Wilson",
                    "Johnson",
                    "Davies",
                    "O'Connor",
                    "Evans",
                    "Thomas",
                    "Roberts",
                    "Walker",
                    "Wright",
                    "Robinson",
                    "Thompson"),
            List.of(
                    "London",
                    "Manchester",
                    "Bristol",
                    "Leeds",
                    "Edinburgh",
                    "Cardiff",
                    "Birmingham",
                    "Glasgow",
                    "Liverpool",
                    "Sheffield"),
            "GB",
            "example.co.uk",
            "en",
            "Ltd");

    private final BulkDebtors bulkDebtors;
    private final ProcessGenerator processes;

    public LedgerDataGenerator(BulkDebtors bulkDebtors, ProcessGenerator processes) {
        this.bulkDebtors = bulkDebtors;
        this.processes = processes;
    }

    /** What was generated. */
    public record Result(long debtors, long processes, long bookings) {}

    /**
     * Generates {@code debtorCount} debtors and about {@code processCount} processes in the partition, in batches of
     * {@code batchSize} debtors, each batch one transaction. {@code progress} hears the processes written so far.
     */
    public Result generate(
            Partition partition,
            List<Long> portalIds,
            Market market,
            String currency,
            ZoneId zone,
            int paymentTermDays,
            String customerPrefix,
            int debtorCount,
            long processCount,
            int batchSize,
            long seed,
            LongConsumer progress) {
        Random random = new Random(seed);
        Instant now = Instant.now();
        double perDebtor = (double) processCount / debtorCount;
        long writtenProcesses = 0;
        long writtenBookings = 0;
        for (int start = 0; start < debtorCount; start += batchSize) {
            int size = Math.min(batchSize, debtorCount - start);
            List<BulkDebtors.NewDebtor> batch = new ArrayList<>(size);
            List<Integer> counts = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int number = start + i + 1;
                Instant createdAt = now.minus(Duration.ofMinutes(random.nextLong(2L * 365 * 24 * 60)));
                batch.add(debtor(random, market, customerPrefix, number, createdAt));
                // about 1 in 12 debtors has no process yet; the others share the rest, a few with many
                double draw = random.nextDouble();
                counts.add(
                        draw < 0.08
                                ? 0
                                : (int) Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) * perDebtor / 0.92)));
            }
            List<BulkDebtors.Written> written =
                    bulkDebtors.insert(partition, batch, demoCreditorId(partition.merchantId()));
            List<ProcessGenerator.Spec> specs = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                BulkDebtors.NewDebtor d = batch.get(i);
                BulkDebtors.Written w = written.get(i);
                for (int k = 0; k < counts.get(i); k++) {
                    Instant createdAt = d.createdAt()
                            .plus(Duration.ofMinutes(random.nextLong(Math.max(
                                    1, Duration.between(d.createdAt(), now).toMinutes()))));
                    PaymentMethod method = method(random, w.bankAccountId() != null, w.cardId() != null);
                    long amount = 500 + (long) (Math.exp(random.nextGaussian() * 0.9 + 8.3));
                    specs.add(new ProcessGenerator.Spec(
                            w.id(),
                            d.customerId(),
                            portalIds.get(random.nextInt(portalIds.size())),
                            method,
                            amount,
                            createdAt,
                            method == PaymentMethod.DIRECT_DEBIT ? w.bankAccountId() : null,
                            method == PaymentMethod.DIRECT_DEBIT ? w.mandateId() : null,
                            method == PaymentMethod.CARD ? w.cardId() : null));
                }
            }
            writtenBookings += processes.write(partition, currency, zone, paymentTermDays, random, now, specs);
            writtenProcesses += specs.size();
            progress.accept(writtenProcesses);
        }
        return new Result(debtorCount, writtenProcesses, writtenBookings);
    }

    /**
     * A German SEPA creditor identifier for a demo merchant (DEB-6): "DE", two check digits, the business code "ZZZ"
     * and an 11-digit national part from the merchant id; the check digits by ISO 7064 MOD 97-10 over the national
     * part and "DE00" (the business code is not part of the check), as the Bundesbank assigns them.
     */
    static String demoCreditorId(long merchantId) {
        String national = "0" + String.format(java.util.Locale.ROOT, "%010d", 9_000_000_000L + merchantId);
        // D = 13, E = 14
        int check = 98
                - new java.math.BigInteger(national + "131400")
                        .mod(java.math.BigInteger.valueOf(97))
                        .intValue();
        return "DE" + String.format(java.util.Locale.ROOT, "%02d", check) + "ZZZ" + national;
    }

    static BulkDebtors.NewDebtor debtor(Random random, Market market, String prefix, int number, Instant createdAt) {
        boolean woman = random.nextBoolean();
        String first = pick(random, woman ? market.womensFirstNames() : market.mensFirstNames());
        String last = pick(random, market.lastNames());
        boolean company = random.nextInt(6) == 0;
        boolean german = market.country().equals("DE");
        String email = (first + "." + last)
                        .toLowerCase()
                        .replace("ü", "ue")
                        .replace("ö", "oe")
                        .replace("ä", "ae")
                        .replace("ß", "ss")
                        .replaceAll("[^a-z.]", "")
                + number + "@" + market.emailDomain();
        String street = german
                ? pick(
                                random,
                                List.of(
                                        "Hauptstraße",
                                        "Bahnhofstraße",
                                        "Lindenweg",
                                        "Gartenstraße",
                                        "Schillerstraße",
                                        "Am Markt"))
                        + " " + (1 + random.nextInt(150))
                : (1 + random.nextInt(200)) + " "
                        + pick(
                                random,
                                List.of("High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane"));
        String postcode = german
                ? String.format("%05d", 1067 + random.nextInt(98000))
                : pick(random, List.of("SW1A", "M1", "BS1", "LS1", "EH1", "CF10", "B1", "G1")) + " "
                        + (1 + random.nextInt(9)) + (char) ('A' + random.nextInt(26))
                        + (char) ('A' + random.nextInt(26));
        MasterData data = new MasterData(
                woman ? (german ? "Frau" : "Ms") : (german ? "Herr" : "Mr"),
                random.nextInt(20) == 0 ? "Dr." : null,
                company ? null : first,
                last,
                company ? last + " " + market.companySuffix() : null,
                street,
                null,
                postcode,
                pick(random, market.cities()),
                market.country(),
                email,
                null,
                random.nextInt(3) == 0
                        ? LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28))
                        : null,
                market.language(),
                company && german ? "DE" + (100000000 + random.nextInt(899999999)) : null);
        String holder = company ? last + " " + market.companySuffix() : first + " " + last;
        BankAccountData account =
                random.nextInt(100) < 30 ? new BankAccountData(holder, iban(random, german), null) : null;
        CardData card = random.nextInt(100) < 35
                ? new CardData(
                        "tok_" + HexFormat.of().formatHex(bytes(random, 12)),
                        random.nextBoolean() ? "VISA" : "MASTERCARD",
                        String.format("%04d", random.nextInt(10000)),
                        1 + random.nextInt(12),
                        2026 + random.nextInt(5),
                        holder)
                : null;
        return new BulkDebtors.NewDebtor(prefix + String.format("%05d", number), data, createdAt, account, card);
    }

    private static PaymentMethod method(Random random, boolean hasAccount, boolean hasCard) {
        int roll = random.nextInt(100);
        if (hasAccount && roll < 45) {
            return PaymentMethod.DIRECT_DEBIT;
        }
        if (hasCard && roll < 75) {
            return PaymentMethod.CARD;
        }
        int other = random.nextInt(100);
        return other < 55
                ? PaymentMethod.INVOICE
                : other < 72
                        ? PaymentMethod.WALLET
                        : other < 84
                                ? PaymentMethod.PREPAYMENT
                                : other < 94 ? PaymentMethod.BANK_TRANSFER : PaymentMethod.CASH_ON_DELIVERY;
    }

    private static String iban(Random random, boolean german) {
        Iban.Builder builder = new Iban.Builder();
        if (german) {
            builder.countryCode(CountryCode.DE)
                    .bankCode(pick(random, List.of("37040044", "10010010", "50010517", "20050550")))
                    .accountNumber(String.format("%010d", random.nextLong(10_000_000_000L)));
        } else {
            builder.countryCode(CountryCode.GB)
                    .bankCode(pick(random, List.of("WEST", "NWBK", "BARC")))
                    .branchCode(String.format("%06d", random.nextInt(1_000_000)))
                    .accountNumber(String.format("%08d", random.nextInt(100_000_000)));
        }
        return builder.build().toString();
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
