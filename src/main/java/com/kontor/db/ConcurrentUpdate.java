package com.kontor.db;

/**
 * Another request changed the same rows at the same moment, and the bounded retries did not get through; nothing
 * was written, and the request may be sent again (API.md: 409 CONCURRENT_UPDATE).
 */
public class ConcurrentUpdate extends RuntimeException {

    public ConcurrentUpdate(Throwable cause) {
        super("Concurrent update, not written: " + cause, cause);
    }
}
