package org.netropy.claims;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.netropy.experiment.ExperimentSpec;
import org.netropy.io.AtomicFiles;
import org.netropy.io.InvalidInputException;

/**
 * The claims table: one row per decided claim ({@link ClaimResult#COLUMNS}), written as
 * {@code claims.csv} and its Markdown twin {@code claims.md} ({@code claims.<variant>.*} for a
 * variant). Numbers carry six significant digits, so a rerun that changes only the last digits of
 * a table changes few claim rows.
 */
public final class ClaimsTable {
    private ClaimsTable() {}

    /** File name stem: "claims" for the full sweeps, "claims.quick" for the quick variants. */
    public static String stem(String variant) {
        return ExperimentSpec.FULL.equals(variant) ? "claims" : "claims." + variant;
    }

    /** Writes {@code <stem>.csv} and {@code <stem>.md} into {@code dir}; returns the CSV path. */
    public static Path write(Path dir, String variant, List<ClaimResult> results) {
        Path csv = dir.resolve(stem(variant) + ".csv");
        AtomicFiles.writeString(csv, csv(results));
        AtomicFiles.writeString(dir.resolve(stem(variant) + ".md"), markdown(variant, results));
        return csv;
    }

    static String csv(List<ClaimResult> results) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(ClaimResult.COLUMNS.toArray(String[]::new))
                .setRecordSeparator('\n').build())) {
            for (ClaimResult r : results) {
                p.printRecord(r.spec(), r.variant(), r.claim(), r.statement(), r.statistic(), number(r.value()), number(r.ciLow()),
                        number(r.ciHigh()), r.threshold(), r.verdict().word(), r.rows(), r.at());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The Markdown twin: a numbered table of claims. */
    public static String markdown(String variant, List<ClaimResult> results) {
        StringBuilder md = new StringBuilder("# Claims" + (ExperimentSpec.FULL.equals(variant) ? "" : " (" + variant + ")") + "\n\n");
        md.append("Each claim is decided from its spec's tidy table: holds if the statistic's 95% interval lies on the claimed side\n")
                .append("of the threshold, fails if it lies on the other side, inconclusive otherwise. `rows`: rows or steps tested.\n\n");
        md.append("| # | spec | claim | statement | statistic | value | 95% interval | threshold | verdict | rows | at |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        int i = 1;
        for (ClaimResult r : results) {
            md.append("| ").append(i++).append(" | ").append(r.spec()).append(" | ").append(r.claim()).append(" | ")
                    .append(cell(r.statement())).append(" | ").append(cell(r.statistic())).append(" | ").append(rounded(r.value()))
                    .append(" | ").append(interval(r)).append(" | ").append(cell(r.threshold())).append(" | **")
                    .append(r.verdict().word()).append("** | ").append(r.rows()).append(" | ").append(cell(r.at())).append(" |\n");
        }
        return md.toString();
    }

    /** Reads a claims CSV written by {@link #write}. */
    public static List<ClaimResult> read(Path csvFile) {
        if (!Files.isRegularFile(csvFile)) {
            throw new InvalidInputException("no claims table " + csvFile + "; run 'netropy reproduce' first");
        }
        List<ClaimResult> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csvFile);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            if (!csv.getHeaderNames().equals(ClaimResult.COLUMNS)) {
                throw new InvalidInputException(csvFile + ": columns must be " + String.join(",", ClaimResult.COLUMNS)
                        + " (got " + String.join(",", csv.getHeaderNames()) + ")");
            }
            for (CSVRecord r : csv) {
                out.add(new ClaimResult(r.get("spec"), r.get("variant"), r.get("claim"), r.get("statement"), r.get("statistic"),
                        ClaimEvaluator.number(r.get("value")), ClaimEvaluator.number(r.get("ci_low")),
                        ClaimEvaluator.number(r.get("ci_high")), r.get("threshold"), Verdict.of(r.get("verdict")),
                        Integer.parseInt(r.get("rows")), r.get("at")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csvFile, e);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(csvFile + ": not a claims table (" + e.getMessage() + ")");
        }
        return out;
    }

    private static String number(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.6g", x);
    }

    /** Three significant digits, for people. */
    static String rounded(double x) {
        if (Double.isNaN(x)) {
            return "–";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "−∞";
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** "[low, high]" with three significant digits, or "–" without an interval. */
    static String interval(ClaimResult r) {
        if (Double.isNaN(r.ciLow()) || Double.isNaN(r.ciHigh())) {
            return "–";
        }
        return "[" + rounded(r.ciLow()) + ", " + rounded(r.ciHigh()) + "]";
    }

    static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
