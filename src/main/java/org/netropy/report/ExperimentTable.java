package org.netropy.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.netropy.experiment.ExperimentSpec;
import org.netropy.experiment.RunStore;
import org.netropy.io.AtomicFiles;
import org.netropy.io.InvalidInputException;
import org.netropy.io.Json;

/**
 * The tidy table of an experiment: one row per (parameters except the seed, row keys, measure)
 * with the number of seeds, mean, standard deviation and 95% confidence interval over seeds.
 *
 * <p>Diverged networks (a row whose {@code diverged} measure is 1) are counted in
 * {@code n_diverged} and left out of every other measure's statistics by default: a mean over
 * diverged losses (1e6) says nothing about the networks that trained. The {@code diverged}
 * measure itself is kept over all seeds, so its mean is the diverged fraction. Rows without a
 * single finite value ({@code n_seeds = 0}, e.g. a Flesch-only metric of another task) are not
 * written. Every table is written with a codebook ({@code <stem>.codebook.md}) saying what each
 * column means, its unit and where it comes from.
 *
 * <p>It is built from the complete runs listed in the variant's sweep manifest, whichever machine
 * or shard computed them (runs merge by content hash), and written as CSV (for programs and
 * {@code netropy figures}), Markdown (for people) and JSON. The output depends on the runs'
 * contents alone, never on timing or order, so the same sweep always gives byte-identical tables.
 *
 * @param experiment experiment name
 * @param variant    variant of the sweep
 * @param codeVersion the code version (git commit) the runs were computed with
 * @param columns    grouping columns: parameters, then row keys
 * @param rows       aggregated rows, sorted by the grouping columns, then measure
 * @param planned    runs in the sweep
 * @param complete   complete runs aggregated
 * @param missing    folder names of runs not (yet) complete
 * @param kind       the run kind (for the codebook)
 * @param includeDiverged whether diverged networks are in the statistics
 */
