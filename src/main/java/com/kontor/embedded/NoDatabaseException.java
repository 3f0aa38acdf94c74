package com.kontor.embedded;

/** The jar was started without a database and has no embedded one; {@link NoDatabaseFailureAnalyzer} reports it. */
public class NoDatabaseException extends IllegalStateException {

    NoDatabaseException() {
        super("No database configured: the embedded MariaDB exists only when Kontor runs from its source tree"
                + " (./mvnw).");
    }
}
