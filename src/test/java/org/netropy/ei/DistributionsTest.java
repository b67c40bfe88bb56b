package org.netropy.ei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.netropy.ei.Distributions.TruncatedPmf;

class DistributionsTest {
    private static final MathContext MC = new MathContext(40);

    private static BigInteger choose(int n, int k) {
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return c;
    }

    /** Exact C(n,x) p^x q^(n-x) in 40-digit arithmetic, p = a/b rational. */
    private static double exactBinomial(int x, int n, BigDecimal p) {
        BigDecimal q = BigDecimal.ONE.subtract(p);
        return new BigDecimal(choose(n, x)).multiply(p.pow(x, MC), MC).multiply(q.pow(n - x, MC), MC).doubleValue();
    }

    @Test
    void binomialHasNearFullRelativeAccuracy() {
        for (int n : new int[] {1, 7, 16, 40, 120, 600}) {
            for (String ps : new String[] {"0.001", "0.1", "0.5", "0.93", "0.999"}) {
                BigDecimal p = new BigDecimal(ps);
                double pd = p.doubleValue();
                double qd = BigDecimal.ONE.subtract(p).doubleValue();
                for (int x = 0; x <= n; x++) {
                    double exact = exactBinomial(x, n, p);
                    if (exact < 1e-280) {
                        continue;
                    }
                    double got = Distributions.binomial(x, n, pd, qd);
                    // exp(lc) turns an absolute error of ~ulp(|lc|) into a relative one: allow eps * |ln P| scale
                    double tol = 1e-14 * Math.max(10, Math.abs(Math.log(exact))) * exact;
                    assertEquals(exact, got, tol, "n=" + n + " x=" + x + " p=" + ps);
                }
            }
        }
    }

    @Test
    void hypergeometricMatchesCounting() {
        int marked = 13;
        int unmarked = 29;
        for (int drawn = 0; drawn <= marked + unmarked; drawn++) {
            BigDecimal all = new BigDecimal(choose(marked + unmarked, drawn));
            double total = 0;
            for (int x = 0; x <= drawn; x++) {
                double exact = x > marked || drawn - x > unmarked ? 0
                        : new BigDecimal(choose(marked, x).multiply(choose(unmarked, drawn - x))).divide(all, MC).doubleValue();
                double got = Distributions.hypergeometric(x, marked, unmarked, drawn);
                assertEquals(exact, got, 1e-13 * exact + 1e-300, "drawn=" + drawn + " x=" + x);
                total += got;
            }
            assertEquals(1.0, total, 1e-13);
        }
    }

    @Test
    void truncatedPmfsKeepAllButNegligibleMass() {
        for (int n : new int[] {0, 1, 50, 1000}) {
            for (double p : new double[] {0, 1e-4, 0.01, 0.37, 0.99, 1}) {
                TruncatedPmf f = Distributions.binomialPmf(n, p);
                assertEquals(1.0, f.sum(), 1e-13, "n=" + n + " p=" + p);
                double[] row = new double[n + 1];
                Distributions.addBinomial(row, 1.0, n, p, 1 - p);
                for (int k = 0; k <= n; k++) {
                    assertEquals(f.at(k), row[k], 1e-12 * f.at(k) + 1e-300, "n=" + n + " p=" + p + " k=" + k);
                }
            }
        }
        TruncatedPmf h = Distributions.hypergeometricPmf(200, 800, 500);
        assertEquals(1.0, h.sum(), 1e-13);
        double mean = 0;
        for (int k = h.lo(); k <= h.hi(); k++) {
            mean += k * h.at(k);
        }
        assertEquals(100.0, mean, 1e-9); // drawn * marked / total
    }

    @Test
    void entropyOfUniformIsLog2() {
        double[] u = new double[64];
        java.util.Arrays.fill(u, 1.0 / 64);
        assertEquals(6.0, Distributions.entropyBits(u), 1e-14);
        assertEquals(0.0, Distributions.entropyBits(new double[] {0, 1, 0}), 0);
        assertTrue(Distributions.entropyBits(new double[] {0.5, 0.5}) > 0.999);
    }
}
