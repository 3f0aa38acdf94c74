package com.kontor.dunning;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.CurrentUser;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.MerchantDirectory;
import com.kontor.tenancy.OperationRefused;
import com.kontor.tenancy.Partition;
import com.kontor.text.FreeText;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dunning procedure per merchant and mode (DUN-1): read by the dunning run and the views, edited by the
 * merchant's ADMIN, seeded by Kontor for its demo. Every save is validated as a whole (nothing is stored when any
 * setting is invalid), guarded by a version against a concurrent save, and audited with the old and new values.
 */
@Service
public class DunningProcedures {

    public static final int MAX_LEVELS = 4;
    public static final List<String> LANGUAGES = List.of("de", "en");
    public static final int MAX_DAYS = 365;
    /** 10,000.00 in minor units of a currency with two decimals. */
    public static final long MAX_FEE = 1_000_000;

    public static final long MAX_TOLERANCE = 1_000_000;
    public static final int MIN_BASE_RATE_BP = -1000;
    public static final int MAX_BASE_RATE_BP = 2000;
    public static final int MAX_SURCHARGE_BP = 2000;
    public static final int MAX_LETTER_LENGTH = 4000;
    public static final int MAX_SUBJECT_LENGTH = 200;
    public static final int MAX_BODY_LENGTH = 4000;

    /** Saves over whatever version is stored (the system's seed, the plain save). */
    private static final long ANY_VERSION = Long.MIN_VALUE;
    /** Characters of a text the audit record keeps whole. */
    static final int AUDIT_TEXT_CHARS = 160;

    private final JdbcTemplate jdbc;
    private final CurrentTenancy tenancy;
    private final CurrentUser currentUser;
    private final AuditLog auditLog;
    private final MerchantDirectory merchants;

    public DunningProcedures(
            JdbcTemplate jdbc,
            CurrentTenancy tenancy,
            CurrentUser currentUser,
            AuditLog auditLog,
            MerchantDirectory merchants) {
        this.jdbc = jdbc;
        this.merchants = merchants;
        this.tenancy = tenancy;
        this.currentUser = currentUser;
        this.auditLog = auditLog;
    }

    /** The procedure of the current partition (merchant and mode); empty when none was saved. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'FINANCE', 'APPROVER', 'SUPPORT', 'AUDITOR')")
    public Optional<DunningProcedure> current() {
        return read(tenancy.requirePartition()).map(Stored::procedure);
    }

    /** The procedure of a partition, for the run (system work, no user); empty: the merchant has none. */
    @Transactional(readOnly = true)
    public Optional<DunningProcedure> of(Partition partition) {
        return read(partition).map(Stored::procedure);
    }

    /**
     * For the admin: the saved procedure with its version, or the German defaults in the merchant's currency (not
     * saved, version -1).
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public EditableProcedure editable() {
        return read(tenancy.requirePartition())
                .map(s -> new EditableProcedure(s.procedure(), s.version(), true))
                .orElseGet(() -> {
                    DunningProcedure d = germanDefaults();
                    String currency = merchants
                            .current()
                            .map(m -> m.settings().defaultCurrency().getCurrencyCode())
                            .orElse(d.currency());
                    return new EditableProcedure(
                            new DunningProcedure(
                                    d.levels(),
                                    d.collectionEnabled(),
                                    d.collectionDays(),
                                    d.tolerance(),
                                    d.releaseByFinance(),
                                    d.interest(),
                                    currency),
                            -1,
                            false);
                });
    }

    /** Saves the current partition's procedure whatever version is stored (the last save wins). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public DunningProcedure save(DunningProcedure procedure) {
        return save(procedure, ANY_VERSION);
    }

    /**
     * Saves the current partition's procedure if the stored one still has {@code expectedVersion} (-1: none is
     * stored yet); refused with "dunning.procedure.changedMeanwhile" otherwise. Refused with
     * {@link DunningProcedureInvalid} when any setting breaks a rule.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public DunningProcedure save(DunningProcedure procedure, long expectedVersion) {
        KontorUser user = currentUser.require();
        Partition partition = tenancy.requirePartition();
        if (user.merchantId() == null || user.merchantId() != partition.merchantId()) {
            throw new AccessDeniedException("Only the merchant's admin saves its dunning procedure");
        }
        return store(partition, procedure, expectedVersion, user);
    }

    /** The procedure of a partition Kontor itself creates (the demo): checked and audited like an admin's save. */
    @Transactional
    public DunningProcedure seed(Partition partition, DunningProcedure procedure) {
        KontorUser user = currentUser.require();
        if (!user.isSystem()) {
            throw new AccessDeniedException("Only Kontor itself seeds dunning procedures");
        }
        return store(partition, procedure, ANY_VERSION, user);
    }

