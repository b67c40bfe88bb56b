package org.netropy.gd;

import org.netropy.io.InvalidInputException;

/** Hidden nonlinearity φ and its slope φ' (THEORY §2: the gains are φ'). */
public enum Activation {
    RELU("relu"),
    TANH("tanh"),
    SOFTPLUS("softplus");

    private final String label;

    Activation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public double apply(double h) {
        return switch (this) {
            case RELU -> h > 0 ? h : 0;
            case TANH -> Math.tanh(h);
            case SOFTPLUS -> h > 30 ? h : Math.log1p(Math.exp(h));
        };
    }

    public double slope(double h) {
        return switch (this) {
            case RELU -> h > 0 ? 1 : 0;
            case TANH -> {
                double t = Math.tanh(h);
                yield 1 - t * t;
            }
            case SOFTPLUS -> 1 / (1 + Math.exp(-h));
        };
    }

    /** ReLU is positively homogeneous: the only case with the conserved quantity of THEORY §4. */
    public boolean homogeneous() {
        return this == RELU;
    }

    public static Activation parse(String field, String text) {
        for (Activation a : values()) {
            if (a.label.equalsIgnoreCase(text)) {
                return a;
            }
        }
        throw new InvalidInputException(field + " must be one of relu, tanh, softplus (got " + text + ")");
    }
}
