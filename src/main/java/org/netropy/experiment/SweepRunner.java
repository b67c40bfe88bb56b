package org.netropy.experiment;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.netropy.io.AtomicFiles;
import org.netropy.io.InvalidInputException;
import org.netropy.io.Json;
import org.netropy.io.Progress;
import org.netropy.random.RandomStreams;

/**
 * Runs the runs of one variant of a spec: skips complete ones, wipes and redoes partial ones,
 * runs the rest in parallel (one per thread), records failures and goes on.
 *
 * <p>Crash safety: a run's files are written into its folder and the {@code DONE} marker is
 * written last through an atomic rename, so a process killed at any moment (kill -9 included)
 * leaves at worst a folder without a marker, which the next invocation redoes.
 */
public final class SweepRunner {

    /** System property for tests of crash safety: halt the JVM (like kill -9) just before the marker of run k+1. */
    public static final String HALT_PROPERTY = "netropy.fault.haltBeforeMarker";
    /** System property for tests of concurrency: sleep this many milliseconds before each run's marker. */
    public static final String DELAY_PROPERTY = "netropy.fault.delayBeforeMarker";

    /**
     * Called after a run's outputs are written and before its marker: the fault-injection point of
     * tests. Throwing {@link SimulatedCrash} stops the whole sweep at once, as a kill would.
     */
    @FunctionalInterface
    public interface FaultHook {
        void beforeMarker(PlannedRun run);
    }

    /** Thrown by a fault hook to simulate the process dying: not recorded, not caught. */
    public static final class SimulatedCrash extends Error {
        public SimulatedCrash(String message) {
            super(message);
        }
    }

