package org.netropy.experiment;

import org.netropy.options.ParameterSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment commands follow the CLI error policy: one line naming the option, exit code 2. */
class CommandsTest {
    @TempDir
    Path tmp;

    private static void assertOneLineError(int code, String mustContain) {
        assertEquals(2, code, Cli.lastErr);
        assertEquals(1, Cli.lastErr.strip().lines().count(), Cli.lastErr);
        assertTrue(Cli.lastErr.startsWith("netropy: ") && Cli.lastErr.contains(mustContain), Cli.lastErr);
        assertFalse(Cli.lastErr.contains("\tat "), "no stack trace");
    }

    @Test
    void listKindsShowsEveryKindWithItsParameters() {
        assertEquals(0, Cli.run("run", "--list-kinds"));
        for (String kind : RunKinds.names()) {
            assertTrue(Cli.lastOut.contains(kind + ": "), Cli.lastOut);
            for (ParameterSpec p : RunKinds.get(kind).parameters().parameters()) {
                assertTrue(Cli.lastOut.contains(p.name()), p.name());
            }
        }
    }

    @Test
    void dryRunCountsRunsAndWritesNothing() {
        Path results = tmp.resolve("results");
        assertEquals(0, Cli.run("run", "experiments/analytic-demo.yaml", "--dry-run", "--shard", "2/5", "--results", results.toString()));
        assertTrue(Cli.lastOut.contains("540 runs, 108 in shard 2/5; spec is valid"), Cli.lastOut);
        assertFalse(Files.exists(results));
    }

    @Test
    void badOptionsAreOneLineErrors() {
        String results = tmp.resolve("r").toString();
        assertOneLineError(Cli.run("run", "analytic-demo", "--shard", "0/3", "--results", results), "--shard must be");
        assertOneLineError(Cli.run("run", "analytic-demo", "--jobs", "0", "--results", results), "--jobs must be");
        assertOneLineError(Cli.run("run", "analytic-demo", "--variant", "quik", "--results", results), "--variant must be one of full, quick");
        assertOneLineError(Cli.run("run", "analytic-dmo", "--results", results), "did you mean 'analytic-demo'");
        assertOneLineError(Cli.run("run"), "SPEC must be given");
        assertOneLineError(Cli.run("table", "analytic-demo", "--results", results), "no runs of experiment 'analytic-demo'");
        assertOneLineError(Cli.run("figures", "analytic-demo", "--results", results), "run 'netropy table' first");
        assertOneLineError(Cli.run("reproduce", "--quick", "--experiments", tmp.resolve("none").toString()), "--experiments must be");
        assertEquals(2, Cli.run("reproduce", "--quick", "--all"), "--quick and --all exclude each other");
    }
}
