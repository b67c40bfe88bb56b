package org.netropy.ei;

import org.netropy.io.InvalidInputException;

/**
 * How a sweep reaches a target branching parameter λ from a base configuration. λ is linear in the
 * weights, so each choice is a straight line through weight space; the robustness of a
 * configuration depends on which line is walked, hence all three are offered.
 */
public enum LambdaParametrisation {
    /** Scale W_E and W_I by the same factor (the ratio W_I/W_E is fixed); the default. */
    scale,
    /** Change W_E only, W_I fixed. */
    we,
    /** Change W_I only, W_E fixed (may require W_I < 0 and then fails). */
    wi;

    /** The configuration with λ = {@code target} along this line through {@code base}. */
    public EiParameters at(EiParameters base, double target) {
        double k = base.meanInDegree();
        double a = base.realisedInhibitoryFraction();
        InvalidInputException.require(k > 0, "--p", "> 0 to reach a target lambda", base.connectionProbability());
        switch (this) {
            case scale -> {
                double lambda0 = base.lambda();
                InvalidInputException.require(lambda0 > 0, "--we/--wi",
                        "a pair with positive lambda = k[(1-alpha)WE - alpha WI] when --lambda-by scale", "lambda " + lambda0);
                InvalidInputException.require(target >= 0, "--lambda", "a number >= 0 with --lambda-by scale", target);
                double f = target / lambda0;
                return base.withWeights(base.excitatoryWeight() * f, base.inhibitoryWeight() * f);
            }
            case we -> {
                InvalidInputException.require(a < 1, "--alpha", "< 1 with --lambda-by we", base.inhibitoryFraction());
                double we = (target / k + a * base.inhibitoryWeight()) / (1 - a);
                InvalidInputException.require(we >= 0, "--lambda", "reachable with WE >= 0 (lambda >= -k alpha WI)", target);
                return base.withWeights(we, base.inhibitoryWeight());
            }
            case wi -> {
                InvalidInputException.require(a > 0, "--alpha", "> 0 (some inhibitory neurons) with --lambda-by wi", base.inhibitoryFraction());
                double wi = ((1 - a) * base.excitatoryWeight() - target / k) / a;
                InvalidInputException.require(wi >= -1e-12, "--lambda", "reachable with WI >= 0 (lambda <= k(1-alpha)WE)", target);
                return base.withWeights(base.excitatoryWeight(), Math.max(0, wi));
            }
            default -> throw new IllegalStateException(name());
        }
    }
}
