package org.netropy.maxent;

import org.netropy.activation.Nonlinearity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/**
 * Norm matching is exact for any task matrix, gain prior and gain function: {@code solve} at the
 * returned τ has the requested {@code E|w|² + z²} to 1e-9 relative, the norm taken from the
 * populations' own second moments.
 */
class NormMatchingExactnessTest {

    private static void assertExact(TaskMatrix task, GainPrior prior, double squaredNorm) {
        NormMatchedScale.Result r = NormMatchedScale.solve(task, prior, squaredNorm, SolverSettings.DEFAULT);
        MaxEntSolution atTau = MaxEntSolver.solve(MaxEntProblem.of(task, r.tau(), prior));
        assertEquals(true, atTau.converged(), atTau.warnings().toString());
        assertEquals(squaredNorm, OffDefaultPathRegressionTest.squaredNormFromMoments(atTau), 1e-9 * squaredNorm, prior.kind());
        assertEquals(squaredNorm, atTau.meanSquaredNorm(), 1e-9 * squaredNorm, prior.kind());
    }

    @Test
    void nonIdentityTask() {
        assertExact(TaskMatrix.parse("0.8,0.3;-0.2,1.1", TargetNormalisation.NONE), GainPrior.uniformBinary(2), 6.1);
    }

    @Test
    void moreFeaturesThanContexts() {
        assertExact(TaskMatrix.parse("1,0;0,1;0.5,0.5", TargetNormalisation.NONE), GainPrior.uniformBinary(2), 9);
    }

    @Test
    void nonExchangeablePatternPrior() {
        GainPrior prior = GainPrior.explicit(new double[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}, new double[] {1, 3, 1, 2});
        assertExact(TaskMatrix.identity(2, TargetNormalisation.NONE), prior, 8);
    }

    @Test
    void biasedReluPrior() {
        assertExact(TaskMatrix.identity(3, TargetNormalisation.NONE), GainPrior.reluWithBias(3, 1, 0.1, 0.5), 12);
    }

    @Test
    @Tag("slow")
    void tanhGains() {
        assertExact(TaskMatrix.identity(2, TargetNormalisation.NONE),
                GainPrior.forActivation(Nonlinearity.TANH, 2, 2, 0, 4, GainPrior.DEFAULT_MAX_ATOMS), 6);
    }

    @Test
    @Tag("slow")
    void softplusGains() {
        assertExact(TaskMatrix.identity(2, TargetNormalisation.NONE),
                GainPrior.forActivation(Nonlinearity.SOFTPLUS, 2, 1, 0, 4, GainPrior.DEFAULT_MAX_ATOMS), 400);
    }

    @Test
    void sigmoidGains() {
        assertExact(TaskMatrix.identity(1, TargetNormalisation.NONE),
                GainPrior.forActivation(Nonlinearity.SIGMOID, 1, 1, 0, 4, GainPrior.DEFAULT_MAX_ATOMS), 2500);
    }
}
