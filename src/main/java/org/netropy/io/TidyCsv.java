package org.netropy.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes tidy tables (one row per observation, one column per variable) as CSV. Columns are the
 * union of the rows' keys in first-seen order; a missing or non-finite value is written empty,
 * so no "NaN" ever reaches a table.
 */
public final class TidyCsv {
    private TidyCsv() {}

    public static String format(List<? extends Map<String, ?>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        for (Map<String, ?> row : rows) {
            columns.addAll(row.keySet());
        }
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            out.printRecord(columns);
            List<Object> cells = new ArrayList<>(columns.size());
            for (Map<String, ?> row : rows) {
                cells.clear();
                for (String c : columns) {
                    cells.add(cell(row.get(c)));
                }
                out.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    public static void write(Path file, List<? extends Map<String, ?>> rows) {
        AtomicFiles.writeString(file, format(rows));
    }

    static Object cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? Double.toString(d) : "";
        }
        if (v instanceof Float f) {
            return Float.isFinite(f) ? Float.toString(f) : "";
        }
        return v;
    }
}
