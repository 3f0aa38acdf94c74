package com.kontor.audit;

import java.util.Map;
import java.util.Optional;

/**
 * How an actor reads on screen. A person or key is shown by its name; Kontor's own jobs are recorded under an
 * English working name ("demo data generator"), which views show in the reader's language through a message key.
 */
public final class ActorLabel {

    /** Working names of Kontor's own jobs and their message keys. */
    static final Map<String, String> SYSTEM_KEYS = Map.of(
            "demo data generator", "actor.demoData",
            "platform bootstrap", "actor.bootstrap",
            "bulk fill", "actor.bulkFill",
            "search benchmark", "actor.searchBenchmark");

    private ActorLabel() {}

    /** The message key that names this actor, or empty when its name is shown as recorded. */
    public static Optional<String> key(ActorType type, String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("actor.type." + type.name());
        }
        return type == ActorType.SYSTEM ? Optional.ofNullable(SYSTEM_KEYS.get(name)) : Optional.empty();
    }

    /** The keys a view may ask for: each must exist in every language. */
    public static java.util.stream.Stream<String> allKeys() {
        return java.util.stream.Stream.concat(
                SYSTEM_KEYS.values().stream(),
                java.util.Arrays.stream(ActorType.values()).map(t -> "actor.type." + t.name()));
    }
}
