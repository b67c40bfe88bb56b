package org.netropy.ei;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netropy.random.RandomStreams;

class EiSimulationTest {

    @Test
    void annealedSimulationAgreesWithTheChainWithinMonteCarloError() {
        // Two regimes: inhibition-dominated (lambda 0.36) and the default boundary point (lambda 1).
        for (EiParameters prm : new EiParameters[] {
                new EiParameters(60, 0.15, 0.2, 0.1, 0.2, 0.01),
                new EiParameters(100, 0.1, 0.2, 0.25, 0.5, 0.001)}) {
            EntropyResult chain = AnnealedChain.entropy(prm);
            EiSimulation.Result sim = EiSimulation.run(prm, EiSimulation.Mode.annealed, 60_000, 1_000, new RandomStreams(3));
            double meanTol = 5 * sim.meanActiveStdError();
            assertEquals(chain.meanActive(), sim.meanActive(), meanTol, prm.toString());
            // plug-in entropy is biased low by about (support - 1) / (2 n ln 2) bits
            double bias = (prm.neurons()) / (2.0 * sim.steps() * Math.log(2));
            assertEquals(chain.entropyBits(), sim.entropyBits(), 5 * sim.entropyStdErrorBits() + bias, prm.toString());
            // and the whole distribution: total variation distance of the histogram from pi
            double tv = 0;
            for (int m = 0; m <= prm.neurons(); m++) {
                tv += Math.abs(chain.stationary()[m] - (double) sim.histogram()[m] / sim.steps());
            }
            assertTrue(tv / 2 < 0.03, "total variation " + tv / 2);
        }
    }

    @Test
    void sameSeedSameRunDifferentSeedDifferentRun() {
        EiParameters prm = new EiParameters(40, 0.2, 0.25, 0.2, 0.3, 0.02);
        for (EiSimulation.Mode mode : EiSimulation.Mode.values()) {
            EiSimulation.Result a = EiSimulation.run(prm, mode, 2_000, 10, new RandomStreams(9));
            EiSimulation.Result b = EiSimulation.run(prm, mode, 2_000, 10, new RandomStreams(9));
            EiSimulation.Result c = EiSimulation.run(prm, mode, 2_000, 10, new RandomStreams(10));
            assertArrayEquals(a.histogram(), b.histogram());
            assertFalse(Arrays.equals(a.histogram(), c.histogram()));
        }
    }

    @Test
    void bernoulliCountHasBinomialMoments() {
        SplittableRandom rng = new SplittableRandom(1);
        int trials = 37;
        double p = 0.13;
        int reps = 200_000;
        double s = 0;
        double s2 = 0;
        for (int r = 0; r < reps; r++) {
            int c = EiSimulation.bernoulliCount(trials, p, rng);
            assertTrue(c >= 0 && c <= trials);
            s += c;
            s2 += (double) c * c;
        }
        double mean = s / reps;
        double var = s2 / reps - mean * mean;
        double sd = Math.sqrt(trials * p * (1 - p));
        assertEquals(trials * p, mean, 5 * sd / Math.sqrt(reps));
        assertEquals(trials * p * (1 - p), var, 0.03 * trials * p * (1 - p));
        assertEquals(0, EiSimulation.bernoulliCount(10, 0, rng));
        assertEquals(10, EiSimulation.bernoulliCount(10, 1, rng));
    }

    @Test
    void quenchedGraphHasNoSelfConnectionsAndDensityP() {
        int n = 300;
        double p = 0.05;
        int[][] in = EiSimulation.quenchedGraph(n, p, new SplittableRandom(4));
        long edges = 0;
        for (int i = 0; i < n; i++) {
            for (int j : in[i]) {
                assertTrue(j != i);
            }
            edges += in[i].length;
        }
        double expected = p * n * (n - 1);
        assertEquals(expected, edges, 5 * Math.sqrt(expected));
    }
}
