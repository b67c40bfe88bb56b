package org.netropy.experiment.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.cli.CliRunner;

/** A sweep whose low-rank settings the task cannot hold is refused before anything runs. */
class GdKindValidationTest {
    @TempDir
    Path dir;

    @Test
    void alignedRankAboveTheTaskSpanIsABadSpec() throws Exception {
        Path spec = dir.resolve("bad-rank.yaml");
        Files.writeString(spec, String.join("\n",
                "name: bad-rank",
                "kind: gd-train",
                "base:",
                "  contexts: 2",
                "  init_scale: 0.5",
                "  init_rank: aligned",
                "sweep:",
                "  rank: [1, 3]",
                "seeds: 1",
                ""));
        Object[] r = CliRunner.run("run", spec.toString(), "--results", dir.resolve("results").toString(), "--no-progress");
        String err = (String) r[2];
        assertEquals(2, r[0], err);
        assertTrue(err.contains("rank") && err.contains("[1, 2]"), err);
        assertTrue(!Files.exists(dir.resolve("results/runs")) || Files.list(dir.resolve("results/runs")).findAny().isEmpty(),
                "nothing runs for an invalid sweep");
    }
}
