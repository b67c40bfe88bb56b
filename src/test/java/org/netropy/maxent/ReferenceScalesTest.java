package org.netropy.maxent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/** The reference-σ policy of THEORY §5, computed in the max-ent engine from a number (the observed norm). */
class ReferenceScalesTest {
    private static final TaskMatrix TASK = TaskMatrix.identity(2, TargetNormalisation.NONE);
    private static final GainPrior PRIOR = GainPrior.uniformBinary(2);

    @Test
    void theNormMatchedLawHasTheObservedNormAndTheOthersTheirSigma() {
        // the norm of the law at sigma = 0.7, fed back, gives that law again (an independent solve)
        MaxEntSolution at07 = MaxEntSolver.solve(MaxEntProblem.of(TASK, 0.7, PRIOR));
        Map<String, MaxEntSolution> refs = ReferenceScales.atThreeScales(TASK, PRIOR, at07.meanSquaredNorm(), 2.0);
        assertEquals(List.of(ReferenceScales.INITIAL_SCALE, ReferenceScales.NORM_MATCHED, ReferenceScales.SMALL_SIGMA_LIMIT),
                List.copyOf(refs.keySet()));
        assertEquals(2.0, refs.get(ReferenceScales.INITIAL_SCALE).problem().sigmaW());
        assertEquals(ReferenceScales.LIMIT_SIGMA, refs.get(ReferenceScales.SMALL_SIGMA_LIMIT).problem().sigmaW());
        MaxEntSolution matched = refs.get(ReferenceScales.NORM_MATCHED);
        assertEquals(at07.meanSquaredNorm(), matched.meanSquaredNorm(), 1e-6 * at07.meanSquaredNorm());
        assertEquals(0.7, matched.problem().sigmaW(), 1e-4);
        refs.values().forEach(s -> assertEquals(true, s.converged()));
    }

    @Test
    void aTableBelowTheMinimumNormHasNoNormMatchedLaw() {
        double minimum = 2 * GroupNormLimit.solve(TASK, PRIOR).cost();
        Map<String, MaxEntSolution> refs = ReferenceScales.atThreeScales(TASK, PRIOR, 0.5 * minimum, 1.0);
        assertEquals(List.of(ReferenceScales.INITIAL_SCALE, ReferenceScales.SMALL_SIGMA_LIMIT), List.copyOf(refs.keySet()));
    }
}
