package org.netropy.experiment.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.cli.CliRunner;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.SpecLoader;
import org.netropy.gd.GdOptions;
import org.netropy.gd.GdRunSpec;
import org.netropy.random.RandomStreams;

/**
 * A spec parameter that is accepted is used, and a table records the value the run used: the
 * Flesch task's learning rate and mirror pairs (once ignored and recorded as if used), the task's
 * own recipe defaults, and a rule that every run would break refused by {@code run --dry-run}.
 */
class GdSpecParametersUsedTest {
    @TempDir
    Path dir;

    private List<ResolvedParameters> plan(String... lines) throws Exception {
        Path spec = dir.resolve("s.yaml");
        Files.writeString(spec, "name: s\nkind: gd-train\n" + String.join("\n", lines) + "\n");
        return SpecLoader.load(spec).plan("full");
    }

    @Test
    void fleschLearningRateAndMirrorPairsReachTheNetwork() throws Exception {
        List<ResolvedParameters> runs = plan("base:", "  task: flesch", "  init_scale: 0.5", "  hidden: 20", "  steps: 5",
                "sweep:", "  learning_rate: [0.001, 0.02]", "  symmetric: [false, true]");
        assertEquals(4, runs.size());
        for (ResolvedParameters p : runs) {
            GdRunSpec spec = GdOptions.runSpec(p, new RandomStreams(p.seed()));
            assertEquals(p.number("learning_rate"), spec.learningRate(), 0.0, p.toString());
            assertEquals(p.flag("symmetric"), spec.init().symmetric(), p.toString());
        }
        double lossSlow = ((Number) org.netropy.gd.GdTrainer.train(GdOptions.runSpec(runs.get(0), new RandomStreams(1)), new RandomStreams(1)).metricsRow().get("final_loss")).doubleValue();
        double lossFast = ((Number) org.netropy.gd.GdTrainer.train(GdOptions.runSpec(runs.get(2), new RandomStreams(1)), new RandomStreams(1)).metricsRow().get("final_loss")).doubleValue();
        assertNotEquals(lossSlow, lossFast, "learning_rate must change a Flesch network's training");
    }

    @Test
    void unsetRecipeParametersRecordTheTasksOwnDefaults() throws Exception {
        ResolvedParameters flesch = plan("base:", "  task: flesch", "  init_scale: 0.5").get(0);
        assertEquals(GdRunSpec.FLESCH_LEARNING_RATE, flesch.number("learning_rate"), 0.0);
        assertFalse(flesch.flag("symmetric"));
        ResolvedParameters selection = plan("base:", "  init_scale: 0.5").get(0);
        assertEquals(GdRunSpec.MEAN_FIELD_LEARNING_RATE, selection.number("learning_rate"), 0.0);
        assertTrue(selection.flag("symmetric"));
        // a sweep over the task picks each task's recipe per run
        List<ResolvedParameters> both = plan("base:", "  init_scale: 0.5", "sweep:", "  task: [input-selection, flesch]");
        Map<String, Double> rate = Map.of(both.get(0).string("task"), both.get(0).number("learning_rate"),
                both.get(1).string("task"), both.get(1).number("learning_rate"));
        assertEquals(Map.of("input-selection", GdRunSpec.MEAN_FIELD_LEARNING_RATE, "flesch", GdRunSpec.FLESCH_LEARNING_RATE), rate);
        GdRunSpec used = GdOptions.runSpec(flesch, new RandomStreams(1));
        assertEquals(flesch.number("learning_rate"), used.learningRate(), 0.0);
    }

    @Test
    void dryRunRefusesOddHiddenWithMirrorPairsNamingTheYamlKey() throws Exception {
        Path spec = dir.resolve("odd.yaml");
        Files.writeString(spec, String.join("\n", "name: odd", "kind: gd-train", "base:", "  init_scale: 0.5", "  hidden: 7",
                "  symmetric: true", ""));
        Object[] r = CliRunner.run("run", spec.toString(), "--dry-run", "--results", dir.resolve("results").toString());
        String err = (String) r[2];
        assertEquals(2, r[0], err);
        assertTrue(err.contains("hidden") && !err.contains("--hidden"), err);
    }
}
