package com.kontor.dunning;

/** A dunning step a person asked for that cannot be done; the message key says why (in both languages). */
public class DunningRefused extends RuntimeException {

    private final String key;

    public DunningRefused(String key) {
        super(key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
