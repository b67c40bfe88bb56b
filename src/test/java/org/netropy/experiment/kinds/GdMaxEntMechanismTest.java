package org.netropy.experiment.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netropy.compare.GainPatterns;
import org.netropy.connectivity.NeuronTable;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.GroupNormLimit;
import org.netropy.maxent.MaxEntProblem;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.maxent.MaxEntSolver;
import org.netropy.task.TaskMatrix;
import org.netropy.task.TargetNormalisation;

/** Cross-checks of the mechanism measures against independent computations (THEORY §3). */
class GdMaxEntMechanismTest {

    /** A table built from the limit's primal amplitudes, k neurons per pattern sharing x_g, costs S*. */
    @Test
    void aTableOfTheMinimumNormSplitCostsSStar() {
        TaskMatrix a = TaskMatrix.identity(3, TargetNormalisation.NONE);
        GroupNormLimit.Solution s = GroupNormLimit.solve(a, GainPrior.uniformBinary(3));
        List<GroupNormLimit.PatternWeight> used = s.patterns().stream().filter(p -> p.norm() > 1e-6).toList();
        int k = 4;
        int n = k * used.size();
        double[][] w = new double[n][];
        double[][] v = new double[n][3];
        double[][] gain = new double[n][];
        double[] z = new double[n];
        for (int j = 0; j < used.size(); j++) {
            GroupNormLimit.PatternWeight p = used.get(j);
            for (int r = 0; r < k; r++) {
                int i = j * k + r;
                double scale = Math.sqrt(p.norm() * n / k);   // z = |w|: balanced, so (|w|^2 + z^2)/2 = z|w|
                z[i] = scale;
                w[i] = new double[3];
                for (int d = 0; d < 3; d++) {
                    w[i][d] = p.amplitude()[d] / p.norm() * scale;
                }
                gain[i] = new double[3];
                for (int c = 0; c < 3; c++) {
                    gain[i][c] = p.label().charAt(c) == '1' ? 1 : 0;
                }
            }
        }
        NeuronTable t = NeuronTable.of(w, v, new double[n], z, gain);
        double cost = GdMaxEntMechanism.groupNormCost(t, GainPatterns.of(t, 0.5));
        assertEquals(s.primalCost(), cost, 1e-9);
        assertEquals(s.cost(), cost, 1e-6);
        assertEquals(cost, t.meanSquaredNorm() / 2, 1e-9, "balanced neurons: E|w|^2 + z^2 = 2 S*");
    }

    /** The max-ent law satisfies its constraints, so its split costs at least S*, and tends to S* as sigma -> 0. */
    @Test
    void theMaxEntSplitCostsAtLeastSStarAndTendsToIt() {
        TaskMatrix a = TaskMatrix.identity(2, TargetNormalisation.NONE);
        GainPrior prior = GainPrior.uniformBinary(2);
        double sStar = GdMaxEntMechanism.minimumCost(a, prior);
        assertEquals(Math.sqrt(2 + Math.sqrt(3)), sStar, 1e-8);
        double previous = Double.POSITIVE_INFINITY;
        for (double sigma : new double[] {3.0, 1.0, 0.3, 0.01}) {
            MaxEntSolution law = MaxEntSolver.solve(MaxEntProblem.of(a, sigma, prior));
            double ratio = (double) GdMaxEntMechanism.ofReference(law, sStar).get("maxent_cost_ratio");
            assertTrue(ratio >= 1 - 1e-9 && ratio <= previous + 1e-12, sigma + ": " + ratio);
            previous = ratio;
        }
        assertEquals(1, previous, 1e-3);
    }

    @Test
    void retentionIsOneForUnchangedPatternsAndChanceIsTheirCollisionProbability() {
        String[] before = {"10", "10", "01", "11"};
        assertEquals(1.0, GdMaxEntMechanism.retention(before, before), 0.0);
        assertEquals(0.5 * 0.5 + 0.25 * 0.25 + 0.25 * 0.25, GdMaxEntMechanism.chance(before, before), 1e-15);
        String[] after = {"01", "10", "10", "11"};
        assertEquals(0.5, GdMaxEntMechanism.retention(before, after), 0.0);
    }

    @Test
    void contextShareCountsContextWeightsAgainstAllIncomingWeights() {
        NeuronTable t = NeuronTable.of(new double[][] {{3, 0}}, new double[][] {{0, 4}}, new double[] {0}, new double[] {1},
                new double[][] {{1, 1}});
        assertEquals(16.0 / 25, GdMaxEntMechanism.contextShare(t), 1e-15);
    }
}
