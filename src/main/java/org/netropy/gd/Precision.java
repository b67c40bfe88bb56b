package org.netropy.gd;


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
        return org.netropy.io.Labels.parse(field, text, values(), e -> e.label);
    }
}
