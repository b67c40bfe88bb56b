package org.netropy.gd;

import org.netropy.io.InvalidInputException;

/**
 * Floating-point precision of training. FLOAT keeps the state (weights, optimizer moments) and
 * the matrix products in single precision; the fused kernel evaluates the element-wise arithmetic
 * between them in double and rounds it to float where it is stored (docs/GRADIENT_DESCENT.md).
 */
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
