package org.netropy.ei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netropy.io.InvalidInputException;

class StationaryDistributionTest {
    @Test
    void twoStateChainHasClosedForm() {
        double a = 0.3;
        double b = 1e-9; // very slow return: power iteration would need ~1e9 steps
        double[] pi = StationaryDistribution.solve(new double[][] {{1 - a, a}, {b, 1 - b}}, true);
        assertEquals(b / (a + b), pi[0], 1e-15 * pi[0]);
        assertEquals(a / (a + b), pi[1], 1e-15);
    }

    @Test
    void agreesWithPowerIterationOnAFastMixingChain() {
        SplittableRandom rng = new SplittableRandom(5);
        int n = 7;
        double[][] t = new double[n][n];
        for (double[] row : t) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                row[j] = rng.nextDouble();
                s += row[j];
            }
            for (int j = 0; j < n; j++) {
                row[j] /= s;
            }
        }
        double[] pi = StationaryDistribution.solve(t, true);
        double[] x = new double[n];
        x[0] = 1;
        for (int it = 0; it < 2000; it++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    y[j] += x[i] * t[i][j];
                }
            }
            x = y;
        }
        for (int j = 0; j < n; j++) {
            assertEquals(x[j], pi[j], 1e-14);
        }
        assertEquals(0.0, StationaryDistribution.residual(t, pi), 1e-14);
    }

    @Test
    void twoAbsorbingStatesWithoutSpontaneousFiringAreRejected() {
        // epsilon = 0, p = 1, W_E = 1: m = 0 and m = N are both absorbing.
        EiParameters prm = new EiParameters(10, 1.0, 0.0, 1.0, 0.0, 0.0);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> AnnealedChain.entropy(prm));
        assertEquals(true, e.getMessage().startsWith("epsilon must"), e.getMessage());
    }

    @Test
    void quiescenceWithoutSpontaneousFiringHasZeroEntropy() {
        EntropyResult r = AnnealedChain.entropy(new EiParameters(30, 0.1, 0.2, 0.2, 0.4, 0.0));
        assertEquals(1.0, r.stationary()[0], 1e-12);
        assertEquals(0.0, r.entropyBits(), 1e-10);
    }
}
