package com.kontor.mail.internal;

import com.kontor.mail.EmailCopy;
import com.kontor.tenancy.Partition;

/** A copy with the partition it belongs to, for the sender, which works across partitions. */
public record StoredEmail(Partition partition, EmailCopy copy) {}
