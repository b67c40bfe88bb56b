package org.netropy.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netropy.connectivity.NeuronTable;
import org.netropy.maxent.MaxEntSampler;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.random.RandomStreams;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/** Task shares c_g: the max-ent law's sum is its constraint, and a large sample agrees with its law. */
class TaskShareTest {
    private static final TaskMatrix A = TaskMatrix.identity(2, TargetNormalisation.NONE);

    @Test
    void maxEntSharesSumToOneBecauseTheLawSolvesTheTask() {
        for (double sigma : new double[] {0.3, 1.0, 3.0}) {
            MaxEntSolution law = ComparatorCalibrationTest.law(sigma);
            Map<String, Double> c = TaskShare.ofModel(new MaxEntReference(law, 1.0), A);
            assertEquals(1.0, c.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-8, "sigma " + sigma);
            assertEquals(0.0, c.get("00"), 0, "a population silent in every context carries no task");
        }
    }

    @Test
    void aLargeSampleHasTheSharesOfItsLaw() {
        MaxEntSolution law = ComparatorCalibrationTest.law(0.5);
        NeuronTable sample = MaxEntSampler.sample(law, 200_000, true, 1.0, new RandomStreams(7).stream("sample"));
        Map<String, Double> fromTable = TaskShare.ofTable(sample, A);
        Map<String, Double> fromLaw = TaskShare.ofModel(new MaxEntReference(law, 1.0), A);
        assertEquals(0.0, TaskShare.distance(fromTable, fromLaw), 0.02);
    }
}
