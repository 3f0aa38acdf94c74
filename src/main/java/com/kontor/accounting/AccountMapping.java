package com.kontor.accounting;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A merchant's accounts for the accounting export (ACCT-1) and the DATEV header data. The defaults are accounts of
 * DATEV's standard chart SKR03 (DATEV-Kontenrahmen SKR03; numbers checked against the published SKR03 listings):
 *
 * <ul>
 *   <li>receivables 1410 "Forderungen aus Lieferungen und Leistungen ohne Kontokorrent": 1400 is the collective
 *       account of the debtor ledger, which DATEV does not let a batch book directly;
 *   <li>revenue 8400 (19 % VAT), 8300 (7 % VAT), 8120 (tax-free sales, 0 %);
 *   <li>bank 1200 for money that arrives without a provider (invoice, prepayment paid by transfer), 1360
 *       "Geldtransit" as every provider's clearing account until the admin sets one (1361.. per provider);
 *   <li>provider fees 4970 "Nebenkosten des Geldverkehrs";
 *   <li>dunning fees and passed-on chargeback fees 2700 "Sonstige Erträge": damages, no VAT, so not an 8xxx revenue
 *       account with automatic VAT; default interest 2650 "Sonstige Zinsen und ähnliche Erträge";
 *   <li>bad-debt write-off 2400 "Forderungsverluste (übliche Höhe)".
 * </ul>
 *
 * @param version -1 while the defaults were never saved
 */
public record AccountMapping(
        String receivables,
        String revenueStandard,
        String revenueReduced,
        String revenueZero,
        String bank,
        String clearingDefault,
        Map<String, String> clearing,
        String providerFees,
        String dunningFees,
        String chargebackFees,
        String defaultInterest,
        String badDebt,
        int consultantNumber,
        int clientNumber,
        int fiscalYearStartMonth,
        int accountLength,
        long version) {

    /** The providers whose clearing account the admin page offers; others book to {@link #clearingDefault}. */
    public static final List<String> PROVIDERS = List.of("SIMULATOR", "PAYONE", "ADYEN");

    public AccountMapping {
        clearing = Map.copyOf(clearing);
    }

    /** SKR03 defaults (see the class comment); Beraternummer and Mandantennummer are DATEV's sample numbers. */
    public static AccountMapping defaults() {
        Map<String, String> clearing = new LinkedHashMap<>();
        PROVIDERS.forEach(p -> clearing.put(p, "1360"));
        return new AccountMapping(
                "1410", "8400", "8300", "8120", "1200", "1360", clearing, "4970", "2700", "2700", "2650", "2400", 1001,
                1, 1, 4, -1);
    }

    /** The revenue account of a VAT rate; empty for a rate the mapping has no account for. */
    public Optional<String> revenueFor(BigDecimal vatPercent) {
        if (vatPercent.compareTo(BigDecimal.valueOf(19)) == 0) {
            return Optional.of(revenueStandard);
        }
        if (vatPercent.compareTo(BigDecimal.valueOf(7)) == 0) {
            return Optional.of(revenueReduced);
        }
        if (vatPercent.signum() == 0) {
            return Optional.of(revenueZero);
        }
        return Optional.empty();
    }

    /** Where a provider's money arrives; without a provider (paid by bank transfer) the bank account. */
    public String clearingFor(String provider) {
        if (provider == null || provider.isBlank()) {
            return bank;
        }
        return clearing.getOrDefault(provider, clearingDefault);
    }

    public boolean saved() {
        return version >= 0;
    }

    /** The accounts by their field name, in the order of the admin page: what validation and the audit compare. */
    public Map<String, String> accounts() {
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put("receivables", receivables);
        accounts.put("revenueStandard", revenueStandard);
        accounts.put("revenueReduced", revenueReduced);
        accounts.put("revenueZero", revenueZero);
        accounts.put("bank", bank);
        accounts.put("clearingDefault", clearingDefault);
        PROVIDERS.forEach(p -> accounts.put("clearing." + p, clearing.getOrDefault(p, clearingDefault)));
        accounts.put("providerFees", providerFees);
        accounts.put("dunningFees", dunningFees);
        accounts.put("chargebackFees", chargebackFees);
        accounts.put("defaultInterest", defaultInterest);
        accounts.put("badDebt", badDebt);
        return accounts;
    }

    /** Every field with its value, for the audit of a change. */
    Map<String, Object> asMap() {
        Map<String, Object> all = new LinkedHashMap<>(accounts());
        all.put("consultantNumber", consultantNumber);
        all.put("clientNumber", clientNumber);
        all.put("fiscalYearStartMonth", fiscalYearStartMonth);
        all.put("accountLength", accountLength);
        return all;
    }
}