    private DunningProcedure store(
            Partition partition, DunningProcedure procedure, long expectedVersion, KontorUser user) {
        Map<String, String> errors = validate(procedure);
        if (!errors.isEmpty()) {
            throw new DunningProcedureInvalid(errors);
        }
        String key = partition.key();
        List<Long> locked = jdbc.queryForList(
                "select version from dunning_procedure where partition_key = ? for update", Long.class, key);
        long storedVersion = locked.isEmpty() ? -1 : locked.getFirst();
        if (expectedVersion != ANY_VERSION && expectedVersion != storedVersion) {
            throw OperationRefused.because("dunning.procedure.changedMeanwhile");
        }
        Optional<Stored> before = read(partition);
        InterestRules interest = procedure.interest();
        Timestamp now = Timestamp.from(Instant.now());
        String by = user.isSystem() ? user.displayName() : user.email();
        if (locked.isEmpty()) {
            try {
                jdbc.update(
                        "insert into dunning_procedure (partition_key, currency, tolerance, release_by_finance,"
                                + " collection_enabled, collection_days, consumer_interest, business_interest,"
                                + " business_flat_fee, base_rate_bp, consumer_surcharge_bp, business_surcharge_bp,"
                                + " business_flat_fee_amount, version, updated_at, updated_by)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                        key,
                        procedure.currency(),
                        procedure.tolerance(),
                        procedure.releaseByFinance(),
                        procedure.collectionEnabled(),
                        procedure.collectionDays(),
                        interest.consumerInterest(),
                        interest.businessInterest(),
                        interest.businessFlatFee(),
                        interest.baseRateBasisPoints(),
                        interest.consumerSurchargeBasisPoints(),
                        interest.businessSurchargeBasisPoints(),
                        interest.businessFlatFeeAmount(),
                        now,
                        by);
            } catch (DuplicateKeyException e) {
                throw OperationRefused.because("dunning.procedure.changedMeanwhile");
            }
        } else {
            int updated = jdbc.update(
                    "update dunning_procedure set currency = ?, tolerance = ?, release_by_finance = ?,"
                            + " collection_enabled = ?, collection_days = ?, consumer_interest = ?,"
                            + " business_interest = ?, business_flat_fee = ?, base_rate_bp = ?,"
                            + " consumer_surcharge_bp = ?, business_surcharge_bp = ?, business_flat_fee_amount = ?,"
                            + " version = version + 1, updated_at = ?, updated_by = ?"
                            + " where partition_key = ? and version = ?",
                    procedure.currency(),
                    procedure.tolerance(),
                    procedure.releaseByFinance(),
                    procedure.collectionEnabled(),
                    procedure.collectionDays(),
                    interest.consumerInterest(),
                    interest.businessInterest(),
                    interest.businessFlatFee(),
                    interest.baseRateBasisPoints(),
                    interest.consumerSurchargeBasisPoints(),
                    interest.businessSurchargeBasisPoints(),
                    interest.businessFlatFeeAmount(),
                    now,
                    by,
                    key,
                    storedVersion);
            if (updated != 1) {
                throw OperationRefused.because("dunning.procedure.changedMeanwhile");
            }
            jdbc.update("delete from dunning_level_text where partition_key = ?", key);
            jdbc.update("delete from dunning_level where partition_key = ?", key);
        }
        List<Object[]> levels = new ArrayList<>();
        List<Object[]> texts = new ArrayList<>();
        for (DunningLevelRule level : procedure.levels()) {
            levels.add(new Object[] {
                key, level.level(), level.days(), level.fee(), level.channel().name()
            });
            for (String language : LANGUAGES) {
                LevelTexts t = level.texts().get(language);
                texts.add(new Object[] {key, level.level(), language, t.letter(), t.emailSubject(), t.emailBody()});
            }
        }
        jdbc.batchUpdate(
                "insert into dunning_level (partition_key, level, days, fee, channel) values (?, ?, ?, ?, ?)", levels);
        jdbc.batchUpdate(
                "insert into dunning_level_text (partition_key, level, language, letter, email_subject, email_body)"
                        + " values (?, ?, ?, ?, ?, ?)",
                texts);

        Map<String, String> old = before.map(s -> describe(s.procedure())).orElse(Map.of());
        Map<String, String> after = describe(procedure);
        AuditEntry entry = new AuditEntry(
                partition.merchantId(),
                partition.mode().name(),
                user.asActor(),
                AuditEventType.DUNNING_PROCEDURE_CHANGED,
                null,
                null,
                null,
                Map.of());
        TreeSet<String> keys = new TreeSet<>(old.keySet());
        keys.addAll(after.keySet());
        for (String k : keys) {
            String o = old.get(k);
            String n = after.get(k);
            if (!Objects.equals(o, n)) {
                entry = entry.withChange(k, o == null ? "" : o, n == null ? "" : n);
            }
        }
        auditLog.record(entry);
        return procedure;
    }

