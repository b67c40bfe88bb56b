package org.netropy.experiment.kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.ei.EiOptions;
import org.netropy.ei.EiScan;
import org.netropy.ei.EiSimulation;
import org.netropy.ei.EntropyResult;
import org.netropy.ei.Robustness;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.RunContext;
import org.netropy.experiment.RunKind;
import org.netropy.io.InvalidInputException;
import org.netropy.linalg.Grid;
import org.netropy.random.RandomStreams;

/**
 * One entropy-against-λ curve of a binary E/I network (Agrawal et al. 2018; THEORY §6): the exact
 * annealed chain at every λ of a grid reached from a base (W_E, W_I) along a chosen line, with the
 * curve's peak and robustness (width of the λ-interval within 1 bit of the peak) repeated on each
 * row, and optionally direct simulations (annealed and quenched) as cross-checks.
 */
public final class EiCurveKind implements RunKind {
    /** The curve's λ grid, a sweep of the model's λ (not a property of the network). */
    private static final List<ParameterSpec> GRID_PARAMETERS = List.of(
            ParameterSpec.number("lambda_from", 0, 1e6, 0.1, "smallest lambda of the grid"),
            ParameterSpec.number("lambda_to", 0, 1e6, 10.0, "largest lambda of the grid"),
            ParameterSpec.integer("lambda_points", 2, 10_000, 41L, "grid points (geometric spacing)"));

    /**
     * The model's declarations ({@link EiOptions}), the grid after {@code lambda_by} (the column
     * order of the tables), and the stationary distribution.
     */
    private static final ParameterSchema SCHEMA;

    static {
        List<ParameterSpec> all = new ArrayList<>();
        for (ParameterSpec p : EiOptions.SCHEMA.parameters()) {
            all.add(p);
            if (p.name().equals("lambda_by")) {
                all.addAll(GRID_PARAMETERS);
            }
        }
        all.add(ParameterSpec.flag("stationary", false, "also give the stationary distribution P(m) of the number of active neurons"
                + " at the grid lambda nearest 1 (rows active = m; the curve's rows have active = all)"));
        SCHEMA = ParameterSchema.of(all);
    }

    /** How a spec names the λ targets in messages. */
    private static final String GRID = "lambda_from/lambda_to";

    /** Row-key value of the curve's rows (the stationary distribution's rows carry m). */
    public static final String ALL = "all";

    @Override
    public String name() {
        return "ei-curve";
    }

    @Override
    public String description() {
        return "entropy against lambda of a binary E/I network (exact annealed chain), peak and robustness";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public List<String> rowKeys() {
        return List.of("lambda", "active");
    }

    @Override
    public List<String> measures() {
        return List.of("entropy_bits", "entropy_rate_bits", "mean_active", "annealed_simulation_bits",
                "quenched_simulation_bits", "peak_entropy_bits", "peak_lambda", "width_one_bit", "mean_entropy_bits",
                "stationary_probability");
    }

    @Override
    public void validate(ResolvedParameters p) {
        InvalidInputException.require(p.number("lambda_from") > 0 && p.number("lambda_to") > p.number("lambda_from"),
                "lambda_from/lambda_to", "0 < lambda_from < lambda_to", p.number("lambda_from") + ", " + p.number("lambda_to"));
    }

    /**
     * The curve is one {@link EiScan} of a single base configuration, built by {@link EiOptions}
     * as {@code netropy ei scan} builds its scan (λ grid, random streams, burn-in), so a spec row
     * and the command line with the same settings and seed agree exactly.
     */
    public static EiScan scan(ResolvedParameters p) {
        double[] lambdas = Grid.spaced(p.number("lambda_from"), p.number("lambda_to"), p.intValue("lambda_points"), true);
        return EiOptions.scan(p.withSchema(SCHEMA), lambdas, GRID, p.seed(), false);
    }

    /**
     * What a run computes with: the scan and whether the stationary distribution is given. Equal
     * when the computation is: the same parameter points (the base W_E a λ-line through W_E
     * overrides, or the boundary solves, does not count), λ grid, simulations and seed.
     */
    static final class Options {
        private final EiScan scan;
        private final boolean stationary;

        Options(EiScan scan, boolean stationary) {
            this.scan = scan;
            this.stationary = stationary;
        }

        EiScan scan() {
            return scan;
        }

        boolean stationary() {
            return stationary;
        }

        private List<Object> content() {
            boolean simulates = !scan.simulate().isEmpty();
            return List.of(scan.plan(), java.util.Arrays.stream(scan.lambdas()).boxed().toList(), scan.simulate(),
                    simulates ? scan.steps() : 0L, simulates ? scan.burnIn() : 0L, scan.seed(), stationary);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Options other && other.content().equals(content());
        }

        @Override
        public int hashCode() {
            return content().hashCode();
        }
    }

    /** The scan of a run; {@link EiOptions#check} refuses what it would ignore, every λ of the grid is reached first. */
    @Override
    public Options resolve(ResolvedParameters p) {
        return new Options(scan(p), p.flag("stationary"));
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        Options o = resolve(p);
        EiScan scan = o.scan();
        EiScan.Result result = EiOptions.run(p, scan, random, done -> { });
        Robustness rob = result.curves().get(0).robustness();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> stationary = new ArrayList<>();
        int nearest = 0; // the grid lambda nearest 1 (on the log scale) gives the stationary distribution
        for (int i = 1; i < scan.lambdas().length; i++) {
            if (Math.abs(Math.log(scan.lambdas()[i])) < Math.abs(Math.log(scan.lambdas()[nearest]))) {
                nearest = i;
            }
        }
        for (EiScan.Point point : result.points()) {
            EntropyResult r = point.chain();
            double lambda = scan.lambdas()[rows.size()];
            if (o.stationary() && rows.size() == nearest) {
                for (int m = 0; m < r.stationary().length; m++) {
                    stationary.add(Map.of("lambda", lambda, "active", m, "stationary_probability", r.stationary()[m]));
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lambda", lambda);
            row.put("active", ALL);
            row.put("entropy_bits", r.entropyBits());
            row.put("entropy_rate_bits", r.entropyRateBits());
            row.put("mean_active", r.meanActive());
            EiSimulation.Result annealed = point.simulations().get(EiSimulation.Mode.annealed);
            EiSimulation.Result quenched = point.simulations().get(EiSimulation.Mode.quenched);
            if (annealed != null) {
                row.put("annealed_simulation_bits", annealed.entropyBits());
            }
            if (quenched != null) {
                row.put("quenched_simulation_bits", quenched.entropyBits());
            }
            row.put("peak_entropy_bits", rob.peakEntropyBits());
            row.put("peak_lambda", rob.peakLambda());
            row.put("width_one_bit", rob.widthOneBit());
            row.put("mean_entropy_bits", rob.meanEntropyBits());
            rows.add(row);
        }
        rows.addAll(stationary);
        return rows;
    }
}