public record ExperimentTable(String experiment, String variant, String codeVersion, List<String> columns, List<Row> rows,
                              int planned, int complete, List<String> missing, String kind, boolean includeDiverged) {

    /** The measure that flags a diverged network (1) in gradient-descent kinds. */
    public static final String DIVERGED = "diverged";
    /** Column counting the seeds left out because their network diverged. */
    public static final String N_DIVERGED = "n_diverged";

    /** Statistic columns after the grouping columns and "measure" (names a kind may not use). */
    public static final List<String> STAT_COLUMNS = org.netropy.experiment.RunKinds.TABLE_COLUMNS.subList(1, 6);

    /** One aggregated row: grouping values as text, the measure, its statistics and the diverged seeds left out. */
    public record Row(List<String> group, String measure, SeedStatistics stats, int diverged) {}

    /** File name stem: the experiment for the full sweep, "experiment.variant" otherwise. */
    public static String stem(String experiment, String variant) {
        return ExperimentSpec.FULL.equals(variant) ? experiment : experiment + "." + variant;
    }

    /** Aggregates the complete runs of a variant's sweep under {@code results}, diverged networks left out. */
    public static ExperimentTable aggregate(Path results, String experiment, String variant) {
        return aggregate(results, experiment, variant, false);
    }

    /** Aggregates the complete runs of a variant's sweep; {@code includeDiverged} keeps diverged networks in the means. */
    public static ExperimentTable aggregate(Path results, String experiment, String variant, boolean includeDiverged) {
        RunStore store = new RunStore(results);
        List<String> hashes = store.readManifest(experiment, variant);
        List<String> columns = null;
        List<String> measures = null;
        List<String> missing = new ArrayList<>();
        Map<List<String>, Map<String, List<Double>>> values = new LinkedHashMap<>();
        Map<List<String>, Integer> divergedCount = new LinkedHashMap<>();
        int complete = 0;
        for (String hash : hashes) {
            String folder = hash.substring(0, org.netropy.experiment.PlannedRun.FOLDER_CHARS);
            Path dir = store.experimentDir(experiment).resolve(folder);
            if (!RunStore.isComplete(dir)) {
                missing.add(folder);
                continue;
            }
            RunStore.StoredRun run = RunStore.read(dir);
            if (!hash.equals(run.hash())) {
                throw new InvalidInputException(dir + ": holds run " + run.hash() + ", expected " + hash);
            }
            complete++;
            if (columns == null) {
                columns = new ArrayList<>(run.parameters().keySet());
                columns.addAll(run.rowKeys());
                measures = run.measures();
            }
            for (Map<String, String> r : run.rows()) {
                List<String> group = new ArrayList<>();
                run.parameters().values().forEach(v -> group.add(String.valueOf(v)));
                run.rowKeys().forEach(k -> group.add(r.get(k)));
                Map<String, List<Double>> byMeasure = values.computeIfAbsent(group, g -> new LinkedHashMap<>());
                String flag = r.get(DIVERGED);
                boolean diverged = flag != null && !flag.isEmpty() && Double.parseDouble(flag) == 1.0;
                if (diverged) {
                    divergedCount.merge(group, 1, Integer::sum);
                }
                for (String m : run.measures()) {
                    String cell = r.get(m);
                    double x = cell == null || cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                    byMeasure.computeIfAbsent(m, k -> new ArrayList<>())
                            .add(diverged && !includeDiverged && !m.equals(DIVERGED) ? Double.NaN : x);
                }
            }
        }
        if (columns == null) {
            throw new InvalidInputException("no complete runs of experiment '" + experiment + "' (variant " + variant
                    + ", " + hashes.size() + " planned); run 'netropy run' first");
        }
        List<Row> rows = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>(values.keySet());
        groups.sort(ExperimentTable::compareGroups);
        for (List<String> g : groups) {
            for (String m : measures) {
                List<Double> xs = values.get(g).getOrDefault(m, List.of());
                SeedStatistics stats = SeedStatistics.of(xs.stream().mapToDouble(Double::doubleValue).toArray());
                if (stats.n() > 0) {
                    rows.add(new Row(g, m, stats, m.equals(DIVERGED) || includeDiverged ? 0 : divergedCount.getOrDefault(g, 0)));
                }
            }
        }
        return new ExperimentTable(experiment, variant, store.manifestCodeVersion(experiment, variant), List.copyOf(columns), rows,
                hashes.size(), complete, missing, store.manifestKind(experiment, variant), includeDiverged);
    }

    private static int compareGroups(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = compareCells(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Numbers compare by value, anything else as text; numbers sort before text. */
    static int compareCells(String a, String b) {
        Double x = parse(a);
        Double y = parse(b);
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return Comparator.<String>naturalOrder().compare(String.valueOf(a), String.valueOf(b));
    }

    static Double parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** All column names of the written table. */
    public List<String> header() {
        List<String> h = new ArrayList<>(columns);
        h.add("measure");
        h.addAll(STAT_COLUMNS);
        h.add(N_DIVERGED);
        return h;
    }

    /** Writes {@code <stem>.csv}, {@code .md} and {@code .json} into {@code dir}; returns the CSV path. */
    public Path write(Path dir) {
        String stem = stem(experiment, variant);
        Path csvFile = dir.resolve(stem + ".csv");
        AtomicFiles.writeString(csvFile, csv());
        AtomicFiles.writeString(dir.resolve(stem + ".md"), markdown());
        Json.write(dir.resolve(stem + ".json"), json());
        AtomicFiles.writeString(dir.resolve(stem + ".codebook.md"), Codebook.markdown(this));
        return csvFile;
    }

    String csv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header().toArray(String[]::new))
                .setRecordSeparator('\n').build())) {
            for (Row r : rows) {
                List<String> cells = new ArrayList<>(r.group());
                cells.add(r.measure());
                cells.add(Integer.toString(r.stats().n()));
                for (double v : statValues(r)) {
                    cells.add(Double.isFinite(v) ? Double.toString(v) : "");
                }
                cells.add(Integer.toString(r.diverged()));
                p.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static double[] statValues(Row r) {
        SeedStatistics s = r.stats();
        return new double[] {s.mean(), s.sd(), s.ciLow(), s.ciHigh()};
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(experiment).append(ExperimentSpec.FULL.equals(variant) ? "" : " (" + variant + ")").append("\n\n");
        md.append("Mean, standard deviation and 95% confidence interval (Student t) over seeds; ")
                .append(complete).append(" of ").append(planned).append(" runs complete; code version ")
                .append(codeVersion).append(includeDiverged ? "; diverged networks included in the statistics"
                        : "; diverged networks left out of the statistics and counted in n_diverged")
                .append(". Column meanings and units: ").append(stem(experiment, variant)).append(".codebook.md.\n\n");
        List<String> h = header();
        md.append("| ").append(String.join(" | ", h.stream().map(Codebook::escapeMarkdownCell).toList())).append(" |\n");
        md.append("|").append("---|".repeat(h.size())).append("\n");
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(r.group());
            cells.add(r.measure());
            cells.add(Integer.toString(r.stats().n()));
            for (double v : statValues(r)) {
                cells.add(Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "");
            }
            cells.add(Integer.toString(r.diverged()));
            md.append("| ").append(String.join(" | ", cells.stream().map(Codebook::escapeMarkdownCell).toList())).append(" |\n");
        }
        return md.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("experiment", experiment);
        j.put("variant", variant);
        j.put("code_version", codeVersion);
        j.put("runs_planned", planned);
        j.put("runs_complete", complete);
        j.put("runs_missing", missing);
        j.put("statistics", "mean, sample sd (n-1) and 95% Student-t confidence interval of the mean over seeds");
        j.put("diverged_networks", includeDiverged ? "included in the statistics" : "left out of the statistics, counted in n_diverged");
        j.put("columns", header());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                String cell = r.group().get(i);
                Double num = parse(cell);
                o.put(columns.get(i), num != null && Double.isFinite(num) ? (Object) num : cell);
            }
            o.put("measure", r.measure());
            o.put("n_seeds", r.stats().n());
            double[] s = statValues(r);
            for (int i = 0; i < s.length; i++) {
                o.put(STAT_COLUMNS.get(i + 1), Double.isFinite(s[i]) ? s[i] : null);
            }
            o.put(N_DIVERGED, r.diverged());
            out.add(o);
        }
        j.put("rows", out);
        return j;
    }

    /** Reads a table CSV written by {@link #write} as rows of column → text (for figures). */
    public static List<Map<String, String>> readCsv(Path csvFile) {
        if (!Files.isRegularFile(csvFile)) {
            throw new InvalidInputException("no table " + csvFile + "; run 'netropy table' first");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csvFile);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            for (CSVRecord r : csv) {
                rows.add(new TreeMap<>(r.toMap()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csvFile, e);
        }
        return rows;
    }
}
