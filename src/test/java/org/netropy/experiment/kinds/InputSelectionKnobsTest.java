package org.netropy.experiment.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.cli.CliRunner;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.SpecLoader;
import org.netropy.gd.GdOptions;
import org.netropy.gd.GdRunSpec;
import org.netropy.maxent.GainPrior;
import org.netropy.random.RandomStreams;

/**
 * The input-selection knobs of issue 16 (stimulus amplitude, Gaussian stimuli, context-weight and
 * hidden-bias scales relative to init_scale) reach the network, and the settings a task would
 * ignore are refused by {@code run --dry-run} with the YAML key named.
 */
class InputSelectionKnobsTest {
    @TempDir
    Path dir;

    private List<ResolvedParameters> plan(String kind, String... lines) throws Exception {
        Path spec = dir.resolve("s.yaml");
        Files.writeString(spec, "name: s\nkind: " + kind + "\n" + String.join("\n", lines) + "\n");
        return SpecLoader.load(spec).plan("full");
    }

    @Test
    void amplitudeContextAndBiasRatiosReachTheNetwork() throws Exception {
        ResolvedParameters p = plan("gd-train", "base:", "  init_scale: 0.2", "  amplitude: 0.25", "  context_ratio: 1.5",
                "  bias_ratio: 0.5", "  hidden: 10", "  steps: 2").get(0);
        GdRunSpec spec = GdOptions.runSpec(p, new RandomStreams(1));
        assertEquals(0.3, spec.init().contextScale(), 1e-15);
        assertEquals(0.1, spec.init().biasScale(), 1e-15);
        assertTrue(spec.hiddenBias());
        double max = 0;
        for (double[] u : spec.task().data().stimuli()) {
            for (double x : u) {
                max = Math.max(max, Math.abs(x));
            }
        }
        assertEquals(0.25, max, 1e-15, "grid half-width = amplitude");
        ResolvedParameters plain = plan("gd-train", "base:", "  init_scale: 0.2", "  hidden: 10").get(0);
        GdRunSpec d = GdOptions.runSpec(plain, new RandomStreams(1));
        assertEquals(0.2, d.init().contextScale(), 0.0, "THEORY section 4 default: sigma_v = sigma_0");
        assertFalse(d.hiddenBias());
    }

    @Test
    void gaussianStimuliAreDrawnPerSeed() throws Exception {
        ResolvedParameters p = plan("gd-train", "base:", "  init_scale: 0.2", "  stimuli: gaussian", "  stimulus_count: 7",
                "  contexts: 3", "  hidden: 10").get(0);
        GdRunSpec a = GdOptions.runSpec(p, new RandomStreams(1));
        assertEquals(7 * 3, a.task().data().size());
        GdRunSpec b = GdOptions.runSpec(p, new RandomStreams(2));
        assertFalse(java.util.Arrays.deepEquals(a.task().data().stimuli(), b.task().data().stimuli()));
    }

    @Test
    void gaussianPairsAreSymmetricAboutZero() throws Exception {
        ResolvedParameters p = plan("gd-train", "base:", "  init_scale: 0.2", "  stimuli: gaussian-pairs", "  stimulus_count: 8",
                "  amplitude: 0.5", "  hidden: 10").get(0);
        double[][] u = GdOptions.runSpec(p, new RandomStreams(3)).task().data().stimuli();
        assertEquals(8 * 2, u.length);
        for (int i = 0; i < 8; i += 2) {
            for (int j = 0; j < u[i].length; j++) {
                assertEquals(-u[i][j], u[i + 1][j], 0.0);
            }
        }
    }

    @Test
    void theImpliedPriorIsTheOrthantLawOfTheInitialisation() throws Exception {
        ResolvedParameters p = plan("gd-maxent", "base:", "  init_scale: 0.2", "  bias_ratio: 1.0", "  contexts: 2").get(0);
        GainPrior prior = GdMaxEntKind.prior(GdOptions.runSpec(p, new RandomStreams(1)), 2);
        // sigma_b = sigma_v: h_1, h_2 have correlation 1/2, P(both active) = 1/4 + asin(1/2)/(2 pi) = 1/3
        double both = 0;
        for (int i = 0; i < prior.size(); i++) {
            if (prior.gains()[i][0] == 1 && prior.gains()[i][1] == 1) {
                both = prior.weights()[i];
            }
        }
        assertEquals(1.0 / 3, both, 1e-9);
        ResolvedParameters none = plan("gd-maxent", "base:", "  init_scale: 0.2").get(0);
        assertEquals("relu-uniform", GdMaxEntKind.prior(GdOptions.runSpec(none, new RandomStreams(1)), 2).kind());
    }

    @Test
    void settingsATaskWouldIgnoreAreRefusedByDryRun() throws Exception {
        String[][] bad = {
            {"gd-train", "  task: flesch", "  amplitude: 0.5", "amplitude"},
            {"gd-train", "  task: flesch", "  context_ratio: 0.5", "context_ratio"},
            {"gd-train", "  task: flesch", "  readout_ratio: 0.5", "readout_ratio"},
            {"gd-train", "  task: flesch\n  hidden_bias: false", "  bias_ratio: 0.5", "hidden_bias"},
            {"gd-train", "  context_scale: 2.0", "  hidden: 10", "context_scale"},
            {"gd-train", "  stimulus_count: 30", "  hidden: 10", "stimulus_count"},
            {"gd-train", "  stimuli: gaussian", "  grid_points: 3", "grid_points"},
            {"gd-maxent", "  context_ratio: 0.0", "  hidden: 10", "context_ratio"},
            {"gd-train", "  stimuli: gaussian-pairs", "  stimulus_count: 7", "stimulus_count"},
        };
        for (String[] b : bad) {
            Path spec = dir.resolve("bad.yaml");
            Files.writeString(spec, String.join("\n", "name: bad", "kind: " + b[0], "base:", "  init_scale: 0.5", b[1], b[2], ""));
            Object[] r = CliRunner.run("run", spec.toString(), "--dry-run", "--results", dir.resolve("results").toString());
            String err = (String) r[2];
            assertEquals(2, r[0], b[3] + ": " + err);
            assertTrue(err.contains(b[3]), err);
        }
    }
}
