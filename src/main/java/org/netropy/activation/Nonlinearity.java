package org.netropy.activation;

/**
 * A neuron's activation φ and its slope φ', the one implementation both engines use: the trained
 * network's hidden nonlinearity (gd) and the gains of the max-ent law (THEORY §2: around the
 * context operating point {@code φ(h) ≈ φ(v_k) + g_k w·u} with {@code g_k = φ'(v_k)}). Only
 * activations with bounded gains are offered: the max-ent partition function
 * {@code E[(1 − κ|Λg|²)^{-1/2}]} needs them.
 */
public enum Nonlinearity {
    /** Binary gains {0, 1}; the map is exact while |w·u| &lt; |v_k|. */
    RELU("relu") {
        @Override
        public double value(double h) {
            return Math.max(0, h);
        }

        @Override
        public double slope(double h) {
            return h > 0 ? 1 : 0;
        }
    },
    TANH("tanh") {
        @Override
        public double value(double h) {
            return Math.tanh(h);
        }

        @Override
        public double slope(double h) {
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
        public double slope(double h) {
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
        public double slope(double h) {
            return 1 / (1 + Math.exp(-h));
        }
    };

    private final String label;

    Nonlinearity(String label) {
        this.label = label;
    }

    public abstract double value(double h);

    /** {@code sup_h φ'(h)}: ReLU and tanh 1 (tanh at h = 0), sigmoid 1/4 (at 0), softplus 1 (as h → ∞). */
    public double supremum() {
        return this == SIGMOID ? 0.25 : 1;
    }

    /** A neuron counts as active in a context when its gain is at least half the supremum. */
    public double halfSupremum() {
        return supremum() / 2;
    }

    /**
     * The context weights where the gain crosses {@link #halfSupremum()}, ascending: where the
     * binarised pattern changes, so quadrature cells end there (THEORY §3, continuous gains).
     * tanh: {@code ±atanh(1/√2)}; sigmoid: {@code ±2 atanh(1/√2)}; softplus and ReLU: 0.
     */
    public double[] breakpoints() {
        double a = 0.5 * Math.log((1 + Math.sqrt(0.5)) / (1 - Math.sqrt(0.5))); // atanh(1/√2)
        return switch (this) {
            case TANH -> new double[] {-a, a};
            case SIGMOID -> new double[] {-2 * a, 2 * a};
            default -> new double[] {0};
        };
    }

    /** φ'(h), the gain of a neuron whose context operating point is h. */
    public abstract double slope(double h);

    public String label() {
        return label;
    }

    public boolean isBinary() {
        return this == RELU;
    }

    /** ReLU is positively homogeneous: the only case with the conserved quantity of THEORY §4. */
    public boolean homogeneous() {
        return this == RELU;
    }

    public static Nonlinearity parse(String field, String text) {
        return org.netropy.io.Labels.parse(field, text, values(), Nonlinearity::label);
    }

    @Override
    public String toString() {
        return label;
    }
}
