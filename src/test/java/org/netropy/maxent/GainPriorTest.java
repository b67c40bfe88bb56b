package org.netropy.maxent;

import org.netropy.activation.Nonlinearity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

class GainPriorTest {
    /** n-point Gauss–Hermite is exact for polynomials of degree 2n−1: E[X⁴] = 3, E[X⁸] = 105. */
    @Test
    void gaussHermiteIsExactForPolynomials() {
        for (int n : new int[] {5, 12, 40}) {
            GaussHermite gh = GaussHermite.of(n);
            double m4 = 0;
            double m8 = 0;
            for (int i = 0; i < n; i++) {
                m4 += gh.weight(i) * Math.pow(gh.node(i), 4);
                m8 += gh.weight(i) * Math.pow(gh.node(i), 8);
            }
            assertEquals(3, m4, 1e-11, "n=" + n);
            assertEquals(105, m8, n >= 5 ? 1e-9 : 1e9, "n=" + n);
        }
    }

    /** Gauss–Legendre cell atoms reproduce E[φ'(v)] computed by an independent fine trapezoid rule. */
    @Test
    void gaussHermiteAtomsIntegrateGains() {
        for (Nonlinearity f : new Nonlinearity[] {Nonlinearity.TANH, Nonlinearity.SIGMOID, Nonlinearity.SOFTPLUS}) {
            double sv = 1.3;
            GainPrior p = GainPrior.continuous(f, 1, sv, 100, 1000);
            double quad = 0;
            for (int a = 0; a < p.size(); a++) {
                quad += p.weights()[a] * p.gains()[a][0];
            }
            double trap = 0;
            double h = 1e-3;
            for (double x = -12; x <= 12; x += h) {
                trap += h * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) * f.slope(sv * x);
            }
            assertEquals(trap, quad, 1e-6, f.label());
        }
    }

    /** Orthant probabilities of ReLU with a Gaussian bias against Monte Carlo. */
    @Test
    void orthantProbabilitiesMatchMonteCarlo() {
        assertOrthantMatchesMonteCarlo(0, 0.8);
        assertOrthantMatchesMonteCarlo(0.1, 0.5); // a gradient-descent bias b = 0.1 + 0.5 ξ
    }

    /** σ_b = 0, b = b₀ (the Flesch network's biases 0.1): independent contexts, P(on) = Φ(b₀/σ_v). */
    @Test
    void constantBiasGivesIndependentContexts() {
        GainPrior p = GainPrior.reluWithBias(2, 0.5, 0.1, 0);
        double up = 0.5 * org.apache.commons.math3.special.Erf.erfc(-0.1 / 0.5 / Math.sqrt(2));
        assertEquals(up * up, p.weights()[3], 1e-15);
        assertEquals(up * (1 - up), p.weights()[1], 1e-15);
        // the exact product and the Gauss-Hermite integral agree as sigma_b -> 0
        double[] narrow = GainPrior.orthantProbabilities(2, 0.5, 0.1, 1e-6);
        assertEquals(up * up, narrow[2], 1e-9);
        // drawn context weights reproduce the pattern with the fixed bias
        SplittableRandom r = new SplittableRandom(2);
        double[] pattern = {1, 0};
        for (int i = 0; i < 100; i++) {
            double[] vb = p.drawContextWeights(pattern, 0.5, r);
            assertEquals(0.1, vb[2], 0);
            assertTrue(vb[0] + vb[2] > 0 && vb[1] + vb[2] < 0);
        }
    }

    private static void assertOrthantMatchesMonteCarlo(double b0, double sb) {
        int c = 3;
        double sv = 1.0;
        GainPrior p = GainPrior.reluWithBias(c, sv, b0, sb);
        SplittableRandom r = new SplittableRandom(1);
        int n = 400_000;
        double[] counts = new double[1 << c];
        for (int i = 0; i < n; i++) {
            double b = b0 + sb * r.nextGaussian();
            int pattern = 0;
            for (int k = 0; k < c; k++) {
                if (sv * r.nextGaussian() + b > 0) {
                    pattern |= 1 << k;
                }
            }
            counts[pattern]++;
        }
        double total = 0;
        for (int a = 0; a < p.size(); a++) {
            int index = 0;
            for (int k = 0; k < c; k++) {
                index |= (int) p.gains()[a][k] << k;
            }
            double expected = p.weights()[a];
            total += expected;
            assertEquals(expected, counts[index] / n, 5 * Math.sqrt(expected / n), "pattern " + GainPrior.label(p.gains()[a]));
        }
        assertEquals(1, total, 1e-12);
        if (b0 == 0) {
            assertTrue(p.weights()[0] > 1.0 / 8, "a shared bias correlates gains: all-off is likelier than independent");
        }
    }

    @Test
    void drawnContextWeightsProduceThePattern() {
        GainPrior p = GainPrior.reluWithBias(4, 1.0, 0.5);
        SplittableRandom r = new SplittableRandom(2);
        double[] g = {1, 0, 1, 1};
        for (int i = 0; i < 1000; i++) {
            double[] vb = p.drawContextWeights(g, 1.0, r);
            for (int k = 0; k < 4; k++) {
                assertEquals(g[k] == 1, vb[k] + vb[4] > 0);
            }
        }
    }

    /** Every continuous-gain solve either converges with a quadrature error estimate or says why not. */
    @Test
    void continuousGainsConvergeOrSaySo() {
        for (Nonlinearity f : new Nonlinearity[] {Nonlinearity.TANH, Nonlinearity.SIGMOID, Nonlinearity.SOFTPLUS}) {
            for (double sigma : new double[] {0.1, 3}) {
                MaxEntProblem pr = MaxEntProblem.of(TaskMatrix.identity(2, TargetNormalisation.NONE), sigma,
                        GainPrior.continuous(f, 2, 1.0, 4, 200_000));
                MaxEntSolution s = MaxEntSolver.solve(pr);
                assertTrue(Double.isFinite(s.kl()) && Double.isFinite(s.residual()), f + " σ=" + sigma);
                if (s.converged()) {
                    assertTrue(s.residual() < 1e-7 && s.quadratureError() <= 1e-6, f + " σ=" + sigma + " " + s.quadratureError());
                } else {
                    assertTrue(!s.warnings().isEmpty(), f + " σ=" + sigma + ": a failed solve explains itself");
                }
            }
        }
    }

    /** A fine quadrature at small σ presses on extreme atoms: reported, finite, and bounded in time. */
    @Test
    void condensationIsReportedNotLooped() {
        MaxEntProblem pr = MaxEntProblem.of(TaskMatrix.identity(2, TargetNormalisation.NONE), 0.1,
                GainPrior.continuous(Nonlinearity.SOFTPLUS, 2, 1.0, 12, 200_000));
        MaxEntSolution s = MaxEntSolver.solve(pr);
        assertTrue(Double.isFinite(s.kl()) && Double.isFinite(s.residual()));
        if (!s.converged() || s.residual() > 1e-9) {
            assertTrue(!s.warnings().isEmpty(), "a failed solve explains itself");
        }
    }

    @Test
    void largeContextCountUsesClassesOnly() {
        GainPrior p = GainPrior.uniformBinary(40);
        assertTrue(p.classesOnly());
        assertEquals(41, p.size());
        assertEquals(Math.pow(0.5, 40), p.patternPriorBySize()[7], 1e-25);
    }
}
