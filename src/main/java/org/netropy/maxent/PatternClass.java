package org.netropy.maxent;

/**
 * All gain patterns with the same number m of active contexts, summed: the "how specialised"
 * view used when C is large (THEORY §3, symmetric reduction; figure 3).
 *
 * @param activeContexts m
 * @param patterns       how many patterns the class holds (binomial(C, m) for binary priors)
 * @param probability    total P* of the class
 * @param prior          total π_G of the class
 * @param structure      P*-weighted mean structure x within the class
 */
public record PatternClass(int activeContexts, double patterns, double probability, double prior, double structure) {}
