package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options the one declaration renamed (issue 18) fail with one line naming what replaced
 * them, exit 2, before anything runs; and they stay out of --help.
 */
class RenamedOptionsTest {
    @TempDir
    Path dir;

    private void assertPointer(String expected, String... args) {
        Object[] r = CliRunner.run(args);
        String err = ((String) r[2]).strip();
        assertEquals(2, r[0], err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(expected), err);
    }

    @Test
    void oldGdTrainOptionsPointToTheirReplacement() {
        String out = dir.resolve("o").toString();
        assertPointer("--lr was renamed: use --learning-rate", "gd", "train", "--out", out, "--lr", "0.1");
        assertPointer("--spectral-rank was renamed: use --init-rank spectral --rank R", "gd", "train", "--out", out, "--spectral-rank", "2");
        assertPointer("--no-hidden-bias was renamed: use --hidden-bias false", "gd", "train", "--out", out, "--no-hidden-bias");
        assertFalse(dir.resolve("o").toFile().exists(), "nothing was written");
        String help = (String) CliRunner.run("gd", "train", "--help")[1];
        assertFalse(help.contains("--lr "), "renamed options are hidden");
        assertTrue(help.contains("--learning-rate"));
    }

    @Test
    void theOldEiStepsOptionPointsToSimulationSteps() {
        assertPointer("--steps was renamed: use --simulation-steps", "ei", "entropy", "--simulate", "annealed", "--steps", "100");
    }
}
