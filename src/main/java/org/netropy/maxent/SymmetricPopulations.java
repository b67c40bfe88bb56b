package org.netropy.maxent;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The 2^C populations of a symmetric solution (THEORY §3, symmetric reduction), computed on
 * demand from the two multipliers λ, μ: pattern g has {@code b̃_j = λ g_j + μ(m − g_j)},
 * {@code P*(g) = P*(class m)/binom(C, m)}. Nothing per pattern is stored, so a solve costs what
 * its C + 1 classes cost and memory stays bounded; the order is that of the labels
 * ("00…0" first), as for enumerated solutions.
 */
final class SymmetricPopulations extends AbstractList<Population> implements RandomAccess {
    private final MaxEntProblem problem;
    private final double lambda;
    private final double mu;
    private final double[] logClassWeight;
    private final double logZ;
    private final double[] perPattern;

    SymmetricPopulations(MaxEntProblem problem, double[] lambdaMu, double[] logClassWeight, double logZ, double[] perPattern) {
        this.problem = problem;
        this.lambda = lambdaMu[0];
        this.mu = lambdaMu[1];
        this.logClassWeight = logClassWeight.clone();
        this.logZ = logZ;
        this.perPattern = perPattern.clone();
    }

    @Override
    public int size() {
        return 1 << problem.contexts();
    }

    @Override
    public Population get(int index) {
        int c = problem.contexts();
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        double[] g = new double[c];
        int m = 0;
        for (int k = 0; k < c; k++) {
            g[k] = (index >> (c - 1 - k)) & 1; // label order: context 1 is the leading character
            m += (int) g[k];
        }
        double x = SymmetricDual.tiltNorm2(c, m, lambda, mu);
        double q = 1 - x;
        double probability = logClassWeight[m] == Double.NEGATIVE_INFINITY ? 0
                : Math.exp(logClassWeight[m] - logZ - SymmetricDual.logBinomial(c, m));
        double sk = Math.sqrt(problem.kappa());
        double s = problem.sigmaW() * problem.sigmaW();
        double t = problem.sigmaZ() * problem.sigmaZ();
        double[] b = new double[c];
        double[] cross = new double[c];
        for (int j = 0; j < c; j++) {
            b[j] = lambda * g[j] + mu * (m - g[j]);
            cross[j] = sk * b[j] / q;
        }
        double[][] moment = new double[c + 1][c + 1];
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                moment[i][j] = s * ((i == j ? 1 : 0) + b[i] * b[j] / q);
            }
            moment[i][c] = cross[i];
            moment[c][i] = cross[i];
        }
        moment[c][c] = t / q;
        return new Population(GainPrior.label(g), g, probability, perPattern[m], x, cross, moment, m);
    }
}
