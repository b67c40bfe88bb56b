package org.netropy.maxent;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.netropy.io.InvalidInputException;

/**
 * A neuron's activation φ and its gain φ' (THEORY §2: around the context operating point
 * {@code φ(h) ≈ φ(v_k) + g_k w·u} with {@code g_k = φ'(v_k)}). Only activations with bounded
 * gains are offered: the max-ent partition function {@code E[(1 − κ|Λg|²)^{-1/2}]} needs them.
 */
public enum GainFunction {
    /** Binary gains {0, 1}; the map is exact while |w·u| &lt; |v_k|. */
    RELU("relu") {
        @Override
        public double value(double h) {
            return Math.max(0, h);
        }

        @Override
        public double gain(double h) {
            return h > 0 ? 1 : 0;
        }
    },
    TANH("tanh") {
        @Override
        public double value(double h) {
            return Math.tanh(h);
        }

        @Override
        public double gain(double h) {
            double t = Math.tanh(h);
            return 1 - t * t;
        }
    },
    SIGMOID("sigmoid") {
        @Override
        public double value(double h) {
            return 1 / (1 + Math.exp(-h));
        }

        @Override
        public double gain(double h) {
            double s = value(h);
            return s * (1 - s);
        }
    },
    SOFTPLUS("softplus") {
        @Override
        public double value(double h) {
            return h > 30 ? h : Math.log1p(Math.exp(h));
        }

        @Override
        public double gain(double h) {
            return 1 / (1 + Math.exp(-h));
        }
    };

    private final String label;

    GainFunction(String label) {
        this.label = label;
    }

    public abstract double value(double h);

    public abstract double gain(double h);

    public String label() {
        return label;
    }

    public boolean isBinary() {
        return this == RELU;
    }

    public static GainFunction parse(String field, String text) {
        for (GainFunction f : values()) {
            if (f.label.equalsIgnoreCase(text.strip())) {
                return f;
            }
        }
        throw new InvalidInputException(field + " must be one of "
                + Arrays.stream(values()).map(GainFunction::label).collect(Collectors.joining(", "))
                + " (activations with bounded gains; got " + text + ")");
    }

    @Override
    public String toString() {
        return label;
    }
}
