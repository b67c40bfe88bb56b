package org.netropy.ei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnnealedChainTest {

    /** Bin(n, p) by repeated convolution with one Bernoulli trial (no factorials, no logs). */
    static double[] bernoulliConvolution(int n, double p) {
        double[] b = {1.0};
        for (int t = 0; t < n; t++) {
            double[] next = new double[b.length + 1];
            for (int k = 0; k < b.length; k++) {
                next[k] += b[k] * (1 - p);
                next[k + 1] += b[k] * p;
            }
            b = next;
        }
        return b;
    }

    /** The firing probability straight from the definition: double sum over (n_E, n_I). */
    static double bruteForceQ(EiParameters prm, int mE, int mI) {
        double[] e = bernoulliConvolution(mE, prm.connectionProbability());
        double[] i = bernoulliConvolution(mI, prm.connectionProbability());
        double drive = 0;
        for (int nE = 0; nE <= mE; nE++) {
            for (int nI = 0; nI <= mI; nI++) {
                double x = prm.excitatoryWeight() * nE - prm.inhibitoryWeight() * nI;
                drive += e[nE] * i[nI] * Math.min(1, Math.max(0, x));
            }
        }
        return 1 - (1 - prm.spontaneousRate()) * (1 - drive);
    }

    static final EiParameters[] CONFIGS = {
        new EiParameters(100, 0.1, 0.2, 0.25, 0.5, 0.001),   // the documented default (lambda = 1)
        new EiParameters(60, 0.3, 0.5, 0.07, 0.9, 0.02),
        new EiParameters(40, 0.05, 0.0, 3.0, 0.0, 0.1),
        new EiParameters(80, 0.5, 0.25, 0.013, 0.02, 1e-6),
        new EiParameters(1, 1.0, 0.0, 1.0, 1.0, 0.3),
    };

    @Test
    void rowsAreProbabilityDistributions() {
        for (EiParameters prm : CONFIGS) {
            double[][] t = AnnealedChain.of(prm).transitionMatrix();
            assertEquals(prm.neurons() + 1, t.length);
            for (double[] row : t) {
                double s = 0;
                for (double v : row) {
                    assertTrue(v >= 0, "negative entry " + v);
                    s += v;
                }
                assertEquals(1.0, s, 1e-12, prm.toString());
            }
        }
    }

    @Test
    void firingProbabilityMatchesTheDoubleSum() {
        SplittableRandom rng = new SplittableRandom(11);
        for (EiParameters prm : CONFIGS) {
            AnnealedChain chain = AnnealedChain.of(prm);
            for (int trial = 0; trial < 40; trial++) {
                int mE = rng.nextInt(prm.excitatoryCount() + 1);
                int mI = rng.nextInt(prm.inhibitoryCount() + 1);
                double[] q = chain.firingProbability(mE, mI);
                double expected = bruteForceQ(prm, mE, mI);
                assertEquals(expected, q[0], 1e-13, prm + " mE=" + mE + " mI=" + mI);
                assertEquals(1 - expected, q[1], 1e-13);
            }
        }
    }

    @Test
    void transitionMatchesDefinitionForSmallNetwork() {
        // T(m -> m') from THEORY §6 with every ingredient computed independently.
        EiParameters prm = new EiParameters(12, 0.4, 0.25, 0.3, 0.45, 0.05);
        int n = prm.neurons();
        int ni = prm.inhibitoryCount();
        double[][] t = AnnealedChain.of(prm).transitionMatrix();
        for (int m = 0; m <= n; m++) {
            double[] expected = new double[n + 1];
            for (int mI = Math.max(0, m - (n - ni)); mI <= Math.min(m, ni); mI++) {
                double hyp = (double) binom(ni, mI) * binom(n - ni, m - mI) / binom(n, m);
                double[] b = bernoulliConvolution(n, bruteForceQ(prm, m - mI, mI));
                for (int k = 0; k <= n; k++) {
                    expected[k] += hyp * b[k];
                }
            }
            for (int k = 0; k <= n; k++) {
                assertEquals(expected[k], t[m][k], 1e-14 + 1e-12 * expected[k], "m=" + m + " m'=" + k);
            }
        }
    }

    private static long binom(int n, int k) {
        long c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
        }
        return c;
    }

    @Test
    void zeroWeightsGiveBinomialActivityAndItsEntropy() {
        for (double eps : new double[] {0.001, 0.05, 0.5}) {
            for (int n : new int[] {1, 30, 200}) {
                EiParameters prm = new EiParameters(n, 0.2, 0.3, 0, 0, eps);
                EntropyResult r = AnnealedChain.entropy(prm);
                double[] b = bernoulliConvolution(n, eps);
                double h = 0;
                for (int k = 0; k <= n; k++) {
                    assertEquals(b[k], r.stationary()[k], 1e-13 + 1e-10 * b[k]);
                    if (b[k] > 0) {
                        h -= b[k] * Math.log(b[k]) / Math.log(2);
                    }
                }
                assertEquals(h, r.entropyBits(), 1e-11, "n=" + n + " eps=" + eps);
                // every row is the same Bin(N, eps): successive states are independent
                assertEquals(h, r.entropyRateBits(), 1e-11);
                assertEquals(n * eps, r.meanActive(), 1e-10 * Math.max(1, n * eps));
            }
        }
    }

    @Test
    void saturatingExcitationEndsFullyActive() {
        // p = 1, W_E = 1, no inhibition: one active neuron makes everyone fire; m = N is absorbing.
        EntropyResult r = AnnealedChain.entropy(new EiParameters(50, 1.0, 0.0, 1.0, 0.0, 0.01));
        assertEquals(1.0, r.stationary()[50], 1e-12);
        assertEquals(0.0, r.entropyBits(), 1e-10);
        assertEquals(50.0, r.meanActive(), 1e-9);
    }

    @Test
    void stationaryDistributionIsStationary() {
        for (EiParameters prm : CONFIGS) {
            EntropyResult r = AnnealedChain.entropy(prm);
            assertTrue(r.stationarityResidual() < 1e-12, prm + " residual " + r.stationarityResidual());
            double s = 0;
            for (double v : r.stationary()) {
                assertTrue(v >= 0);
                s += v;
            }
            assertEquals(1.0, s, 1e-12);
            assertTrue(r.entropyBits() <= r.maxEntropyBits() + 1e-12);
            // conditioning reduces entropy: H(m' | m) <= H(m') = H in the stationary state
            assertTrue(r.entropyRateBits() <= r.entropyBits() + 1e-10, prm + " rate " + r.entropyRateBits());
            assertEquals(prm.lambda(), r.lambda(), 0);
        }
    }
}