    /**
     * @param jobs     runs in parallel (threads)
     * @param shard    the part of the sweep to run
     * @param progress show a progress bar on standard error
     * @param hook     fault injection (tests); null for none
     */
    public record Options(int jobs, Shard shard, boolean progress, FaultHook hook) {
        public Options {
            InvalidInputException.require(jobs >= 1 && jobs <= 4096, "--jobs", "an integer in [1, 4096]", jobs);
            shard = shard == null ? Shard.ALL : shard;
        }

        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), Shard.ALL, false, null);
        }
    }

    /** A failed run and the first line of its error (the full trace is in the run's error.txt). */
    public record Failure(PlannedRun run, Path folder, String error) {}

    /**
     * What a sweep did.
     *
     * @param planned  runs in the variant (all shards)
     * @param selected runs in this shard
     * @param reused   complete runs found and skipped
     * @param computed runs computed now
     * @param failures runs that failed now
     * @param repaired one line per damaged run that was moved aside and recomputed
     */
    public record Summary(String experiment, String variant, Shard shard, int planned, int selected, int reused,
                          int computed, List<Failure> failures, List<String> repaired, Duration elapsed) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private SweepRunner() {}

    /** Plans every run of a variant with its content hash (no side effects). */
    public static List<PlannedRun> plan(ExperimentSpec spec, String variant) {
        String code = CodeVersion.current().key();
        return spec.plan(variant).stream()
                .map(p -> PlannedRun.of(spec.name(), spec.kind().name(), p, code))
                .toList();
    }

    /** Runs a variant of a spec into {@code results}. */
    public static Summary run(ExperimentSpec spec, String variant, Path results, Options options) {
        Instant start = Instant.now();
        RunStore store = new RunStore(results);
        List<PlannedRun> all = plan(spec, variant);
        store.writeManifest(spec.name(), variant, spec.kind().name(), CodeVersion.current().key(), all);
        List<PlannedRun> mine = options.shard().select(all);

        // reuse only what verifies against its checksums; the rest is claimed, checked again under the claim, and computed
        List<PlannedRun> todo = new ArrayList<>();
        for (PlannedRun r : mine) {
            if (!RunStore.isVerified(store.runDir(r))) {
                todo.add(r);
            }
        }
        int reused = mine.size() - todo.size();
        FaultHook hook = options.hook() != null ? options.hook() : haltHookFromProperty();

        List<Failure> failures = new ArrayList<>();
        List<String> repaired = new ArrayList<>();
        int computed = 0;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs(), Math.max(1, todo.size())), r -> {
            Thread t = new Thread(r, "netropy-run");
            t.setDaemon(true);
            return t;
        });
        try (Progress bar = options.progress() ? new Progress(spec.name() + " " + variant, mine.size(), reused) : null) {
            // first pass: runs no other process holds; second pass: wait for the holders, then take over what they left undone
            List<PlannedRun> busy = todo;
            for (boolean wait : new boolean[] {false, true}) {
                CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
                for (PlannedRun r : busy) {
                    done.submit(() -> execute(spec.kind(), r, store, hook, wait));
                }
                List<PlannedRun> stillBusy = new ArrayList<>();
                for (int i = 0; i < busy.size(); i++) {
                    Outcome o;
                    try {
                        o = done.take().get();
                    } catch (ExecutionException e) {
                        stop(pool);
                        if (e.getCause() instanceof Error err) {
                            throw err;
                        }
                        throw new IllegalStateException(e.getCause());
                    }
                    if (o.movedAside() != null) {
                        repaired.add(store.runDir(o.run()) + " was damaged (files differ from the checksums in DONE): moved to "
                                + o.movedAside() + " and recomputed");
                    }
                    switch (o.status()) {
                        case BUSY -> {
                            stillBusy.add(o.run());
                            continue;
                        }
                        case COMPUTED -> computed++;
                        case REUSED -> reused++;
                        case FAILED -> failures.add(o.failure());
                        default -> throw new IllegalStateException(o.status().toString());
                    }
                    if (bar != null) {
                        bar.step(failures.size());
                    }
                }
                busy = stillBusy;
            }
            if (!busy.isEmpty()) {
                throw new IllegalStateException(busy.size() + " runs could not be claimed, e.g. " + store.runDir(busy.get(0)));
            }
        } catch (InterruptedException e) {
            stop(pool);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        pool.shutdown();
        failures.sort(java.util.Comparator.comparing(f -> f.run().hash()));
        return new Summary(spec.name(), variant, options.shard(), all.size(), mine.size(), reused,
                computed, failures, List.copyOf(repaired), Duration.between(start, Instant.now()));
    }

    /** What happened to one run: computed here, found complete (another process), failed, or held by another process. */
    record Outcome(PlannedRun run, Status status, Failure failure, Path movedAside) {
        enum Status { COMPUTED, REUSED, FAILED, BUSY }
    }

    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delayFromProperty() throws InterruptedException {
        String ms = System.getProperty(DELAY_PROPERTY);
        if (ms != null) {
            Thread.sleep(Long.parseLong(ms));
        }
    }

    private static FaultHook haltHookFromProperty() {
        String k = System.getProperty(HALT_PROPERTY);
        if (k == null) {
            return null;
        }
        int limit = Integer.parseInt(k);
        AtomicInteger count = new AtomicInteger();
        return run -> {
            if (count.getAndIncrement() >= limit) {
                Runtime.getRuntime().halt(137);
            }
        };
    }

    /**
     * Claims one run and computes it into its folder, unless it is complete and verified by then
     * (computed meanwhile by another process sharing the results folder). A damaged complete run
     * is moved aside first. Without {@code wait}, a run claimed by another process is left BUSY.
     */
    static Outcome execute(RunKind kind, PlannedRun run, RunStore store, FaultHook hook, boolean wait) throws Exception {
        Path dir = store.runDir(run);
        try (java.nio.channels.FileChannel claim = RunStore.claim(dir, wait)) {
            if (claim == null) {
                return new Outcome(run, Outcome.Status.BUSY, null, null);
            }
            Path movedAside = null;
            if (RunStore.isComplete(dir)) {
                if (RunStore.isVerified(dir)) {
                    return new Outcome(run, Outcome.Status.REUSED, null, null);
                }
                movedAside = store.moveAside(dir, run.experiment());
            }
            Failure f = compute(kind, run, dir, hook);
            return new Outcome(run, f == null ? Outcome.Status.COMPUTED : Outcome.Status.FAILED, f, movedAside);
        }
    }

    /** Computes one claimed run into its folder; returns null on success, the failure otherwise. */
    static Failure compute(RunKind kind, PlannedRun run, Path dir, FaultHook hook) throws Exception {
        RunStore.wipe(dir);
        Files.createDirectories(dir);
        ResolvedParameters p = run.parameters();
        Json.write(dir.resolve(RunStore.SPEC), specJson(kind, run));
        Instant started = Instant.now();
        Map<String, Object> provenance = Provenance.of(run, kind, started);
        Json.write(dir.resolve(RunStore.PROVENANCE), provenance);
        try {
            List<Map<String, Object>> rows = kind.run(p, new RandomStreams(p.seed()), new RunContext(run.experiment(), run.hash(), dir));
            checkRows(kind, rows);
            RunStore.writeRows(dir.resolve(RunStore.ROWS), kind.rowKeys(), kind.measures(), rows);
            Provenance.finish(provenance, Instant.now(), "complete");
            Json.write(dir.resolve(RunStore.PROVENANCE), provenance);
            if (hook != null) {
                hook.beforeMarker(run);
            }
            delayFromProperty();
            RunStore.markComplete(dir, run.hash());
            return null;
        } catch (SimulatedCrash crash) {
            throw crash;
        } catch (Exception | StackOverflowError | OutOfMemoryError | AssertionError e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            AtomicFiles.writeString(dir.resolve(RunStore.ERROR), "run " + run.hash() + " (" + p + ")\n" + trace);
            Provenance.finish(provenance, Instant.now(), "failed");
            Json.write(dir.resolve(RunStore.PROVENANCE), provenance);
            String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            return new Failure(run, dir, e.getClass().getSimpleName() + ": " + msg);
        }
    }

    private static Map<String, Object> specJson(RunKind kind, PlannedRun run) {
        Map<String, Object> params = new LinkedHashMap<>(run.parameters().values());
        params.put("seed", run.parameters().seed());
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("experiment", run.experiment());
        spec.put("kind", run.kind());
        spec.put("hash", run.hash());
        spec.put("code_version", run.codeVersion());
        spec.put("parameters", params);
        spec.put("row_keys", kind.rowKeys());
        spec.put("measures", kind.measures());
        spec.put("hashed_text", PlannedRun.canonicalKey(run.kind(), run.parameters(), run.codeVersion()));
        return spec;
    }

    /** The run kind contract on rows: declared columns only, keys present and unique, measures numeric. */
    static void checkRows(RunKind kind, List<Map<String, Object>> rows) {
        if (rows == null || rows.isEmpty()) {
            throw new IllegalStateException("run kind " + kind.name() + " returned no rows");
        }
        Set<String> declared = new HashSet<>(kind.rowKeys());
        declared.addAll(kind.measures());
        Set<List<Object>> seen = new HashSet<>();
        for (Map<String, Object> row : rows) {
            for (String c : row.keySet()) {
                if (!declared.contains(c)) {
                    throw new IllegalStateException("run kind " + kind.name() + " returned undeclared column '" + c
                            + "' (row keys " + kind.rowKeys() + ", measures " + kind.measures() + ")");
                }
            }
            List<Object> key = new ArrayList<>();
            for (String k : kind.rowKeys()) {
                Object v = row.get(k);
                if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    throw new IllegalStateException("run kind " + kind.name() + " returned a row without row key '" + k + "': " + row);
                }
                key.add(v);
            }
            if (!seen.add(key)) {
                throw new IllegalStateException("run kind " + kind.name() + " returned two rows with row keys " + key);
            }
            for (String m : kind.measures()) {
                Object v = row.get(m);
                if (v != null && !(v instanceof Number)) {
                    throw new IllegalStateException("run kind " + kind.name() + " returned a non-numeric measure " + m + " = " + v);
                }
            }
        }
    }
}
