package org.netropy.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tables keep every number exactly: what is written reads back as the same double. */
class TidyCsvTest {
    private static List<String[]> cells(String csv) {
        List<String[]> out = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVParser.parse(csv, org.apache.commons.csv.CSVFormat.DEFAULT)) {
            parser.forEach(record -> out.add(record.values()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void everyNumberReadsBackAsTheSameDouble() {
        SplittableRandom r = new SplittableRandom(7);
        List<Map<String, Object>> rows = new ArrayList<>();
        double[] special = {3.9602161018878816E16, 1e23, 2e-3, 0.1 + 0.2, Double.MIN_VALUE, Double.MAX_VALUE, -0.0, 1.0};
        for (int i = 0; i < 20_000; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("x", i < special.length ? special[i] : Math.exp(r.nextDouble(-700, 700)) * (r.nextBoolean() ? 1 : -1));
            rows.add(row);
        }
        List<String[]> back = cells(TidyCsv.format(rows));
        for (int i = 0; i < rows.size(); i++) {
            double written = (Double) rows.get(i).get("x");
            assertEquals(Double.doubleToLongBits(written), Double.doubleToLongBits(Double.parseDouble(back.get(i + 1)[0])), "row " + i);
        }
        // Java 17's Double.toString writes 17 digits here; the shortest round trip has 16
        assertEquals("3.960216101887882E16", back.get(1)[0]);
    }

    @Test
    void repeatedValuesInAColumnAreWrittenEachTimeAndChangesAreSeen() {
        Object[] column = {0.5, 0.5, null, 0.5, Double.NaN, 0.25, 0.25, 1, "a", 0.25};
        String[] expected = {"0.5", "0.5", "", "0.5", "", "0.25", "0.25", "1", "a", "0.25"};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object v : column) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("v", v);
            row.put("w", 2.0);
            rows.add(row);
        }
        List<String[]> back = cells(TidyCsv.format(rows));
        for (int i = 0; i < column.length; i++) {
            assertEquals(expected[i], back.get(i + 1)[0], "row " + i);
            assertEquals("2.0", back.get(i + 1)[1], "row " + i);
        }
    }
}
