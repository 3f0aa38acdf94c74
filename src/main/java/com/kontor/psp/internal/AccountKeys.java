package com.kontor.psp.internal;

import com.kontor.tenancy.Partition;
import java.util.List;

/** What a notification is checked against: the account's partition and its valid keys (decrypted, never logged). */
public record AccountKeys(
        long accountId, Partition partition, long portalId, String payoneKey, List<byte[]> adyenHmacKeys) {

    @Override
    public String toString() {
        return "AccountKeys[" + accountId + ", " + partition + "]";
    }
}
