package com.kontor.audit;

/** The actor of an audit record: its type, its id (user id, key id, provider name) and a readable name. */
public record Actor(ActorType type, String id, String name) {

    public static Actor user(long userId, String email) {
        return new Actor(ActorType.USER, Long.toString(userId), email);
    }

    public static Actor system(String what) {
        return new Actor(ActorType.SYSTEM, null, what);
    }

    /** Someone who gave a login name we may not trust (a failed login): recorded as typed, never as a user id. */
    public static Actor anonymous(String typedName) {
        return new Actor(ActorType.SYSTEM, null, typedName);
    }
}
