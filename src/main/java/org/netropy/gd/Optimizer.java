package org.netropy.gd;

import org.netropy.io.InvalidInputException;

/** Update rule: plain full-batch gradient descent (the default), heavy-ball momentum or Adam. */
public enum Optimizer {
    GD("gd"),
    MOMENTUM("momentum"),
    ADAM("adam");

    private final String label;

    Optimizer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optimizer parse(String field, String text) {
        for (Optimizer o : values()) {
            if (o.label.equalsIgnoreCase(text)) {
                return o;
            }
        }
        throw new InvalidInputException(field + " must be one of gd, momentum, adam (got " + text + ")");
    }
}
