package org.netropy.maxent;

import java.util.List;

/**
 * The maximum-entropy single-neuron law {@code P*(w,z,g) ∝ π(w,z,g) exp(z wᵀΛg)} of a problem
 * (THEORY §3), with its populations, KL decomposition and solver diagnostics.
 *
 * @param problem          the problem solved
 * @param lambda           Λ (D × C), in the units of the constraints
 * @param scaledLambda     Λ̃ = √κ Λ (D × C); {@code |Λ̃g| < 1} for every pattern
 * @param populations      one entry per gain pattern (binary priors), or per binarised pattern
 *                         group (continuous priors); empty when C is too large to enumerate
 * @param classes          patterns grouped by their number of active contexts, m = 0..C
 * @param kl               {@code KL(P*‖π) = −G(Λ*)}, nats
 * @param klPopulation     {@code Σ_g P log(P/π)}, nats
 * @param klSelectivity    {@code Σ_g P [x_g/q_g + ½ log q_g]}, nats
 * @param entropy          {@code H(π) − KL}: differential entropy of (w,z) plus the Shannon
 *                         entropy of the gain label, nats per neuron
 * @param traceCovariance  {@code tr Cov_P(z w gᵀ)}: the finite-N error scale
 * @param meanStructure    {@code E_P[x_g]}
 * @param iterations       Newton iterations in total (all continuation stages)
 * @param residual         final {@code |M − A|_F / |A|_F}
 * @param converged        whether the residual reached the tolerance
 * @param method           "full" or "reduced"
 * @param priorEffectiveSampleSize     Kish ESS of the prior atoms (continuous gains)
 * @param posteriorEffectiveSampleSize Kish ESS of P* over the atoms
 * @param warnings         human-readable diagnostics (condensation, non-convergence)
 * @param meanSquaredNorm  {@code E_P[|w|² + z²]}, summed per pattern or atom (never per class
 *                         average): {@code Σ_g P(g)[σ_w²(D + x_g/q_g) + σ_z²/q_g]}
 * @param quadratureError  continuous gains: the largest change of a class probability, class
 *                         {@code E[zw|g]} component or the KL between the last two quadrature
 *                         refinements (an error estimate of the reported numbers); NaN when the
 *                         gain prior is a finite list of patterns (no quadrature)
 */
public record MaxEntSolution(MaxEntProblem problem, double[][] lambda, double[][] scaledLambda,
                             List<Population> populations, List<PatternClass> classes,
                             double kl, double klPopulation, double klSelectivity, double entropy,
                             double traceCovariance, double meanStructure, int iterations, double residual,
                             boolean converged, String method, double priorEffectiveSampleSize,
                             double posteriorEffectiveSampleSize, List<String> warnings, double meanSquaredNorm,
                             double quadratureError) {

    /** The same solution with its quadrature error estimate and convergence verdict replaced. */
    MaxEntSolution withQuadrature(double error, boolean isConverged) {
        return new MaxEntSolution(problem, lambda, scaledLambda, populations, classes, kl, klPopulation, klSelectivity,
                entropy, traceCovariance, meanStructure, iterations, residual, isConverged, method,
                priorEffectiveSampleSize, posteriorEffectiveSampleSize, warnings, meanSquaredNorm, error);
    }

    /** P* of the class with m active contexts (0 if absent). */
    public double classProbability(int m) {
        return classes.stream().filter(c -> c.activeContexts() == m).mapToDouble(PatternClass::probability).sum();
    }

    /** Fraction of neurons active in exactly one context. */
    public double specialisedFraction() {
        return classProbability(1);
    }

    /** {@code E_P[m]/C}: mean fraction of active contexts per neuron. */
    public double meanActiveFraction() {
        double s = 0;
        for (PatternClass c : classes) {
            s += c.activeContexts() * c.probability();
        }
        return s / problem.contexts();
    }

    /** Constraint actually achieved, {@code M = E_P[z w gᵀ]} (D × C). */
    public double[][] achievedTask() {
        int d = problem.features();
        int c = problem.contexts();
        double[][] m = new double[d][c];
        for (Population p : populations) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < c; k++) {
                    m[j][k] += p.probability() * p.crossCovariance()[j] * p.gains()[k];
                }
            }
        }
        return m;
    }
}
