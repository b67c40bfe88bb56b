package org.netropy.experiment;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.netropy.io.AtomicFiles;
import org.netropy.io.InvalidInputException;
import org.netropy.io.Json;

/**
 * The on-disk layout of runs, content-addressed:
 * <pre>
 * results/runs/&lt;experiment&gt;/&lt;hash&gt;/spec.json        resolved parameters, kind, code version
 *                                    provenance.json  git, Java, OS, libraries, seeds, times
 *                                    rows.csv         the run's tidy rows
 *                                    error.txt        only if the run failed
 *                                    DONE             written last, atomically: the run is complete
 * results/runs/&lt;experiment&gt;/sweeps/&lt;variant&gt;.json  hashes of every run of a variant (all shards)
 * </pre>
 * A folder without {@code DONE} is partial (killed or failed) and is wiped and redone on resume.
 * {@code DONE} lists the SHA-256 of every other file and is checked whenever a run is reused: a
 * damaged run (a file truncated, deleted or changed, or {@code DONE} itself unreadable) is moved
 * aside to {@code results/damaged/<experiment>/} and recomputed.
 *
 * <p>Concurrency: a run is computed only by the process holding the OS lock on its
 * {@code .lock} file ({@link #claim}); the operating system releases the lock when the process
 * dies, kill -9 included, so a crash never leaves a run claimed for ever. Files whose names
 * start with a dot are not part of a run's checksums.
 */
public final class RunStore {
    public static final String SPEC = "spec.json";
    public static final String PROVENANCE = "provenance.json";
    public static final String ROWS = "rows.csv";
    public static final String ERROR = "error.txt";
    public static final String DONE = "DONE";
    /** Names a run kind may not use for its extra files. */
    public static final Set<String> RESERVED_FILES = Set.of(SPEC, PROVENANCE, ROWS, ERROR, DONE);

    private final Path results;

    /** @param results the results folder (default {@code results/}) */
    public RunStore(Path results) {
        this.results = results;
    }

    public Path results() {
        return results;
    }

    public Path experimentDir(String experiment) {
        return results.resolve("runs").resolve(experiment);
    }

    public Path runDir(PlannedRun run) {
        return experimentDir(run.experiment()).resolve(run.folderName());
    }

    public Path manifest(String experiment, String variant) {
        return experimentDir(experiment).resolve("sweeps").resolve(variant + ".json");
    }

    /** True if the folder holds a complete run (its marker exists). */
    public static boolean isComplete(Path runDir) {
        return Files.isRegularFile(runDir.resolve(DONE));
    }

    /** The lock file of a run (inside its folder, kept when the folder is wiped). */
    public static final String LOCK = ".lock";

