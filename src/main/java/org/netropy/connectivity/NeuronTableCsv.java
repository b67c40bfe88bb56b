package org.netropy.connectivity;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.netropy.io.AtomicFiles;
import org.netropy.io.InvalidInputException;

/**
 * Reads and writes {@link NeuronTable}s as CSV: header {@code [member,] w_1..w_D, v_1..v_C, b, z,
 * gain_1..gain_C}, one row per neuron, numbers in shortest round-trip form (so a table written and
 * read back is bit-identical). Errors name the file, the line and the column.
 */
public final class NeuronTableCsv {
    private NeuronTableCsv() {}

    public static void write(Path file, NeuronTable table) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            out.printRecord(table.columnNames());
            List<String> params = NeuronTable.parameterColumnNames(table.features(), table.contexts());
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < table.size(); i++) {
                row.clear();
                if (table.hasMembers()) {
                    row.add(table.member()[i]);
                }
                for (String name : params) {
                    row.add(Double.toString(table.value(i, name)));
                }
                out.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    public static NeuronTable read(Path file) {
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).build().parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> names = parser.getHeaderNames();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (String name : names) {
                if (!seen.add(name)) {
                    throw new InvalidInputException(file + ": column " + name + " appears twice in the header");
                }
            }
            int d = countPrefix(header, "w_");
            int c = countPrefix(header, "v_");
            if (d == 0 || c == 0) {
                throw new InvalidInputException(file + ": missing column " + (d == 0 ? "w_1" : "v_1")
                        + " (a neuron table has columns [member,] w_1..w_D, v_1..v_C, b, z, gain_1..gain_C)");
            }
            List<String> required = NeuronTable.parameterColumnNames(d, c);
            for (String col : required) {
                if (!header.containsKey(col)) {
                    throw new InvalidInputException(file + ": missing column " + col
                            + " (a neuron table with D=" + d + ", C=" + c + " needs " + String.join(", ", required) + ")");
                }
            }
            boolean hasMember = header.containsKey("member");
            List<double[]> wRows = new ArrayList<>();
            List<double[]> vRows = new ArrayList<>();
            List<double[]> gRows = new ArrayList<>();
            List<Double> bs = new ArrayList<>();
            List<Double> zs = new ArrayList<>();
            List<Integer> members = new ArrayList<>();
            for (CSVRecord rec : parser) {
                long line = rec.getRecordNumber() + 1;
                if (rec.size() != names.size()) {
                    throw new InvalidInputException(file + " line " + line + ": " + rec.size() + " fields, but the header has "
                            + names.size() + " columns");
                }
                double[] w = new double[d];
                double[] v = new double[c];
                double[] g = new double[c];
                for (int j = 0; j < d; j++) {
                    w[j] = number(file, line, "w_" + (j + 1), rec);
                }
                for (int k = 0; k < c; k++) {
                    v[k] = number(file, line, "v_" + (k + 1), rec);
                    g[k] = number(file, line, "gain_" + (k + 1), rec);
                    if (g[k] < 0 || g[k] > 1) {
                        throw new InvalidInputException(file + " line " + line + " column gain_" + (k + 1)
                                + ": must be in [0, 1], a mean slope of the activation (got " + rec.get("gain_" + (k + 1)) + ")");
                    }
                }
                wRows.add(w);
                vRows.add(v);
                gRows.add(g);
                bs.add(number(file, line, "b", rec));
                zs.add(number(file, line, "z", rec));
                if (hasMember) {
                    double m = number(file, line, "member", rec);
                    if (m != Math.rint(m) || m < 0) {
                        throw new InvalidInputException(file + " line " + line + " column member: must be an integer >= 0 (got " + rec.get("member") + ")");
                    }
                    members.add((int) m);
                }
            }
            if (zs.isEmpty()) {
                throw new InvalidInputException(file + ": empty table (a header but no neurons)");
            }
            int n = zs.size();
            return new NeuronTable(wRows.toArray(new double[n][]), vRows.toArray(new double[n][]),
                    bs.stream().mapToDouble(Double::doubleValue).toArray(),
                    zs.stream().mapToDouble(Double::doubleValue).toArray(),
                    gRows.toArray(new double[n][]),
                    hasMember ? members.stream().mapToInt(Integer::intValue).toArray() : null);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(file + ": not a readable CSV (" + e.getMessage() + ")");
        } catch (IllegalStateException | IllegalArgumentException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw new InvalidInputException(file + ": not a neuron table (" + e.getMessage() + ")");
        }
    }

    private static int countPrefix(Map<String, Integer> header, String prefix) {
        int n = 0;
        while (header.containsKey(prefix + (n + 1))) {
            n++;
        }
        return n;
    }

    private static double number(Path file, long line, String column, CSVRecord rec) {
        String text = rec.isSet(column) ? rec.get(column) : "";
        double x;
        try {
            x = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + " line " + line + " column " + column + ": not a number (got \"" + text + "\")");
        }
        if (!Double.isFinite(x)) {
            throw new InvalidInputException(file + " line " + line + " column " + column + ": must be finite (got " + text + ")");
        }
        return x;
    }
}
