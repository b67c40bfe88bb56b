package org.netropy.maxent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.netropy.io.InvalidInputException;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

class LimitAndScaleTest {
    @Test
    void groupNormCostMatchesAnalyticValues() {
        double[] expected = {1, Math.sqrt(2 + Math.sqrt(3)), 3 * Math.sqrt(3) / 2, Math.sqrt(10)};
        for (int c = 1; c <= 4; c++) {
            GroupNormLimit.Solution s = GroupNormLimit.solve(TaskMatrix.identity(c, TargetNormalisation.NONE), GainPrior.uniformBinary(c));
            assertEquals(expected[c - 1], s.cost(), 1e-8, "S* for C=" + c);
            assertEquals(s.cost(), s.primalCost(), 1e-5, "primal and dual agree (zero duality gap)");
            assertEquals(true, s.gapBound() < 1e-8);
        }
    }

    @Test
    void symmetricPatternCostBoundsAndAttainsTheMinimum() {
        for (int c = 3; c <= 4; c++) {
            double best = Double.POSITIVE_INFINITY;
            for (int m = 1; m <= c; m++) {
                best = Math.min(best, GroupNormLimit.symmetricPatternCost(c, m));
            }
            double exact = GroupNormLimit.solve(TaskMatrix.identity(c, TargetNormalisation.NONE), GainPrior.uniformBinary(c)).cost();
            assertEquals(exact, best, 1e-8, "C=" + c);
        }
        assertEquals(6, GroupNormLimit.symmetricPatternCost(6, 1), 1e-12); // specialised: cost C
    }

    /** The limiting P(g) ∝ π^{2/3}|x_g|^{1/3} is what the max-ent law approaches at small σ. */
    @Test
    void limitProbabilitiesMatchSmallSigmaSolution() {
        for (int c = 2; c <= 4; c++) {
            TaskMatrix task = TaskMatrix.identity(c, TargetNormalisation.NONE);
            GroupNormLimit.Solution lim = GroupNormLimit.solve(task, GainPrior.uniformBinary(c));
            MaxEntSolution s = MaxEntSolver.solve(MaxEntProblem.of(task, 1e-3, GainPrior.uniformBinary(c)));
            for (int m = 0; m <= c; m++) {
                assertEquals(lim.classProbability(m), s.classProbability(m), 0.02, "C=" + c + " m=" + m);
            }
        }
    }

    @Test
    void normMatchedScaleHitsTheNorm() {
        TaskMatrix task = TaskMatrix.identity(2, TargetNormalisation.NONE);
        double target = 7.5;
        NormMatchedScale.Result r = NormMatchedScale.solve(task, GainPrior.uniformBinary(2), target, SolverSettings.DEFAULT);
        assertEquals(target, NormMatchedScale.meanSquaredNorm(r.solution()), 1e-8 * target);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> NormMatchedScale.solve(task, GainPrior.uniformBinary(2), 3.8, SolverSettings.DEFAULT));
        assertEquals(true, e.getMessage().contains("2 S*(A)"), e.getMessage());
    }
}
