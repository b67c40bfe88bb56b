package org.netropy.experiment;

import org.netropy.options.ParameterSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netropy.io.InvalidInputException;
import org.netropy.report.ExperimentTable;
import org.netropy.report.FigureFiles;
import org.netropy.report.FigureOptions;

/** End to end: specs → runs → tables → figures, with resume, crashes, shards and failures. */
class PipelineTest {
    static final Path EXPERIMENTS = Path.of("experiments");
    static final Path DEMO = EXPERIMENTS.resolve("analytic-demo.yaml");
    static final String QUICK = "quick";

    @TempDir
    Path tmp;

    static SweepRunner.Options jobs(int j) {
        return new SweepRunner.Options(j, Shard.ALL, false, null);
    }

    /** The table files (csv, md, json) of a variant as text, keyed by file name. */
    static Map<String, String> tables(Path results, String experiment, String variant) throws IOException {
        ExperimentTable.aggregate(results, experiment, variant).write(results.resolve("tables"));
        Map<String, String> files = new LinkedHashMap<>();
        for (String ext : List.of("csv", "md", "json")) {
            String name = ExperimentTable.stem(experiment, variant) + "." + ext;
            files.put(name, Files.readString(results.resolve("tables").resolve(name)));
        }
        return files;
    }

    static long countMarkers(Path results, String experiment) throws IOException {
        try (Stream<Path> s = Files.list(results.resolve("runs").resolve(experiment))) {
            return s.filter(d -> RunStore.isComplete(d)).count();
        }
    }

    @Test
    void everyShippedSpecRunsItsQuickVariantEndToEnd() throws IOException {
        List<Path> specs = SpecFiles.all(EXPERIMENTS);
        assertFalse(specs.isEmpty());
        Path results = tmp.resolve("results");
        int code = Cli.run("reproduce", "--quick", "--experiments", EXPERIMENTS.toString(),
                "--results", results.toString(), "--no-progress", "--jobs", "2");
        assertEquals(0, code, Cli.lastErr);
        String claims = Files.readString(results.resolve("claims.quick.csv"));
        assertTrue(Files.size(results.resolve("claims.quick.md")) > 0);
        for (Path f : specs) {
            ExperimentSpec spec = SpecLoader.load(f);
            assertTrue(spec.variants().containsKey(QUICK), f + " needs a quick variant");
            assertTrue(claims.lines().anyMatch(l -> l.startsWith(spec.name() + ",quick,")), spec.name() + " has no quick claim evaluated");
            String stem = ExperimentTable.stem(spec.name(), QUICK);
            for (String ext : List.of("csv", "md", "json")) {
                assertTrue(Files.size(results.resolve("tables").resolve(stem + "." + ext)) > 0);
            }
            Path dir = results.resolve("figures").resolve(stem);
            for (FigureSpec fig : spec.figures()) {
                // PDF parses with text, SVG has text elements and no E notation, PNG at 300 dpi
                FigureFiles.check(dir, fig.id(), FigureOptions.DEFAULT.width(fig.width()), FigureOptions.DEFAULT.dpi());
                // heat maps square with a colour bar, histograms never below zero, categories in the declared order
                FigureFiles.checkMarks(dir, fig);
            }
            // every link of figures.md resolves to a written file
            String md = Files.readString(dir.resolve("figures.md"));
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("\\]\\(([^)]+)\\)").matcher(md);
            int links = 0;
            while (link.find()) {
                assertTrue(Files.isRegularFile(dir.resolve(link.group(1))), stem + "/figures.md links to a missing " + link.group(1));
                links++;
            }
            assertTrue(links >= 5 * spec.figures().size(), stem + "/figures.md has " + links + " links");
        }
    }

    @Test
    void sameSpecTwiceGivesIdenticalTablesWhateverTheParallelism() throws IOException {
        ExperimentSpec spec = SpecLoader.load(DEMO);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        SweepRunner.run(spec, QUICK, a, jobs(1));
        SweepRunner.run(spec, QUICK, b, jobs(2));
        assertEquals(tables(a, spec.name(), QUICK), tables(b, spec.name(), QUICK));

        // Running again reuses every run and changes nothing.
        SweepRunner.Summary again = SweepRunner.run(spec, QUICK, a, jobs(2));
        assertEquals(0, again.computed());
        assertEquals(again.selected(), again.reused());
        assertEquals(tables(b, spec.name(), QUICK), tables(a, spec.name(), QUICK));
    }

