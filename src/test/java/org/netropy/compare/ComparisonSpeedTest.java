package org.netropy.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netropy.connectivity.NeuronTable;
import org.netropy.random.RandomStreams;
import org.netropy.task.TargetNormalisation;
import org.netropy.task.TaskMatrix;

/** Issue 4's budget: two tables of 10 000 neurons, clustering and bootstrap included, in at most 10 s. */
@Tag("slow")
class ComparisonSpeedTest {
    @Test
    void tenThousandVersusTenThousandWithinTenSeconds() {
        MaxEntLikeModel model = MaxEntLikeModel.twoContexts();
        NeuronTable a = model.sample(10_000, new SplittableRandom(1));
        NeuronTable b = model.sample(10_000, new SplittableRandom(2));
        ComparisonSettings s = ComparisonSettings.defaults().withTask(TaskMatrix.identity(2, TargetNormalisation.NONE));
        long start = System.nanoTime();
        Comparison c = ConnectivityComparator.compare(a, "a", b, "b", s, new RandomStreams(1));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("10k vs 10k comparison: %.2f s (overall %s)%n", seconds, c.overall());
        assertTrue(seconds <= 10, seconds + " s");
    }
}
