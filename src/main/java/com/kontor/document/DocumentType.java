package com.kontor.document;

/** The kinds of documents Kontor issues (DOC-1). */
public enum DocumentType {
    INVOICE,
    CREDIT_NOTE,
    DUNNING_LETTER,
    MANDATE
}