    @Test
    void crashedSweepResumedGivesTheSameTables() throws IOException {
        ExperimentSpec spec = SpecLoader.load(DEMO);
        Path whole = tmp.resolve("whole");
        SweepRunner.run(spec, QUICK, whole, jobs(2));

        Path crashed = tmp.resolve("crashed");
        AtomicInteger markers = new AtomicInteger();
        SweepRunner.FaultHook crashAtEleventh = run -> {
            if (markers.incrementAndGet() > 10) {
                throw new SweepRunner.SimulatedCrash("power cut before the marker of " + run.folderName());
            }
        };
        assertThrows(SweepRunner.SimulatedCrash.class,
                () -> SweepRunner.run(spec, QUICK, crashed, new SweepRunner.Options(2, Shard.ALL, false, crashAtEleventh)));
        long complete = countMarkers(crashed, spec.name());
        int planned = SweepRunner.plan(spec, QUICK).size();
        // Ten runs passed the fault point; the other thread's run may be cut short by the shutdown.
        assertTrue(complete >= 9 && complete < planned, "complete after crash: " + complete);
        assertTrue(partialFolders(crashed, spec.name()) >= 1, "the crashed run must be left without a marker");

        SweepRunner.Summary resumed = SweepRunner.run(spec, QUICK, crashed, jobs(2));
        assertEquals(complete, resumed.reused());
        assertEquals(planned - complete, resumed.computed());
        assertEquals(tables(whole, spec.name(), QUICK), tables(crashed, spec.name(), QUICK));
    }

    static long partialFolders(Path results, String experiment) throws IOException {
        try (Stream<Path> s = Files.list(results.resolve("runs").resolve(experiment))) {
            return s.filter(d -> !d.getFileName().toString().equals("sweeps") && !RunStore.isComplete(d)).count();
        }
    }

    @Test
    void killedProcessResumedGivesTheSameTables() throws Exception {
        ExperimentSpec spec = SpecLoader.load(DEMO);
        Path whole = tmp.resolve("whole");
        SweepRunner.run(spec, QUICK, whole, jobs(2));

        // A separate JVM halts itself (as kill -9 would) just before the marker of its 6th run.
        Path killed = tmp.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-D" + SweepRunner.HALT_PROPERTY + "=5", "-cp", System.getProperty("java.class.path"),
                CliMain.class.getName(), "run", DEMO.toString(), "--variant", QUICK, "--results", killed.toString(),
                "--no-progress", "--jobs", "2")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(137, p.exitValue(), Files.readString(tmp.resolve("child.log")));
        long complete = countMarkers(killed, spec.name());
        // Five runs passed the fault point; with two threads one of them may not have written its marker yet.
        assertTrue(complete >= 4 && complete < SweepRunner.plan(spec, QUICK).size(), "complete after kill: " + complete);
        assertTrue(partialFolders(killed, spec.name()) >= 1);

