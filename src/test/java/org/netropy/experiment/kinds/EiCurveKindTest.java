package org.netropy.experiment.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.netropy.cli.CliRunner;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.random.RandomStreams;

/**
 * The E/I λ-curve has one implementation: a spec row of kind {@code ei-curve} and the command line
 * {@code netropy ei scan} with the same settings and seed give the same chain entropies and the
 * same simulated networks (same random streams, same burn-in), to the last digit.
 */
class EiCurveKindTest {
    @Test
    void specRowsEqualTheCommandLineScanWithTheSameSeed() throws Exception {
        EiCurveKind kind = new EiCurveKind();
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec p : kind.parameters().parameters()) {
            values.put(p.name(), p.defaultValue());
        }
        values.put("alpha", 0.2);
        values.put("we", 0.25);
        values.put("wi", 0.5);
        values.put("lambda_from", 0.5);
        values.put("lambda_to", 2.0);
        values.put("lambda_points", 3L);
        values.put("simulate", "annealed");
        values.put("simulation_steps", 400L);
        values.put("burn_in", 50L);
        long seed = 7;
        ResolvedParameters p = new ResolvedParameters(values, seed);
        List<Map<String, Object>> rows = kind.run(p, new RandomStreams(seed), null);

        Object[] cli = CliRunner.run("ei", "scan", "--alpha", "0.2", "--we", "0.25", "--wi", "0.5", "--lambda", "0.5..2",
                "--points", "3", "--simulate", "annealed", "--simulation-steps", "400", "--burn-in", "50", "--seed", "7");
        assertEquals(0, cli[0], (String) cli[2]);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader((String) cli[1])).getRecords();
        assertEquals(3, rows.size());
        assertEquals(rows.size(), records.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(Double.parseDouble(records.get(i).get("lambda")), (Double) rows.get(i).get("lambda"), 1e-12);
            assertEquals(Double.parseDouble(records.get(i).get("entropy_bits")), (Double) rows.get(i).get("entropy_bits"), 0.0);
            assertEquals(Double.parseDouble(records.get(i).get("sim_annealed_entropy_bits")),
                    (Double) rows.get(i).get("annealed_simulation_bits"), 0.0);
        }
    }
}
