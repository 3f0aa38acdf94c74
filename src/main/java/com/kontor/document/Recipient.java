package com.kontor.document;

import java.util.List;

/** The addressee as printed in the address window. */
public record Recipient(String customerNumber, List<String> addressLines) {

    public Recipient {
        addressLines = List.copyOf(addressLines);
    }
}
