package com.kontor.psp.settlement;

import java.util.List;

/** A settlement report that cannot be read: the line (0 = the file) and the reason as a translation key. */
public final class ReportRefusal extends RuntimeException {

    private final int line;
    private final String reasonKey;
    private final List<String> arguments;

    public ReportRefusal(int line, String reasonKey, String... arguments) {
        super("line " + line + ": " + reasonKey + " " + List.of(arguments), null, false, false);
        this.line = line;
        this.reasonKey = reasonKey;
        this.arguments = List.of(arguments);
    }

    public int line() {
        return line;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public List<String> arguments() {
        return arguments;
    }
}
