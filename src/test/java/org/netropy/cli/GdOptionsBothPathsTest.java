package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.SpecLoader;
import org.netropy.gd.GdOptions;
import org.netropy.gd.GdRunSpec;
import org.netropy.random.RandomStreams;
import picocli.CommandLine;

/**
 * The gradient-descent parameters are declared once (GdOptions): the same settings given to
 * {@code gd train} and to a {@code gd-train} spec resolve to the same training run, and a rule
 * between fields refuses both, naming {@code --hidden} on the command line and {@code hidden} in
 * the spec (issue 18: a spec's learning rate once missed the Flesch networks, and a dry run
 * accepted odd hidden with mirror pairs). Nothing here trains.
 */
class GdOptionsBothPathsTest {
    @TempDir
    Path dir;

    /** The runs {@code gd train args} would train (one seed), without training them. */
    private GdRunSpec cli(String... args) {
        CommandLine cl = Main.commandLine();
        List<String> all = new ArrayList<>(List.of("gd", "train", "--out", dir.resolve("out").toString()));
        all.addAll(List.of(args));
        CommandLine.ParseResult parsed = cl.parseArgs(all.toArray(new String[0]));
        CommandLine train = parsed.subcommand().subcommand().commandSpec().commandLine();
        List<GdRunSpec> specs = ((GdCommand.Train) train.getCommand()).runSpecs(new int[] {1});
        assertEquals(1, specs.size());
        return specs.get(0);
    }

    private GdRunSpec spec(String... baseLines) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "name: s\nkind: gd-train\nbase:\n" + String.join("\n", baseLines) + "\n");
        ResolvedParameters p = SpecLoader.load(file).plan("full").get(0);
        return GdOptions.runSpec(p, new RandomStreams(1));
    }

    private static void assertSameRun(GdRunSpec a, GdRunSpec b) {
        java.util.Map<String, Object> da = new java.util.LinkedHashMap<>(a.describe());
        java.util.Map<String, Object> db = new java.util.LinkedHashMap<>(b.describe());
        assertArrayEquals((int[]) da.remove("snapshotSteps"), (int[]) db.remove("snapshotSteps"));
        assertEquals(da, db);
        assertArrayEquals(a.task().data().stimuli(), b.task().data().stimuli());
    }

    @Test
    void theCommandLineAndASpecResolveTheSameRun() throws Exception {
        GdRunSpec fromCli = cli("--task", "flesch", "--learning-rate", "0.001", "--init-scale", "0.5");
        GdRunSpec fromSpec = spec("  task: flesch", "  learning_rate: 0.001", "  init_scale: 0.5");
        assertSameRun(fromCli, fromSpec);
        assertEquals(0.001, fromSpec.learningRate(), 0.0);
        // the Flesch recipe still applies to everything not set (Flesch et al. 2022)
        assertEquals(0.01, fromSpec.init().readoutScale(), 0.0);
        assertTrue(fromSpec.hiddenBias() && fromSpec.outputBias());

        assertNotEquals(fromSpec.learningRate(), spec("  task: flesch", "  learning_rate: 0.02", "  init_scale: 0.5").learningRate());

        // input selection with low-rank weights, Gaussian stimuli and a trained hidden bias: one semantics
        assertSameRun(cli("--init-scale", "0.2", "--hidden", "10", "--init-rank", "rank", "--rank", "1", "--stimuli", "gaussian",
                        "--stimulus-count", "12", "--context-ratio", "2", "--bias-ratio", "0.5", "--loss-scale", "sum"),
                spec("  init_scale: 0.2", "  hidden: 10", "  init_rank: rank", "  rank: 1", "  stimuli: gaussian",
                        "  stimulus_count: 12", "  context_ratio: 2.0", "  bias_ratio: 0.5", "  loss_scale: sum"));
        GdRunSpec ratio = spec("  init_scale: 0.2", "  context_ratio: 2.0", "  bias_ratio: 0.5");
        assertEquals(0.4, ratio.init().contextScale(), 1e-15);
        assertEquals(0.1, ratio.init().biasScale(), 1e-15);
        assertTrue(ratio.hiddenBias());
    }

    @Test
    void oddHiddenWithMirrorPairsIsRefusedOnBothPathsInTheCallersWords() throws Exception {
        Object[] r = CliRunner.run("gd", "train", "--hidden", "7", "--symmetric", "--steps", "1", "--no-progress",
                "--out", dir.resolve("x").toString());
        String err = (String) r[2];
        assertEquals(2, r[0], err);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("--hidden") && err.contains("--symmetric"), err);
        assertFalse(Files.exists(dir.resolve("x")), "nothing was trained");

        Path file = dir.resolve("odd.yaml");
        Files.writeString(file, String.join("\n", "name: odd", "kind: gd-train", "base:", "  init_scale: 0.5", "  hidden: 7",
                "  symmetric: true", ""));
        r = CliRunner.run("run", file.toString(), "--dry-run", "--results", dir.resolve("results").toString());
        err = (String) r[2];
        assertEquals(2, r[0], err);
        assertTrue(err.contains("hidden") && !err.contains("--hidden") && !err.contains("--symmetric"), err);
    }

    @Test
    void aSettingTheRunWouldIgnoreIsRefusedOnBothPaths() throws Exception {
        // input selection scales its context weights with init_scale: an absolute context scale would be ignored
        Object[] r = CliRunner.run("gd", "train", "--context-scale", "2", "--steps", "1", "--no-progress",
                "--out", dir.resolve("y").toString());
        assertEquals(2, r[0], (String) r[2]);
        assertTrue(((String) r[2]).contains("--context-scale") && ((String) r[2]).contains("--context-ratio"), (String) r[2]);
        Path file = dir.resolve("ignored.yaml");
        Files.writeString(file, String.join("\n", "name: ignored", "kind: gd-train", "base:", "  init_scale: 0.5",
                "  rank: 2.0", ""));
        r = CliRunner.run("run", file.toString(), "--dry-run", "--results", dir.resolve("results").toString());
        assertEquals(2, r[0], (String) r[2]);
        assertTrue(((String) r[2]).contains("rank is used only with init_rank"), (String) r[2]);
    }

    /** The Flesch factory used by benchmarks and tests is the spec path, not a third copy of the recipe. */
    @Test
    void theFleschFactoryIsTheSpecPath() throws Exception {
        GdRunSpec factory = GdRunSpec.flesch(new org.netropy.task.FleschTreesTask(), 40, 0.3, 1.0, 10);
        assertSameRun(spec("  task: flesch", "  hidden: 40", "  init_scale: 0.3", "  steps: 10"), factory);
        assertSameRun(cli("--task", "flesch", "--hidden", "40", "--init-scale", "0.3", "--steps", "10"), factory);
    }
}
