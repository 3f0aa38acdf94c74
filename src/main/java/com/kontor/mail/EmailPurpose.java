package com.kontor.mail;

/** Why an email is sent: a dunning notice (DUN-7) or an issued document (DOC-4). */
public enum EmailPurpose {
    DUNNING,
    INVOICE,
    CREDIT_NOTE
}
