package com.kontor.audit;

/** Who did something: a person, a shop's API key, a payment provider, or Kontor itself (jobs, start-up). */
public enum ActorType {
    USER,
    API_KEY,
    PROVIDER,
    SYSTEM
}
