package com.kontor.debtor;

import com.kontor.audit.ActorType;
import java.time.Instant;

/** One entry of a debtor's change history: who changed which field when, from what to what. */
public record MasterDataChange(
        Instant at, ActorType actorType, String actorName, String field, String oldValue, String newValue) {}
