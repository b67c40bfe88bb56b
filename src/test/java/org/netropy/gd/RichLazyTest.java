package org.netropy.gd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netropy.random.RandomStreams;
import org.netropy.task.FleschTreesTask;
import org.netropy.task.Task;

/** The rich/lazy phenomenology of Flesch et al. 2022 and of Liu et al. 2023 at test size. */
class RichLazyTest {

    private static double stimulusChange(GdResult r) {
        return r.metrics().relativeChange().stimulus();
    }

    @Test
    void onTheFleschTaskRichLearningMovesStimulusWeightsFarMoreAndLazyKeepsTheRepresentation() {
        Task task = new FleschTreesTask();
        GdRunSpec rich = GdRunSpec.flesch(task, 100, 0.01, 1.0, 800);
        GdRunSpec lazy = GdRunSpec.flesch(task, 100, 3.0, 1.0, 800);
        List<GdResult> r = GdTrainer.trainEnsemble(List.of(rich, lazy), List.of(new RandomStreams(1), new RandomStreams(1)), null);
        GdResult richR = r.get(0);
        GdResult lazyR = r.get(1);
        assertTrue(richR.finalLoss() < 0.3 * richR.lossCurve()[0], "rich net learns: " + richR.finalLoss());
        assertEquals(1.0, lazyR.metrics().accuracy(), 1e-12, "lazy net solves the task");
        double richChange = stimulusChange(richR);
        double lazyChange = stimulusChange(lazyR);
        assertTrue(richChange > 100 * lazyChange, "relative stimulus-weight change rich " + richChange + " vs lazy " + lazyChange);
        assertTrue(lazyR.metrics().cka() > 0.9, "lazy CKA " + lazyR.metrics().cka());
        assertTrue(lazyR.metrics().cka() > richR.metrics().cka());
        Map<String, Double> betas = ((FleschAnalysis.Result) richR.metrics().analysis()).rsaBetas();
        Map<String, Double> lazyBetas = ((FleschAnalysis.Result) lazyR.metrics().analysis()).rsaBetas();
        assertTrue(betas.get("orthogonal") > betas.get("grid"), "rich: orthogonal model wins " + betas);
        assertTrue(lazyBetas.get("grid") > lazyBetas.get("orthogonal"), "lazy: grid model wins " + lazyBetas);
    }

    @Test
    void lowerInitialRankGivesALargerRelativeWeightChangeAtAMidScale() {
        Task task = new FleschTreesTask();
        List<GdRunSpec> specs = new ArrayList<>();
        List<RandomStreams> seeds = new ArrayList<>();
        for (LowRankSpec lr : new LowRankSpec[] {LowRankSpec.rank(1), LowRankSpec.FULL}) {
            for (int seed = 1; seed <= 2; seed++) {
                GdRunSpec s = GdRunSpec.flesch(task, 100, 0.5, 1.0, 400);
                specs.add(s.withInit(s.init().withLowRank(lr)));
                seeds.add(new RandomStreams(seed));
            }
        }
        List<GdResult> r = GdTrainer.trainEnsemble(specs, seeds, null);
        double low = (stimulusChange(r.get(0)) + stimulusChange(r.get(1))) / 2;
        double full = (stimulusChange(r.get(2)) + stimulusChange(r.get(3))) / 2;
        assertTrue(low > full, "rank 1: " + low + ", full rank: " + full);
    }
}
