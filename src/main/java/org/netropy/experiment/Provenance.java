package org.netropy.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and how a run was computed (saved as provenance.json beside its outputs): code version
 * and git state, Java, operating system, architecture, library versions, the root seed and the
 * derived seeds of the kind's named streams, start and end times, and the cluster job if any.
 */
public final class Provenance {
    private Provenance() {}

    static Map<String, Object> of(PlannedRun run, RunKind kind, Instant started) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("experiment", run.experiment());
        p.put("hash", run.hash());
        p.put("kind", run.kind());
        p.put("status", "running");
        p.putAll(environment());
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("root", run.parameters().seed());
        Map<String, Object> derived = new LinkedHashMap<>();
        org.netropy.random.RandomStreams streams = new org.netropy.random.RandomStreams(run.parameters().seed());
        for (String name : kind.streamNames()) {
            derived.put(name, streams.seedFor(name));
        }
        seeds.put("derived", derived);
        p.put("seeds", seeds);
        String job = System.getenv("SLURM_JOB_ID");
        if (job != null) {
            p.put("slurm", Map.of("job_id", job, "array_task_id", String.valueOf(System.getenv("SLURM_ARRAY_TASK_ID"))));
        }
        p.put("started", started.toString());
        return p;
    }

    /** The machine and code: git commit and dirty flag, versions of Netropy, Java and libraries, OS, architecture, cores. */
    public static Map<String, Object> environment() {
        CodeVersion code = CodeVersion.current();
        Map<String, Object> p = new LinkedHashMap<>();
        Map<String, Object> git = new LinkedHashMap<>();
        git.put("commit", code.commit());
        git.put("dirty", code.dirty());
        p.put("git", git);
        p.put("netropy_version", code.version());
        p.put("code_sha256", code.classes());
        p.put("code_key", code.key());
        p.put("java", Map.of("version", System.getProperty("java.version"), "vendor", System.getProperty("java.vendor"),
                "vm", System.getProperty("java.vm.name")));
        p.put("os", Map.of("name", System.getProperty("os.name"), "version", System.getProperty("os.version"),
                "arch", System.getProperty("os.arch")));
        p.put("processors", Runtime.getRuntime().availableProcessors());
        p.put("omp_num_threads", System.getenv("OMP_NUM_THREADS"));
        p.put("dependencies", CodeVersion.dependencyVersions());
        return p;
    }

    /** The provenance of a command's output folder (not a spec run): command line, seeds, environment, time. */
    public static void writeForCommand(java.nio.file.Path dir, String command, java.util.List<String> arguments,
                                       Map<String, ?> seeds) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("command", command);
        p.put("arguments", arguments);
        p.putAll(environment());
        p.put("seeds", seeds);
        p.put("written", Instant.now().toString());
        org.netropy.io.Json.write(dir.resolve(org.netropy.io.OutputPaths.FOLDER_MARKER), p);
    }

    static void finish(Map<String, Object> p, Instant finished, String status) {
        p.put("status", status);
        p.put("finished", finished.toString());
        p.put("seconds", Duration.between(Instant.parse((String) p.get("started")), finished).toMillis() / 1000.0);
    }
}
