package com.kontor.document;

/** The merchant's letterhead: name, one address line and the VAT ID (may be null or blank). */
public record Letterhead(String merchantName, String addressLine, String vatId) {}
