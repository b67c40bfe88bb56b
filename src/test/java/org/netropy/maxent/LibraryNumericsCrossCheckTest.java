package org.netropy.maxent;

import org.netropy.activation.Nonlinearity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import smile.stat.distribution.GaussianDistribution;

/**
 * The numerics max-ent takes from the libraries, against independent values: the standard normal
 * (Smile) at tabulated points, the Halton atoms of a continuous prior against the radical
 * inverse written out here, and the Gauss–Hermite rule (Commons Math) by the normal moments it
 * must integrate exactly (the hand-written rule it replaced failed this beyond 128 nodes).
 */
class LibraryNumericsCrossCheckTest {
    private static final GaussianDistribution N = GaussianDistribution.getInstance();

    @Test
    void standardNormalAtTabulatedValues() {
        // Abramowitz & Stegun table 26.1 / high-precision values
        assertEquals(0.8413447460685429, N.cdf(1), 1e-15);
        assertEquals(2.866515718791939e-7, N.cdf(-5), 1e-20);
        assertEquals(7.619853024160527e-24, N.cdf(-10), 1e-36);
        assertEquals(1.959963984540054, N.quantile(0.975), 1e-14);
        assertEquals(-6.361340902404056, N.quantile(1e-10), 1e-13);
        assertEquals(-1.959963984540054, N.quantile(0.025), 1e-14);
        assertEquals(0.3989422804014327, N.p(0), 1e-16);
        for (double p = 1e-15; p < 1; p = p < 0.01 ? p * 3 : p + 0.01) {
            assertEquals(p, N.cdf(N.quantile(p)), 1e-14 * p + 1e-16);
        }
    }

    @Test
    void haltonAtomsAreTheRadicalInverseInTheFirstPrimes() {
        int contexts = 5;
        GainPrior prior = GainPrior.continuous(Nonlinearity.TANH, contexts, 1.0, 60, 1000);
        assertTrue(prior.kind().contains("halton"), prior.kind());
        int[] primes = {2, 3, 5, 7, 11};
        for (int a = 0; a < prior.size(); a++) {
            for (int k = 0; k < contexts; k++) {
                double r = 0;
                double f = 1;
                for (long i = a + 1; i > 0; i /= primes[k]) {
                    f /= primes[k];
                    r += f * (i % primes[k]);
                }
                assertEquals(N.quantile(r), prior.atomContextWeights()[a][k], 1e-12);
            }
        }
    }

    /** Moments E[X^2k] = (2k-1)!! of N(0, 1), exact for a rule of n nodes while 2k <= 2n - 1; independent of how nodes are found. */
    @Test
    void gaussHermiteIntegratesNormalMomentsUpTo1024Nodes() {
        for (int m : new int[] {2, 5, 16, 64, 128, 200, 256, 512, 1024}) {
            GaussHermite gh = GaussHermite.of(m);
            double[] moment = new double[4];
            for (int i = 0; i < m; i++) {
                double x2 = gh.node(i) * gh.node(i);
                moment[0] += gh.weight(i);
                moment[1] += gh.weight(i) * x2;
                moment[2] += gh.weight(i) * x2 * x2;
                moment[3] += gh.weight(i) * x2 * x2 * x2;
            }
            assertEquals(1, moment[0], 1e-14, "n = " + m);
            assertEquals(1, moment[1], 1e-12, "n = " + m);
            if (m >= 3) {
                assertEquals(3, moment[2], 1e-11, "n = " + m);
            }
            if (m >= 4) {
                assertEquals(15, moment[3], 1e-10, "n = " + m);
            }
        }
        // Golub-Welsch (used beyond 128 nodes) and the library rule are two independent computations of one rule
        for (int m : new int[] {16, 64, 128}) {
            GaussHermite library = GaussHermite.of(m);
            GaussHermite eigen = GaussHermite.golubWelsch(m);
            for (int i = 0; i < m; i++) {
                assertEquals(library.node(i), eigen.node(i), 1e-11 * Math.max(1, Math.abs(library.node(i))), "node " + i + " of " + m);
                assertEquals(library.weight(i), eigen.weight(i), 1e-14, "weight " + i + " of " + m);
            }
        }
        // and the nodes of a small rule in closed form: n = 2 at ±1, n = 3 at 0, ±√3 with weight 1/6
        assertEquals(1, Math.abs(GaussHermite.of(2).node(0)), 1e-15);
        GaussHermite three = GaussHermite.of(3);
        assertEquals(Math.sqrt(3), three.node(0), 1e-14);
        assertEquals(1.0 / 6, three.weight(0), 1e-15);
    }
}