    /** Every rule broken by the procedure, field name to message key; empty when it may be saved. */
    public static Map<String, String> validate(DunningProcedure p) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<DunningLevelRule> levels = p.levels();
        if (levels.isEmpty() || levels.size() > MAX_LEVELS) {
            errors.put("levels", "dunning.invalid.levelCount");
        }
        for (int i = 0; i < levels.size(); i++) {
            DunningLevelRule level = levels.get(i);
            if (level == null || level.level() != i + 1) {
                errors.put("levels", "dunning.invalid.levelNumbers");
                continue;
            }
            String prefix = "levels." + level.level() + ".";
            if (level.days() < 1 || level.days() > MAX_DAYS) {
                errors.put(prefix + "days", "dunning.invalid.days");
            }
            if (level.fee() < 0 || level.fee() > MAX_FEE) {
                errors.put(prefix + "fee", "dunning.invalid.fee");
            }
            if (level.channel() == null) {
                errors.put(prefix + "channel", "dunning.invalid.channel");
            }
            for (String language : level.texts().keySet()) {
                if (!LANGUAGES.contains(language)) {
                    errors.put(prefix + language, "dunning.invalid.language");
                }
            }
            for (String language : LANGUAGES) {
                LevelTexts t = level.texts().get(language);
                String textPrefix = prefix + language + ".";
                text(errors, textPrefix + "letter", t == null ? null : t.letter(), MAX_LETTER_LENGTH, true);
                text(
                        errors,
                        textPrefix + "emailSubject",
                        t == null ? null : t.emailSubject(),
                        MAX_SUBJECT_LENGTH,
                        false);
                text(errors, textPrefix + "emailBody", t == null ? null : t.emailBody(), MAX_BODY_LENGTH, true);
            }
        }
        if (p.collectionDays() < 1 || p.collectionDays() > MAX_DAYS) {
            errors.put("collectionDays", "dunning.invalid.days");
        }
        if (p.tolerance() < 0 || p.tolerance() > MAX_TOLERANCE) {
            errors.put("tolerance", "dunning.invalid.tolerance");
        }
        if (!isCurrency(p.currency())) {
            errors.put("currency", "dunning.invalid.currency");
        }
        InterestRules interest = p.interest();
        if (interest == null) {
            errors.put("interest.baseRate", "dunning.invalid.baseRate");
        } else {
            if (interest.baseRateBasisPoints() < MIN_BASE_RATE_BP
                    || interest.baseRateBasisPoints() > MAX_BASE_RATE_BP) {
                errors.put("interest.baseRate", "dunning.invalid.baseRate");
            }
            if (interest.consumerSurchargeBasisPoints() < 0
                    || interest.consumerSurchargeBasisPoints() > MAX_SURCHARGE_BP) {
                errors.put("interest.consumerSurcharge", "dunning.invalid.surcharge");
            }
            if (interest.businessSurchargeBasisPoints() < 0
                    || interest.businessSurchargeBasisPoints() > MAX_SURCHARGE_BP) {
                errors.put("interest.businessSurcharge", "dunning.invalid.surcharge");
            }
            if (interest.businessFlatFeeAmount() < 0 || interest.businessFlatFeeAmount() > MAX_FEE) {
                errors.put("interest.flatFee", "dunning.invalid.fee");
            }
        }
        return errors;
    }

    private static void text(Map<String, String> errors, String field, String value, int max, boolean multiLine) {
        if (value == null || value.isBlank()) {
            errors.put(field, "dunning.invalid.required");
        } else if (value.length() > max) {
            errors.put(field, "dunning.invalid.tooLong");
        } else if (FreeText.problem(value, multiLine) != null) {
            errors.put(field, FreeText.problem(value, multiLine).messageKey());
        } else if (!DunningTexts.unknownPlaceholders(value).isEmpty()) {
            errors.put(field, "dunning.invalid.placeholder");
        }
    }

    private static boolean isCurrency(String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The procedure as flat key-value pairs, for the audit record's old and new values. */
    private static Map<String, String> describe(DunningProcedure p) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("currency", p.currency());
        d.put("tolerance", Long.toString(p.tolerance()));
        d.put("releaseByFinance", Boolean.toString(p.releaseByFinance()));
        d.put("collectionEnabled", Boolean.toString(p.collectionEnabled()));
        d.put("collectionDays", Integer.toString(p.collectionDays()));
        InterestRules i = p.interest();
        d.put("interest.consumerInterest", Boolean.toString(i.consumerInterest()));
        d.put("interest.businessInterest", Boolean.toString(i.businessInterest()));
        d.put("interest.businessFlatFee", Boolean.toString(i.businessFlatFee()));
        d.put("interest.baseRateBasisPoints", Integer.toString(i.baseRateBasisPoints()));
        d.put("interest.consumerSurchargeBasisPoints", Integer.toString(i.consumerSurchargeBasisPoints()));
        d.put("interest.businessSurchargeBasisPoints", Integer.toString(i.businessSurchargeBasisPoints()));
        d.put("interest.businessFlatFeeAmount", Long.toString(i.businessFlatFeeAmount()));
        d.put("levels", Integer.toString(p.levels().size()));
        for (DunningLevelRule l : p.levels()) {
            String prefix = "levels." + l.level() + ".";
            d.put(prefix + "days", Integer.toString(l.days()));
            d.put(prefix + "fee", Long.toString(l.fee()));
            d.put(prefix + "channel", l.channel().name());
            for (Map.Entry<String, LevelTexts> t : new java.util.TreeMap<>(l.texts()).entrySet()) {
                d.put(prefix + t.getKey() + ".letter", auditText(t.getValue().letter()));
                d.put(
                        prefix + t.getKey() + ".emailSubject",
                        auditText(t.getValue().emailSubject()));
                d.put(prefix + t.getKey() + ".emailBody", auditText(t.getValue().emailBody()));
            }
        }
        return d;
    }

    /**
     * A text as the audit record keeps it: whole up to {@value #AUDIT_TEXT_CHARS} characters, else its start, its
     * length and a hash that tells any two versions apart; 24 texts of 4,000 characters old and new would not fit
     * the record.
     */
    static String auditText(String text) {
        if (text == null || text.length() <= AUDIT_TEXT_CHARS) {
            return text;
        }
        String hash;
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            hash = java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return text.substring(0, AUDIT_TEXT_CHARS) + "… (" + text.length() + " characters, sha256 " + hash + ")";
    }

    private record Stored(DunningProcedure procedure, long version) {}

    private Optional<Stored> read(Partition partition) {
        String key = partition.key();
        List<Object[]> rows = jdbc.query(
                "select currency, tolerance, release_by_finance, collection_enabled, collection_days,"
                        + " consumer_interest, business_interest, business_flat_fee, base_rate_bp,"
                        + " consumer_surcharge_bp, business_surcharge_bp, business_flat_fee_amount, version"
                        + " from dunning_procedure where partition_key = ?",
                (rs, n) -> new Object[] {
                    rs.getString("currency"),
                    rs.getLong("tolerance"),
                    rs.getBoolean("release_by_finance"),
                    rs.getBoolean("collection_enabled"),
                    rs.getInt("collection_days"),
                    new InterestRules(
                            rs.getBoolean("consumer_interest"),
                            rs.getBoolean("business_interest"),
                            rs.getBoolean("business_flat_fee"),
                            rs.getInt("base_rate_bp"),
                            rs.getInt("consumer_surcharge_bp"),
                            rs.getInt("business_surcharge_bp"),
                            rs.getLong("business_flat_fee_amount")),
                    rs.getLong("version")
                },
                key);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.getFirst();
        Map<Integer, Map<String, LevelTexts>> texts = new HashMap<>();
        jdbc.query(
                "select level, language, letter, email_subject, email_body from dunning_level_text"
                        + " where partition_key = ?",
                rs -> {
                    texts.computeIfAbsent(rs.getInt("level"), l -> new HashMap<>())
                            .put(
                                    rs.getString("language"),
                                    new LevelTexts(
                                            rs.getString("letter"),
                                            rs.getString("email_subject"),
                                            rs.getString("email_body")));
                },
                key);
        List<DunningLevelRule> levels = jdbc.query(
                "select level, days, fee, channel from dunning_level where partition_key = ? order by level",
                (rs, n) -> new DunningLevelRule(
                        rs.getInt("level"),
                        rs.getInt("days"),
                        rs.getLong("fee"),
                        DunningChannel.valueOf(rs.getString("channel")),
                        texts.getOrDefault(rs.getInt("level"), Map.of())),
                key);
        DunningProcedure procedure = new DunningProcedure(
                levels,
                (Boolean) row[3],
                (Integer) row[4],
                (Long) row[1],
                (Boolean) row[2],
                (InterestRules) row[5],
                (String) row[0]);
        return Optional.of(new Stored(procedure, (Long) row[6]));
    }

    /**
     * The German defaults: a friendly reminder 7 days after the due date (no fee), the 1st dunning 14 days later
     * (5.00 EUR), the 2nd 14 days later (10.00 EUR), debt collection 14 days after that; tolerance 5.00 EUR; the
     * run proposes and finance releases; default interest at the base rate of 1.27 % plus 5 points for consumers and
     * 9 for businesses, and the 40 EUR flat fee for businesses; texts in German and English.
     */
    public static DunningProcedure germanDefaults() {
        return new DunningProcedure(
                List.of(
                        new DunningLevelRule(1, 7, 0, DunningChannel.EMAIL, DefaultTexts.level(1)),
                        new DunningLevelRule(2, 14, 500, DunningChannel.BOTH, DefaultTexts.level(2)),
                        new DunningLevelRule(3, 14, 1000, DunningChannel.BOTH, DefaultTexts.level(3))),
                true,
                14,
                500,
                true,
                new InterestRules(true, true, true, 127, 500, 900, 4000),
                "EUR");
    }
}
