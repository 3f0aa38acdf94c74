package com.kontor.accounting;

import com.kontor.audit.AuditEntry;
import com.kontor.audit.AuditEventType;
import com.kontor.audit.AuditLog;
import com.kontor.tenancy.KontorUser;
import com.kontor.tenancy.OperationRefused;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-merchant account mapping (ACCT-1): SKR03 defaults until an ADMIN saves one; a save is refused field by
 * field (digits, exactly the DATEV account length), refused as a whole when someone saved in between (version), and
 * audited with every old and new value. Merchant-wide: live and test export with the same accounts.
 */
@Service
public class AccountMappings {

    private final JdbcTemplate jdbc;
    private final AccountingExportPermission permission;
    private final AuditLog auditLog;
    private final Clock clock;

    AccountMappings(JdbcTemplate jdbc, AccountingExportPermission permission, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.permission = permission;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** The current merchant's mapping for the admin page (ADMIN only). */
    @Transactional(readOnly = true)
    public AccountMapping editable() {
        KontorUser admin = permission.requireMapping();
        return of(admin.merchantId());
    }

    /** The mapping of a merchant, or the defaults; callers check the permission of what they do with it. */
    AccountMapping of(long merchantId) {
        List<AccountMapping> saved = jdbc.query(
                "select * from account_mapping where merchant_id = ?",
                (rs, row) -> new AccountMapping(
                        rs.getString("receivables"),
                        rs.getString("revenue_standard"),
                        rs.getString("revenue_reduced"),
                        rs.getString("revenue_zero"),
                        rs.getString("bank"),
                        rs.getString("clearing_default"),
                        clearing(merchantId),
                        rs.getString("provider_fees"),
                        rs.getString("dunning_fees"),
                        rs.getString("chargeback_fees"),
                        rs.getString("default_interest"),
                        rs.getString("bad_debt"),
                        rs.getInt("consultant_number"),
                        rs.getInt("client_number"),
                        rs.getInt("fiscal_year_start"),
                        rs.getInt("account_length"),
                        rs.getLong("version")),
                merchantId);
        return saved.isEmpty() ? AccountMapping.defaults() : saved.getFirst();
    }

    private Map<String, String> clearing(long merchantId) {
        Map<String, String> clearing = new LinkedHashMap<>();
        jdbc.query(
                "select provider, account from account_mapping_clearing where merchant_id = ? order by provider",
                rs -> {
                    clearing.put(rs.getString("provider"), rs.getString("account"));
                },
                merchantId);
        return clearing;
    }

    /**
     * Saves the mapping of the current merchant if nobody saved since {@code expectedVersion} (-1: never saved);
     * answers the saved mapping. Refuses bad fields with {@link AccountMappingInvalid}, a stale page with
     * {@link OperationRefused}.
     */
    @Transactional
    public AccountMapping save(AccountMapping mapping, long expectedVersion) {
        KontorUser admin = permission.requireMapping();
        long merchantId = admin.merchantId();
        Map<String, String> errors = validate(mapping);
        if (!errors.isEmpty()) {
            throw new AccountMappingInvalid(errors);
        }
        AccountMapping before = of(merchantId);
        if (before.version() != expectedVersion) {
            throw OperationRefused.because("accountMapping.stale");
        }
        long version = expectedVersion + 1;
        Timestamp now = Timestamp.from(Instant.now(clock));
        Object[] values = {
            mapping.receivables(),
            mapping.revenueStandard(),
            mapping.revenueReduced(),
            mapping.revenueZero(),
            mapping.bank(),
            mapping.clearingDefault(),
            mapping.providerFees(),
            mapping.dunningFees(),
            mapping.chargebackFees(),
            mapping.defaultInterest(),
            mapping.badDebt(),
            mapping.consultantNumber(),
            mapping.clientNumber(),
            mapping.fiscalYearStartMonth(),
            mapping.accountLength(),
            now,
            admin.email(),
            version,
            merchantId
        };
        String columns = "receivables = ?, revenue_standard = ?, revenue_reduced = ?, revenue_zero = ?, bank = ?,"
                + " clearing_default = ?, provider_fees = ?, dunning_fees = ?, chargeback_fees = ?,"
                + " default_interest = ?, bad_debt = ?, consultant_number = ?, client_number = ?,"
                + " fiscal_year_start = ?, account_length = ?, changed_at = ?, changed_by = ?, version = ?";
        if (expectedVersion < 0) {
            jdbc.update("insert into account_mapping set " + columns + ", merchant_id = ?", values);
        } else {
            Object[] guarded = Arrays.copyOf(values, values.length + 1);
            guarded[values.length] = expectedVersion;
            if (jdbc.update("update account_mapping set " + columns + " where merchant_id = ? and version = ?", guarded)
                    != 1) {
                throw OperationRefused.because("accountMapping.stale");
            }
        }
        jdbc.update("delete from account_mapping_clearing where merchant_id = ?", merchantId);
        for (String provider : AccountMapping.PROVIDERS) {
            jdbc.update(
                    "insert into account_mapping_clearing (merchant_id, provider, account) values (?, ?, ?)",
                    merchantId,
                    provider,
                    mapping.clearing().getOrDefault(provider, mapping.clearingDefault()));
        }
        AccountMapping after = of(merchantId);
        AuditEntry entry = AuditEntry.of(merchantId, admin.asActor(), AuditEventType.ACCOUNT_MAPPING_CHANGED)
                .withDetail("version", version);
        Map<String, Object> old = before.asMap();
        for (Map.Entry<String, Object> value : after.asMap().entrySet()) {
            if (!Objects.equals(old.get(value.getKey()), value.getValue())) {
                entry = entry.withChange(value.getKey(), old.get(value.getKey()), value.getValue());
            }
        }
        auditLog.record(entry);
        return after;
    }

    /**
     * The fields DATEV would refuse, with a message key: accounts of digits only and exactly the account length
     * (Sachkontenlänge 4 to 8), Beraternummer 1001 to 9999999, Mandantennummer 1 to 99999, the fiscal year's first
     * month 1 to 12. Empty when the mapping is good.
     */
    public static Map<String, String> validate(AccountMapping mapping) {
        Map<String, String> errors = new LinkedHashMap<>();
        int length = mapping.accountLength();
        if (length < 4 || length > 8) {
            errors.put("accountLength", "accountMapping.error.accountLength");
        }
        mapping.accounts().forEach((field, account) -> {
            if (account == null || !account.matches("[0-9]+")) {
                errors.put(field, "accountMapping.error.digits");
            } else if (!errors.containsKey("accountLength") && account.length() != length) {
                errors.put(field, "accountMapping.error.length");
            }
        });
        if (mapping.consultantNumber() < 1001 || mapping.consultantNumber() > 9_999_999) {
            errors.put("consultantNumber", "accountMapping.error.consultantNumber");
        }
        if (mapping.clientNumber() < 1 || mapping.clientNumber() > 99_999) {
            errors.put("clientNumber", "accountMapping.error.clientNumber");
        }
        if (mapping.fiscalYearStartMonth() < 1 || mapping.fiscalYearStartMonth() > 12) {
            errors.put("fiscalYearStartMonth", "accountMapping.error.fiscalYear");
        }
        return errors;
    }
}
