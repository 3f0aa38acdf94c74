package com.kontor.document;

/** An issued document's PDF exactly as it was stored, with the SHA-256 of its bytes (hex). */
public record DocumentPdf(String number, String sha256, byte[] bytes) {

    /** The file name a download offers: the document's number. */
    public String fileName() {
        return number.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }
}
