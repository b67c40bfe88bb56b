package org.netropy.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verified resume, concurrent runs on one results folder (with kill -9), and content keys independent of git. */
class RunStoreSafetyTest {
    static final Path DEMO = PipelineTest.DEMO;
    static final String QUICK = PipelineTest.QUICK;

    @TempDir
    Path tmp;

    private static List<Path> runFolders(Path results, ExperimentSpec spec) {
        RunStore store = new RunStore(results);
        return SweepRunner.plan(spec, QUICK).stream().map(store::runDir).toList();
    }

    private static void assertEveryRunVerified(Path results, ExperimentSpec spec) {
        for (Path d : runFolders(results, spec)) {
            assertTrue(RunStore.isVerified(d), "run not complete and verified: " + d);
        }
    }

    @Test
    void damagedRunsAreMovedAsideAndRecomputedOnResume() throws IOException {
        ExperimentSpec spec = SpecLoader.load(DEMO);
        Path results = tmp.resolve("results");
        SweepRunner.run(spec, QUICK, results, PipelineTest.jobs(2));
        Map<String, String> before = PipelineTest.tables(results, spec.name(), QUICK);
        List<Path> runs = runFolders(results, spec);
        String rows = Files.readString(runs.get(0).resolve(RunStore.ROWS));
        Files.writeString(runs.get(0).resolve(RunStore.ROWS), rows.substring(0, rows.length() / 2)); // truncated
        Files.delete(runs.get(1).resolve(RunStore.ROWS));                                            // deleted
        String done = Files.readString(runs.get(2).resolve(RunStore.DONE));
        Files.writeString(runs.get(2).resolve(RunStore.DONE), done.substring(0, 10));                // marker truncated

        assertEquals(0, Cli.run("run", DEMO.toString(), "--variant", QUICK, "--results", results.toString(), "--no-progress"),
                Cli.lastErr);
        assertTrue(Cli.lastOut.contains("3 computed, " + (runs.size() - 3) + " reused"), Cli.lastOut);
        assertEquals(3, Cli.lastErr.lines().filter(l -> l.contains("was damaged")).count(), Cli.lastErr);
        try (Stream<Path> s = Files.list(results.resolve("damaged").resolve(spec.name()))) {
            assertEquals(3, s.count(), "damaged runs kept for inspection");
        }
        assertEveryRunVerified(results, spec);
        assertEquals(before, PipelineTest.tables(results, spec.name(), QUICK));
    }

    private Process runInJvm(Path results, Path log, long delayMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-D" + SweepRunner.DELAY_PROPERTY + "=" + delayMillis, "-cp", System.getProperty("java.class.path"),
                CliMain.class.getName(), "run", DEMO.toString(), "--variant", QUICK, "--results", results.toString(),
                "--no-progress", "--jobs", "2")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Runs k JVMs on one results folder (killing the first with SIGKILL after killAfterMillis if positive). */
    private void concurrentRuns(int k, long killAfterMillis, long delayMillis) throws Exception {
        ExperimentSpec spec = SpecLoader.load(DEMO);
        Path single = tmp.resolve("single");
        SweepRunner.run(spec, QUICK, single, PipelineTest.jobs(2));
        Path shared = tmp.resolve("shared");
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ps.add(runInJvm(shared, tmp.resolve("child" + i + ".log"), delayMillis));
        }
        if (killAfterMillis > 0) {
            Thread.sleep(killAfterMillis);
            ps.get(0).destroyForcibly(); // SIGKILL: no shutdown hook, locks released by the OS
        }
        int planned = SweepRunner.plan(spec, QUICK).size();
        for (int i = 0; i < k; i++) {
            assertTrue(ps.get(i).waitFor(240, TimeUnit.SECONDS), "child " + i + " did not finish");
            if (killAfterMillis > 0 && i == 0) {
                assertNotEquals(0, ps.get(i).exitValue(), "the killed process had already finished: kill it earlier");
                continue;
            }
            String log = Files.readString(tmp.resolve("child" + i + ".log"));
            assertEquals(0, ps.get(i).exitValue(), log);
            assertTrue(log.contains(planned + " runs"), log);
        }
        assertEveryRunVerified(shared, spec);
        assertEquals(PipelineTest.tables(single, spec.name(), QUICK), PipelineTest.tables(shared, spec.name(), QUICK));
        // nothing is left to do, nothing is damaged
        assertEquals(0, Cli.run("run", DEMO.toString(), "--variant", QUICK, "--results", shared.toString(), "--no-progress"),
                Cli.lastErr);
        assertTrue(Cli.lastOut.contains("0 computed, " + planned + " reused"), Cli.lastOut);
        assertFalse(Files.exists(shared.resolve("damaged")), "a concurrent run damaged another's folder");
    }

    @Test
    void twoConcurrentRunsOfOneSweepShareTheWork() throws Exception {
        concurrentRuns(2, 0, 40);
    }

    @Test
    @Tag("slow")
    void threeConcurrentRunsWithOneKilledLeaveEveryRunVerified() throws Exception {
        concurrentRuns(3, 2000, 300);
    }

    @Test
    @Tag("slow")
    void twoConcurrentRunsWithOneKilledLeaveEveryRunVerified() throws Exception {
        concurrentRuns(2, 2000, 300);
    }

    @Test
    void aClaimIsExclusiveAndReleasedWhenClosed() throws IOException {
        Path run = tmp.resolve("run");
        try (var first = RunStore.claim(run, false)) {
            assertTrue(first != null);
            assertEquals(null, RunStore.claim(run, false), "a claimed run was claimed twice");
        }
        try (var again = RunStore.claim(run, false)) {
            assertTrue(again != null, "a released claim stayed stuck");
        }
    }

    @Test
    void theContentKeyDependsOnTheCompiledCodeNotOnTheCommit() throws IOException {
        CodeVersion here = CodeVersion.current();
        assertTrue(here.classes() != null && here.classes().matches("[0-9a-f]{64}"), String.valueOf(here.classes()));
        CodeVersion otherCommit = new CodeVersion("0".repeat(40), false, here.version(), here.classes());
        CodeVersion docsOnlyCommit = new CodeVersion("1".repeat(40), true, here.version(), here.classes());
        assertEquals(otherCommit.key(), docsOnlyCommit.key(), "a commit that leaves the compiled code alone reuses every run");
        if (here.commit() != null) {
            assertFalse(here.key().contains(here.commit()), here.key());
        }
        // the hash follows content, not time stamps
        Path code = Files.createDirectories(tmp.resolve("classes/org/x"));
        Files.writeString(code.resolve("A.class"), "a");
        Files.writeString(code.resolve("B.class"), "b");
        String h1 = CodeVersion.hashOfCode(tmp.resolve("classes"));
        assertTrue(code.resolve("A.class").toFile().setLastModified(0));
        assertEquals(h1, CodeVersion.hashOfCode(tmp.resolve("classes")));
        Files.writeString(code.resolve("B.class"), "b2");
        assertNotEquals(h1, CodeVersion.hashOfCode(tmp.resolve("classes")), "a code change must change the key");
        // thread counts of native linear algebra change results: they are part of the key
        assertNotEquals(here.key(Map.of("OMP_NUM_THREADS", "1")), here.key(Map.of("OMP_NUM_THREADS", "2")));
        assertEquals(here.key(Map.of()), here.key(Map.of("OMP_NUM_THREADS", " ")));
    }
}
