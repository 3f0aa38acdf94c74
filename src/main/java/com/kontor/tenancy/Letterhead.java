package com.kontor.tenancy;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The merchant's letterhead as printed on invoices, credit notes and letters (DOC-1); one per merchant, the same in
 * live and test mode.
 *
 * @param country ISO 3166 alpha-2
 * @param website optional, may be null
 * @param managingDirectors optional, may be null
 * @param logo PNG or JPEG bytes, or null when the merchant has no logo
 * @param logoMediaType {@code image/png} or {@code image/jpeg}, null without logo
 * @param defaultLanguage German or English
 * @param defaultVatPercent used for invoices of processes that have no item lines, e.g. 19
 */
public record Letterhead(
        String name,
        String street,
        String postcode,
        String city,
        String country,
        String email,
        String phone,
        String website,
        String bankName,
        String iban,
        String bic,
        String vatId,
        String registerEntry,
        String managingDirectors,
        byte[] logo,
        String logoMediaType,
        Locale defaultLanguage,
        BigDecimal defaultVatPercent,
        String invoicePrefix,
        String creditNotePrefix) {

    /** Whether a logo is set. */
    public boolean hasLogo() {
        return logo != null && logo.length > 0;
    }
}
