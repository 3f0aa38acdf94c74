package com.kontor.document;

import com.kontor.tenancy.Letterhead;
import java.math.BigDecimal;
import java.util.Locale;

/** Letterheads for rendering tests and the bench. */
public final class TestLetterheads {

    private TestLetterheads() {}

    /** Müller Handels GmbH in Munich, German, with or without a logo. */
    public static Letterhead mueller(byte[] logo) {
        return new Letterhead(
                "Müller Handels GmbH",
                "Hauptstraße 1",
                "80331",
                "München",
                "DE",
                "buchhaltung@mueller.example",
                "+49 89 1234567",
                "www.mueller.example",
                "Stadtsparkasse München",
                "DE89370400440532013000",
                "COBADEFFXXX",
                "DE123456789",
                "Amtsgericht München HRB 123456",
                "Maria Müller, Jörg Weiß",
                logo,
                logo == null ? null : "image/png",
                Locale.GERMAN,
                BigDecimal.valueOf(19),
                "RE-",
                "GS-");
    }
}
