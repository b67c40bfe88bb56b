package org.netropy.maxent;

import org.netropy.activation.Nonlinearity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/**
 * Continuous gains converge or say so: a converged solution agrees with an independent dense
 * integration ({@link DenseGainIntegral}) at its own Λ̃ to 1e-6 in class probabilities, class
 * E[zw|g], the KL and the constraints.
 */
class ContinuousGainAccuracyTest {

    static void assertAgreesWithDenseIntegration(Nonlinearity f, int contexts, double sigma, double contextScale,
                                                 int intervals, int order) {
        TaskMatrix task = TaskMatrix.identity(contexts, TargetNormalisation.NONE);
        GainPrior prior = GainPrior.forActivation(f, contexts, contextScale, 0, 4, GainPrior.DEFAULT_MAX_ATOMS);
        MaxEntSolution s = MaxEntSolver.solve(MaxEntProblem.of(task, sigma, prior));
        String where = f + " C=" + contexts + " sigma=" + sigma + " sigma_v=" + contextScale;
        assertTrue(s.converged(), where + ": " + s.warnings());
        assertTrue(s.quadratureError() <= 1e-6, where + " quadrature error " + s.quadratureError());
        DenseGainIntegral.Result exact = DenseGainIntegral.evaluate(s, f, contextScale, f.supremum(), intervals, order);
        for (Population pop : s.populations()) {
            assertEquals(exact.probability().get(pop.label()), pop.probability(), 1e-6, where + " P(" + pop.label() + ")");
            double[] cc = exact.crossCovariance().get(pop.label());
            for (int j = 0; j < contexts; j++) {
                assertEquals(cc[j], pop.crossCovariance()[j], 1e-6 * Math.max(1, Math.abs(cc[j])),
                        where + " E[zw|" + pop.label() + "]_" + j);
            }
        }
        assertEquals(exact.probability().size(), s.populations().size(), where + " every class present");
        assertEquals(exact.kl(), s.kl(), 1e-6, where + " KL");
        for (int j = 0; j < contexts; j++) {
            for (int k = 0; k < contexts; k++) {
                assertEquals(task.get(j, k), exact.achieved()[j][k], 1e-6, where + " constraint " + j + "," + k);
            }
        }
    }

    @ParameterizedTest(name = "{0} C={1} sigma={2} sigma_v={3}")
    @CsvSource({
        "TANH, 1, 0.7, 1.0",
        "TANH, 2, 1.0, 2.0",
        "SIGMOID, 1, 30, 1.0",
        "SIGMOID, 2, 10, 1.0",
        "SOFTPLUS, 1, 5, 1.0",
        "SOFTPLUS, 2, 10, 1.0",
    })
    void oneAndTwoContexts(Nonlinearity f, int contexts, double sigma, double contextScale) {
        assertAgreesWithDenseIntegration(f, contexts, sigma, contextScale, 24, 10);
    }

    @ParameterizedTest(name = "{0} C=3 sigma={1}")
    @Tag("slow")
    @CsvSource({
        "TANH, 3",
        "SOFTPLUS, 10",
    })
    void threeContexts(Nonlinearity f, double sigma) {
        assertAgreesWithDenseIntegration(f, 3, sigma, 1.0, 6, 8);
    }

    /** Sigmoid at C = 3 in the default suite (the cheapest three-context case). */
    @Test
    void threeContextSigmoid() {
        assertAgreesWithDenseIntegration(Nonlinearity.SIGMOID, 3, 20, 1.0, 6, 8);
    }

    /**
     * Sigmoid gains (at most 1/4) at σ = 1 cannot reach A = I with a normalisable law: the solve
     * says "not converged" and names the condensation instead of returning a number.
     */
    @Test
    void condensationIsNamed() {
        MaxEntSolution s = MaxEntSolver.solve(MaxEntProblem.of(TaskMatrix.identity(2, TargetNormalisation.NONE), 1,
                GainPrior.forActivation(Nonlinearity.SIGMOID, 2, 1, 0, 4, GainPrior.DEFAULT_MAX_ATOMS)));
        assertFalse(s.converged());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("condensation")), s.warnings().toString());
        assertTrue(Double.isFinite(s.kl()));
    }

    /** A refinement that cannot reach the tolerance within the atom budget is reported with the reached error. */
    @Test
    void budgetTooSmallIsNotConverged() {
        MaxEntSolution s = MaxEntSolver.solve(MaxEntProblem.of(TaskMatrix.identity(2, TargetNormalisation.NONE), 1,
                GainPrior.forActivation(Nonlinearity.TANH, 2, 2, 0, 2, 400)));
        assertFalse(s.converged());
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("not converged")), s.warnings().toString());
    }
}
