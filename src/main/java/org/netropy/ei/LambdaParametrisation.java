package org.netropy.ei;

import java.util.function.UnaryOperator;
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

    /** The configuration with λ = {@code target} along this line through {@code base}; errors name the {@link EiOptions} keys. */
    public EiParameters at(EiParameters base, double target) {
        return at(base, target, UnaryOperator.identity());
    }

    /**
     * As {@link #at(EiParameters, double)}, errors naming each key ({@code p}, {@code we},
     * {@code wi}, {@code alpha}, {@code lambda_by}, {@code lambda} for the target) as {@code field}
     * spells it for the caller (see {@link EiOptions}).
     */
    public EiParameters at(EiParameters base, double target, UnaryOperator<String> field) {
        double k = base.meanInDegree();
        double a = base.realisedInhibitoryFraction();
        String by = field.apply("lambda_by") + " " + name();
        InvalidInputException.require(k > 0, field.apply("p"), "> 0 to reach a target lambda", base.connectionProbability());
        switch (this) {
            case scale -> {
                double lambda0 = base.lambda();
                InvalidInputException.require(lambda0 > 0, field.apply("we") + "/" + field.apply("wi"),
                        "a pair with positive lambda = k[(1-alpha)WE - alpha WI] with " + by, "lambda " + lambda0);
                InvalidInputException.require(target >= 0, field.apply("lambda"), "a number >= 0 with " + by, target);
                double f = target / lambda0;
                return base.withWeights(base.excitatoryWeight() * f, base.inhibitoryWeight() * f);
            }
            case we -> {
                InvalidInputException.require(a < 1, field.apply("alpha"), "< 1 with " + by, base.inhibitoryFraction());
                double we = (target / k + a * base.inhibitoryWeight()) / (1 - a);
                InvalidInputException.require(we >= 0, field.apply("lambda"), "reachable with WE >= 0 (lambda >= -k alpha WI)", target);
                return base.withWeights(we, base.inhibitoryWeight());
            }
            case wi -> {
                InvalidInputException.require(a > 0, field.apply("alpha"), "> 0 (some inhibitory neurons) with " + by,
                        base.inhibitoryFraction());
                double wi = ((1 - a) * base.excitatoryWeight() - target / k) / a;
                InvalidInputException.require(wi >= -1e-12, field.apply("lambda"), "reachable with WI >= 0 (lambda <= k(1-alpha)WE)", target);
                return base.withWeights(base.excitatoryWeight(), Math.max(0, wi));
            }
            default -> throw new IllegalStateException(name());
        }
    }
}
