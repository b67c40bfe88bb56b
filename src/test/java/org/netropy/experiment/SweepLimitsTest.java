package org.netropy.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's size is refused before any run is built (a 10^15-run spec used to exhaust the heap in --dry-run). */
class SweepLimitsTest {
    @TempDir
    Path tmp;

    @Test
    void aHugeSweepIsRefusedAtOnceInDryRun() throws Exception {
        Path spec = Files.writeString(tmp.resolve("huge.yaml"), """
                name: huge
                kind: analytic-demo
                sweep:
                  n: {from: 10, to: 100000000, points: 100000, log: true}
                  sigma: {from: 0.1, to: 10, points: 100000, log: true}
                seeds: 100000
                """);
        long t0 = System.nanoTime();
        assertEquals(2, Cli.run("run", spec.toString(), "--dry-run", "--results", tmp.resolve("r").toString()), Cli.lastErr);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(seconds < 20, "took " + seconds + " s");
        String err = Cli.lastErr.strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("runs") && err.contains("limit"), err);
    }

    @Test
    void aResultsPathThatIsAFileIsRefusedBeforeAnyRunAlsoInDryRun() throws Exception {
        Path file = Files.writeString(tmp.resolve("results"), "x");
        for (boolean dry : new boolean[] {true, false}) {
            int code = dry ? Cli.run("run", PipelineTest.DEMO.toString(), "--variant", "quick", "--results", file.toString(), "--dry-run")
                    : Cli.run("run", PipelineTest.DEMO.toString(), "--variant", "quick", "--results", file.toString(), "--no-progress");
            assertEquals(2, code, Cli.lastErr);
            assertTrue(Cli.lastErr.contains("--results"), Cli.lastErr);
        }
    }
}
