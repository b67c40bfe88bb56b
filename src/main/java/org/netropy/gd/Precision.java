package org.netropy.gd;

import org.netropy.io.InvalidInputException;

/** Floating-point precision of training. */
public enum Precision {
    FLOAT("float"),
    DOUBLE("double");

    private final String label;

    Precision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Precision parse(String field, String text) {
        for (Precision p : values()) {
            if (p.label.equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new InvalidInputException(field + " must be float or double (got " + text + ")");
    }
}
