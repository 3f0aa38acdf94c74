package com.kontor.mail.internal;

/** A live-mode email was queued (or queued again): the sender sends it once the transaction has committed. */
public record EmailQueued(long id) {}
