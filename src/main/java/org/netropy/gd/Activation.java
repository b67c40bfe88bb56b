package org.netropy.gd;

import org.netropy.activation.Nonlinearity;

/**
 * The hidden nonlinearities the training kernels implement (THEORY §2: the gains are φ'); φ and
 * φ' themselves are {@link Nonlinearity}'s, the same functions the max-ent law's gains use.
 * Sigmoid is not offered here: the kernels have no sigmoid pass.
 */
public enum Activation {
    RELU(Nonlinearity.RELU),
    TANH(Nonlinearity.TANH),
    SOFTPLUS(Nonlinearity.SOFTPLUS);

    private final Nonlinearity function;

    Activation(Nonlinearity function) {
        this.function = function;
    }

    /** φ and φ' of this activation. */
    public Nonlinearity function() {
        return function;
    }

    public String label() {
        return function.label();
    }

    public double apply(double h) {
        return function.value(h);
    }

    public double slope(double h) {
        return function.slope(h);
    }

    /** ReLU is positively homogeneous: the only case with the conserved quantity of THEORY §4. */
    public boolean homogeneous() {
        return function.homogeneous();
    }

    public static Activation parse(String field, String text) {
        return org.netropy.io.Labels.parse(field, text, values(), Activation::label);
    }
}