        assertEquals(0, Cli.run("run", DEMO.toString(), "--variant", QUICK, "--results", killed.toString(), "--no-progress"),
                Cli.lastErr);
        assertTrue(Cli.lastOut.contains(complete + " reused"), Cli.lastOut);
        assertEquals(tables(whole, spec.name(), QUICK), tables(killed, spec.name(), QUICK));
    }

    @Test
    void shardsAreDisjointAndMergeIntoTheWhole() throws IOException {
        ExperimentSpec spec = SpecLoader.load(DEMO);
        List<PlannedRun> all = SweepRunner.plan(spec, QUICK);
        Set<String> union = new HashSet<>();
        int smallest = Integer.MAX_VALUE;
        int largest = 0;
        for (int i = 1; i <= 5; i++) {
            List<PlannedRun> part = new Shard(i, 5).select(all);
            smallest = Math.min(smallest, part.size());
            largest = Math.max(largest, part.size());
            for (PlannedRun r : part) {
                assertTrue(union.add(r.hash()), "run in two shards");
            }
        }
        assertEquals(all.size(), union.size());
        assertTrue(largest - smallest <= 1, "balanced shards");

        Path whole = tmp.resolve("whole");
        Path sharded = tmp.resolve("sharded");
        assertEquals(0, Cli.run("run", "analytic-demo", "--experiments", EXPERIMENTS.toString(), "--variant", QUICK,
                "--results", whole.toString(), "--no-progress"), Cli.lastErr);
        for (int i = 1; i <= 3; i++) {
            assertEquals(0, Cli.run("run", DEMO.toString(), "--variant", QUICK, "--shard", i + "/3",
                    "--results", sharded.toString(), "--no-progress"), Cli.lastErr);
            assertTrue(Cli.lastOut.contains("shard " + i + "/3"), Cli.lastOut);
        }
        assertEquals(tables(whole, spec.name(), QUICK), tables(sharded, spec.name(), QUICK));
    }

    @Test
    void failedRunsAreRecordedAndTheSweepGoesOn() throws IOException {
        Path results = tmp.resolve("results");
        Path spec = Path.of("src/test/resources/specs/fail-demo.yaml");
        int code = Cli.run("run", spec.toString(), "--results", results.toString(), "--no-progress");
        assertEquals(1, code, "exit code says that runs failed");
        assertTrue(Cli.lastOut.contains("8 runs, 4 computed, 0 reused, 4 failed"), Cli.lastOut);
        assertTrue(Cli.lastErr.contains("4 of 8 runs of fail-demo failed"), Cli.lastErr);
        assertTrue(Cli.lastErr.contains("injected failure: x = 3.0"), Cli.lastErr);

        int errors = 0;
        try (Stream<Path> dirs = Files.list(results.resolve("runs/fail-demo"))) {
            for (Path d : dirs.filter(d -> !d.endsWith("sweeps")).toList()) {
                boolean failed = Files.exists(d.resolve(RunStore.ERROR));
                assertEquals(!failed, RunStore.isComplete(d), "a failed run must not read as complete: " + d);
                if (failed) {
                    errors++;
                    assertTrue(Files.readString(d.resolve(RunStore.ERROR)).contains("IllegalStateException"));
                    assertTrue(Files.readString(d.resolve(RunStore.PROVENANCE)).contains("\"failed\""));
                }
            }
        }
        assertEquals(4, errors);

        // The table is built from the complete runs and says what is missing.
        assertEquals(0, Cli.run("table", "fail-demo", "--results", results.toString()), Cli.lastErr);
        assertTrue(Cli.lastErr.contains("4 runs of fail-demo are not complete"), Cli.lastErr);
        ExperimentTable t = ExperimentTable.aggregate(results, "fail-demo", ExperimentSpec.FULL);
        assertEquals(2, t.rows().size());
        assertEquals(List.of("1.0", "2.0"), t.rows().stream().map(r -> r.group().get(0)).toList());

        // Failed runs are retried on the next invocation (and fail again here).
        Cli.run("run", spec.toString(), "--results", results.toString(), "--no-progress");
        assertTrue(Cli.lastOut.contains("0 computed, 4 reused, 4 failed"), Cli.lastOut);
    }

    @Test
    void partialRunFolderIsWipedAndRedoneWhileCompleteOnesAreKept() throws IOException {
        ExperimentSpec spec = SpecLoader.load(DEMO);
        Path results = tmp.resolve("results");
        List<PlannedRun> runs = SweepRunner.plan(spec, QUICK);
        RunStore store = new RunStore(results);
        Path partial = store.runDir(runs.get(0));
        Files.createDirectories(partial);
        Files.writeString(partial.resolve(RunStore.ROWS), "statistic,squared_error\nmean,12");
        Files.writeString(partial.resolve("leftover.bin"), "half a file");

        SweepRunner.Summary first = SweepRunner.run(spec, QUICK, results, jobs(2));
        assertEquals(runs.size(), first.computed());
        assertTrue(RunStore.isComplete(partial));
        assertFalse(Files.exists(partial.resolve("leftover.bin")), "a partial folder is wiped before it is redone");
        assertFalse(Files.readString(partial.resolve(RunStore.ROWS)).contains("mean,12\n"));
        RunStore.verify(partial);

        Path kept = store.runDir(runs.get(1));
        String provenance = Files.readString(kept.resolve(RunStore.PROVENANCE));
        SweepRunner.run(spec, QUICK, results, jobs(2));
        assertEquals(provenance, Files.readString(kept.resolve(RunStore.PROVENANCE)), "complete runs are not recomputed");
    }

    @Test
    void damagedCompleteRunIsReportedNotAggregated() throws IOException {
        ExperimentSpec spec = SpecLoader.load(DEMO);
        Path results = tmp.resolve("results");
        SweepRunner.run(spec, QUICK, results, jobs(2));
        Path dir = new RunStore(results).runDir(SweepRunner.plan(spec, QUICK).get(3));
        Files.writeString(dir.resolve(RunStore.ROWS), "statistic,squared_error,expected_squared_error\nmean,1,1\n");
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ExperimentTable.aggregate(results, spec.name(), QUICK));
        assertTrue(e.getMessage().contains(dir.getFileName().toString()) && e.getMessage().contains("checksums"), e.getMessage());
    }

    @Test
    void runFoldersHoldResolvedSpecAndProvenance() throws IOException {
        ExperimentSpec spec = SpecLoader.load(DEMO);
        Path results = tmp.resolve("results");
        SweepRunner.run(spec, QUICK, results, jobs(2));
        PlannedRun run = SweepRunner.plan(spec, QUICK).get(0);
        Path dir = new RunStore(results).runDir(run);
        Map<?, ?> specJson = org.netropy.io.Json.read(dir.resolve(RunStore.SPEC), Map.class);
        assertEquals(run.hash(), specJson.get("hash"));
        assertEquals(run.hash(), PlannedRun.hash((String) specJson.get("hashed_text")), "the hash is of the recorded text");
        Map<?, ?> prov = org.netropy.io.Json.read(dir.resolve(RunStore.PROVENANCE), Map.class);
        for (String key : List.of("git", "java", "os", "dependencies", "seeds", "started", "finished")) {
            assertTrue(prov.containsKey(key), "provenance lacks " + key);
        }
        Map<?, ?> seeds = (Map<?, ?>) prov.get("seeds");
        assertEquals(run.parameters().seed(), ((Number) seeds.get("root")).longValue());
        assertEquals(new org.netropy.random.RandomStreams(run.parameters().seed()).seedFor("samples"),
                ((Number) ((Map<?, ?>) seeds.get("derived")).get("samples")).longValue());
        assertEquals("complete", prov.get("status"));
    }

    @Test
    void hashDependsOnContentOnly() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("n", 10L);
        ab.put("sigma", 1.0);
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("sigma", 1.0);
        ba.put("n", 10L);
        String h = PlannedRun.of("e", "analytic-demo", new ResolvedParameters(ab, 1), "c1").hash();
        assertEquals(h, PlannedRun.of("e", "analytic-demo", new ResolvedParameters(ba, 1), "c1").hash());
        assertNotEquals(h, PlannedRun.of("e", "analytic-demo", new ResolvedParameters(ab, 2), "c1").hash());
        assertNotEquals(h, PlannedRun.of("e", "analytic-demo", new ResolvedParameters(ab, 1), "c2").hash());
        assertNotEquals(h, PlannedRun.of("e", "fail-demo", new ResolvedParameters(ab, 1), "c1").hash());
        assertEquals(64, h.length());
        // Values are normalised before hashing: 1 and 1.0 for a number, -0.0 and 0.0.
        ParameterSpec sigma = ParameterSpec.number("sigma", -1, 1, null, "");
        assertEquals(sigma.normalise("sigma", 1L), sigma.normalise("sigma", 1.0));
        assertEquals(sigma.normalise("sigma", 0.0), sigma.normalise("sigma", -0.0));
    }

    @Test
    void kindsMustKeepTheRowContract() {
        RunKind kind = RunKinds.get("analytic-demo");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("statistic", "mean");
        row.put("squared_error", 1.0);
        SweepRunner.checkRows(kind, List.of(row));
        assertThrows(IllegalStateException.class, () -> SweepRunner.checkRows(kind, List.of(row, row)), "duplicate keys");
        Map<String, Object> extra = new LinkedHashMap<>(row);
        extra.put("bias", 0.1);
        assertThrows(IllegalStateException.class, () -> SweepRunner.checkRows(kind, List.of(extra)), "undeclared column");
        Map<String, Object> text = new LinkedHashMap<>(row);
        text.put("squared_error", "small");
        assertThrows(IllegalStateException.class, () -> SweepRunner.checkRows(kind, List.of(text)), "non-numeric measure");
        assertThrows(IllegalStateException.class, () -> SweepRunner.checkRows(kind, List.of()), "no rows");
    }

    @Test
    void variantsChangeBaseSweepAndSeeds() {
        ExperimentSpec spec = SpecLoader.load(DEMO);
        List<ResolvedParameters> quick = spec.plan(QUICK);
        assertEquals(3 * 3 * 4, quick.size());
        List<ResolvedParameters> full = spec.plan(ExperimentSpec.FULL);
        assertEquals(9 * 3 * 20, full.size());
        List<Object> ns = new ArrayList<>();
        full.forEach(r -> {
            if (!ns.contains(r.values().get("n"))) {
                ns.add(r.values().get("n"));
            }
        });
        assertEquals(List.of(10L, 32L, 100L, 316L, 1000L, 3162L, 10000L, 31623L, 100000L), ns, "log range rounded to integers");
        assertThrows(InvalidInputException.class, () -> spec.plan("quik"));
    }
}
