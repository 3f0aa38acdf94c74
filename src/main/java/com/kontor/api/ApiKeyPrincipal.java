package com.kontor.api;

import com.kontor.audit.Actor;
import com.kontor.audit.ActorType;
import com.kontor.tenancy.Partition;
import java.io.Serial;
import java.io.Serializable;

/** The caller of an API request: one key of one portal in one mode. Never holds the key itself. */
public record ApiKeyPrincipal(long keyId, Partition partition, long portalId, String name) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public Actor asActor() {
        return new Actor(ActorType.API_KEY, Long.toString(keyId), name);
    }
}
