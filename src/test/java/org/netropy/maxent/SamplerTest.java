package org.netropy.maxent;

import org.netropy.activation.Nonlinearity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netropy.connectivity.NetworkEvaluation;
import org.netropy.connectivity.NeuronTable;
import org.netropy.task.StimulusSet;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/** Sampled networks against the closed forms of THEORY §3 (within Monte-Carlo error). */
class SamplerTest {
    static MaxEntSolution solution(double sigma) {
        return MaxEntSolver.solve(MaxEntProblem.of(TaskMatrix.identity(2, TargetNormalisation.NONE), sigma,
                GainPrior.uniformBinary(2)));
    }

    @Test
    void sampledMomentsMatchClosedForms() {
        MaxEntSolution s = solution(0.8);
        int n = 400_000;
        NeuronTable t = MaxEntSampler.sample(s, n, false, 1.0, new SplittableRandom(11));
        double sw2 = s.problem().sigmaW() * s.problem().sigmaW();
        double sz2 = s.problem().sigmaZ() * s.problem().sigmaZ();
        for (Population p : s.populations()) {
            double count = 0;
            double zz = 0;
            double balance = 0;
            double[] zw = new double[2];
            for (int i = 0; i < n; i++) {
                if (GainPrior.label(t.gain()[i]).equals(p.label())) {
                    count++;
                    zz += t.z()[i] * t.z()[i];
                    double w2 = t.w()[i][0] * t.w()[i][0] + t.w()[i][1] * t.w()[i][1];
                    balance += w2 / sw2 - t.z()[i] * t.z()[i] / sz2;
                    zw[0] += t.z()[i] * t.w()[i][0];
                    zw[1] += t.z()[i] * t.w()[i][1];
                }
            }
            double se = Math.sqrt(p.probability() * (1 - p.probability()) / n);
            assertEquals(p.probability(), count / n, 5 * se, "P(" + p.label() + ")");
            double ez2 = sz2 / p.q();
            assertEquals(ez2, zz / count, 6 * ez2 * Math.sqrt(2 / count), "E[z²|g]");
            // balance identity E[|w|²/s − z²/t | g] = D − 1
            assertEquals(1.0, balance / count, 0.05, "balance " + p.label());
            for (int j = 0; j < 2; j++) {
                assertEquals(p.crossCovariance()[j], zw[j] / count, 0.05 * Math.max(0.2, Math.abs(p.crossCovariance()[j])) + 0.02);
            }
        }
        // sign symmetry: E[w] = E[z] = 0
        assertEquals(0, mean(t.z()), 5 * Math.sqrt(0.5 / n) * 3);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** E|Â − A|² = tr Cov(T)/N for independent draws, 2 tr Cov(T)/N for antithetic pairs. */
    @Test
    void finiteNetworkErrorFollowsTraceCovariance() {
        MaxEntSolution s = solution(0.6);
        SplittableRandom r = new SplittableRandom(3);
        int n = 200;
        int reps = 2000;
        for (boolean antithetic : new boolean[] {false, true}) {
            double sum = 0;
            for (int rep = 0; rep < reps; rep++) {
                double[][] a = NetworkEvaluation.linearisedTask(MaxEntSampler.sample(s, n, antithetic, 1.0, r));
                sum += Math.pow(a[0][0] - 1, 2) + Math.pow(a[0][1], 2) + Math.pow(a[1][0], 2) + Math.pow(a[1][1] - 1, 2);
            }
            double expected = (antithetic ? 2 : 1) * s.traceCovariance() / n;
            assertEquals(expected, sum / reps, 0.1 * expected, "antithetic=" + antithetic);
        }
    }

    /**
     * A sampled ReLU network computes the task: slope ≈ 1, intercept exactly 0 with mirror pairs.
     * The ReLU map is exact only while |w·u| &lt; |v_k|, so the context weights must be large
     * against the stimulus drive (σ_v = 20 here); with σ_v = 3 the slope drops to about 0.84.
     */
    @Test
    void sampledReluNetworkSolvesTheTask() {
        MaxEntSolution s = solution(0.3);
        NeuronTable net = MaxEntSampler.sample(s, 20_000, true, 20.0, new SplittableRandom(5));
        NetworkEvaluation e = NetworkEvaluation.of(net, Nonlinearity.RELU::value, s.problem().task(), StimulusSet.grid(2, 5, 1.0));
        for (int k = 0; k < 2; k++) {
            assertEquals(1, e.slopes()[k], 0.05, "slope in context " + (k + 1));
            assertEquals(0, e.intercepts()[k], 1e-12, "mirror pairs cancel the offset");
        }
        assertTrue(e.overallMse() < 0.02, "MSE " + e.overallMse());
    }

    @Test
    void samplingIsDeterministicFromTheSeed() {
        MaxEntSolution s = solution(1.0);
        NeuronTable a = MaxEntSampler.sample(s, 50, true, 1.0, new SplittableRandom(9));
        NeuronTable b = MaxEntSampler.sample(s, 50, true, 1.0, new SplittableRandom(9));
        for (String col : a.columnNames()) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.column(col), b.column(col));
        }
    }
}