    /**
     * Claims a run for this process: an exclusive OS lock on its lock file. Returns null if another
     * process (or another thread of this one) holds it and {@code wait} is false; with {@code wait}
     * blocks until the holder finishes or dies. Close the returned claim to release it.
     */
    public static java.nio.channels.FileChannel claim(Path runDir, boolean wait) {
        try {
            Files.createDirectories(runDir);
            java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(runDir.resolve(LOCK),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            try {
                java.nio.channels.FileLock lock = wait ? ch.lock() : ch.tryLock();
                if (lock != null) {
                    return ch;
                }
            } catch (java.nio.channels.OverlappingFileLockException heldHere) {
                // another thread of this process has it
            }
            ch.close();
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim run " + runDir, e);
        }
    }

    /** Deletes the files of a partial run (no marker) so it can be redone from scratch; its lock stays. */
    public static void wipe(Path runDir) {
        org.netropy.io.OutputPaths.deleteContents(runDir, p -> p.getFileName().toString().equals(LOCK));
    }

    /** True if the run is complete and its files match the checksums of its marker. */
    public static boolean isVerified(Path runDir) {
        if (!isComplete(runDir)) {
            return false;
        }
        try {
            verify(runDir);
            return true;
        } catch (RuntimeException damaged) {
            return false;
        }
    }

    /**
     * Moves the files of a damaged run to {@code results/damaged/<experiment>/<folder>-<time>/}
     * (kept for inspection, never deleted) and returns that folder; the run's lock stays.
     */
    public Path moveAside(Path runDir, String experiment) {
        Path to = results.resolve("damaged").resolve(experiment)
                .resolve(runDir.getFileName() + "-" + java.time.Instant.now().toString().replace(':', '-'));
        try {
            Files.createDirectories(to);
            try (Stream<Path> s = Files.list(runDir)) {
                for (Path p : s.toList()) {
                    if (!p.getFileName().toString().equals(LOCK)) {
                        Files.move(p, to.resolve(p.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move damaged run " + runDir + " aside", e);
        }
        return to;
    }

    /** Records the runs of a variant so tables know what the sweep is, whichever shard ran what. */
    public void writeManifest(String experiment, String variant, String kind, String codeVersion, List<PlannedRun> runs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("experiment", experiment);
        m.put("variant", variant);
        m.put("kind", kind);
        m.put("code_version", codeVersion);
        m.put("runs", runs.stream().map(PlannedRun::hash).toList());
        Json.write(manifest(experiment, variant), m);
    }

    /** The run hashes of a variant's sweep. */
    public List<String> readManifest(String experiment, String variant) {
        @SuppressWarnings("unchecked")
        List<String> runs = (List<String>) manifestJson(experiment, variant).get("runs");
        return runs;
    }

    /** The run kind of the variant's sweep. */
    public String manifestKind(String experiment, String variant) {
        return String.valueOf(manifestJson(experiment, variant).get("kind"));
    }

    /** The code version the variant's sweep was planned with. */
    public String manifestCodeVersion(String experiment, String variant) {
        return String.valueOf(manifestJson(experiment, variant).get("code_version"));
    }

    private Map<String, Object> manifestJson(String experiment, String variant) {
        Path file = manifest(experiment, variant);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("no runs of experiment '" + experiment + "' (variant " + variant + ") under "
                    + experimentDir(experiment) + "; run 'netropy run' first" + variantsHint(experiment));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = Json.read(file, Map.class);
        return m;
    }

    private String variantsHint(String experiment) {
        Path sweeps = experimentDir(experiment).resolve("sweeps");
        if (!Files.isDirectory(sweeps)) {
            return "";
        }
        try (Stream<Path> s = Files.list(sweeps)) {
            List<String> have = s.map(p -> p.getFileName().toString().replaceFirst("\\.json$", "")).sorted().toList();
            return have.isEmpty() ? "" : " (variants with runs: " + String.join(", ", have) + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /** Writes the marker last: the SHA-256 of every other file of the run, through an atomic rename. */
    public static void markComplete(Path runDir, String hash) {
        Map<String, Object> marker = new LinkedHashMap<>();
        marker.put("hash", hash);
        marker.put("files", checksums(runDir));
        Json.write(runDir.resolve(DONE), marker);
    }

    /** Checks a complete run's files against its marker; throws naming the folder if one changed. */
    public static void verify(Path runDir) {
        Map<String, Object> marker = Json.read(runDir.resolve(DONE), Map.class);
        Object files = marker.get("files");
        if (!(files instanceof Map<?, ?> expected) || !expected.equals(checksums(runDir))) {
            throw new InvalidInputException(runDir + ": files differ from their checksums in " + DONE
                    + " (damaged run; delete the folder and run again)");
        }
    }

    private static Map<String, String> checksums(Path runDir) {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (!name.equals(DONE) && !name.startsWith(".")) {
                    sums.put(name, sha256(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sums;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- rows ---------------------------------------------------------------------------------

    /** Writes a run's rows: row keys, then measures, in the kind's declared order. */
    public static void writeRows(Path file, List<String> keys, List<String> measures, List<Map<String, Object>> rows) {
        List<String> header = new ArrayList<>(keys);
        header.addAll(measures);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator('\n').build())) {
            for (Map<String, Object> row : rows) {
                List<String> cells = new ArrayList<>();
                for (String c : header) {
                    Object v = row.get(c);
                    cells.add(v == null ? "" : v.toString());
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(file, out.toString());
    }

    /** A complete run as read back: its spec.json fields and rows (cells as text). */
    public record StoredRun(String hash, Map<String, Object> parameters, long seed, List<String> rowKeys,
                            List<String> measures, List<Map<String, String>> rows) {}

    /** Reads a complete run (verifying its checksums). */
    public static StoredRun read(Path runDir) {
        verify(runDir);
        Map<String, Object> spec = Json.read(runDir.resolve(SPEC), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) spec.get("parameters");
        Map<String, Object> withoutSeed = new LinkedHashMap<>(params);
        long seed = ((Number) withoutSeed.remove("seed")).longValue();
        List<String> keys = Json.MAPPER.convertValue(spec.get("row_keys"), new TypeReference<List<String>>() {});
        List<String> measures = Json.MAPPER.convertValue(spec.get("measures"), new TypeReference<List<String>>() {});
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(runDir.resolve(ROWS));
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            for (CSVRecord r : csv) {
                rows.add(new LinkedHashMap<>(r.toMap()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + runDir.resolve(ROWS), e);
        }
        return new StoredRun((String) spec.get("hash"), withoutSeed, seed, keys, measures, rows);
    }
}
