package org.netropy.experiment.kinds;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netropy.ei.EiParameters;
import org.netropy.ei.EiScan;
import org.netropy.ei.EiSimulation;
import org.netropy.ei.EntropyResult;
import org.netropy.ei.LambdaParametrisation;
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
    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.integer("neurons", 1, EiParameters.MAX_NEURONS, 100L, "network size N"),
            ParameterSpec.number("p", 0, 1, 0.1, "connection probability"),
            ParameterSpec.number("alpha", 0, 1, 0.2, "inhibitory fraction"),
            ParameterSpec.number("we", 0, 1e6, 0.25, "excitatory strength W_E of the base configuration"),
            ParameterSpec.number("wi", 0, 1e6, 0.5, "inhibitory strength W_I of the base configuration"),
            ParameterSpec.flag("on_boundary", false, "set W_E so that the base configuration has lambda = 1"),
            ParameterSpec.number("epsilon", 0, 1, 0.001, "spontaneous firing probability"),
            ParameterSpec.choice("lambda_by", List.of("scale", "we", "wi"), "scale", "how lambda is reached from the base"),
            ParameterSpec.number("lambda_from", 0, 1e6, 0.1, "smallest lambda of the grid"),
            ParameterSpec.number("lambda_to", 0, 1e6, 10.0, "largest lambda of the grid"),
            ParameterSpec.integer("lambda_points", 2, 10_000, 41L, "grid points (geometric spacing)"),
            ParameterSpec.choice("simulate", List.of("none", "annealed", "quenched", "both"), "none", "direct simulations at every lambda"),
            ParameterSpec.integer("simulation_steps", 100, 100_000_000, 20_000L, "recorded simulation steps"),
            ParameterSpec.integer("burn_in", 0, 100_000_000, EiSimulation.DEFAULT_BURN_IN, "discarded simulation steps before recording"),
            ParameterSpec.flag("stationary", false, "also give the stationary distribution P(m) of the number of active neurons"
                    + " at the grid lambda nearest 1 (rows active = m; the curve's rows have active = all)"));

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
     * The curve is one {@link EiScan} with a single base configuration, the same code (λ grid,
     * random streams, burn-in) that {@code netropy ei scan} runs, so a spec row and the command
     * line with the same settings and seed agree exactly.
     */
    static EiScan scan(ResolvedParameters p) {
        String simulate = p.string("simulate");
        Set<EiSimulation.Mode> modes = EnumSet.noneOf(EiSimulation.Mode.class);
        if (simulate.equals("annealed") || simulate.equals("both")) {
            modes.add(EiSimulation.Mode.annealed);
        }
        if (simulate.equals("quenched") || simulate.equals("both")) {
            modes.add(EiSimulation.Mode.quenched);
        }
        double[] lambdas = Grid.spaced(p.number("lambda_from"), p.number("lambda_to"), p.intValue("lambda_points"), true);
        return new EiScan(p.intValue("neurons"), p.number("p"), new double[] {p.number("alpha")}, new double[] {p.number("we")},
                new double[] {p.number("wi")}, new double[] {p.number("epsilon")}, lambdas,
                LambdaParametrisation.valueOf(p.string("lambda_by")), p.flag("on_boundary"), modes,
                p.integer("simulation_steps"), p.integer("burn_in"), p.seed(), false);
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

    /**
     * The scan of a run; refuses what it would ignore: simulation settings without simulations,
     * W_E when the λ-line moves W_E or the boundary fixes it, W_I when the line moves W_I, and
     * the boundary when the line through W_E overrides it anyway.
     */
    @Override
    public Options resolve(ResolvedParameters p) {
        boolean simulates = !p.string("simulate").equals("none");
        String by = p.string("lambda_by");
        SCHEMA.refuseUnlessUsed(p, "simulation_steps", simulates, "with simulate annealed, quenched or both");
        SCHEMA.refuseUnlessUsed(p, "burn_in", simulates, "with simulate annealed, quenched or both");
        SCHEMA.refuseUnlessUsed(p, "on_boundary", !by.equals("we"), "with lambda_by scale or wi (lambda_by we sets W_E anyway)");
        SCHEMA.refuseUnlessUsed(p, "we", !by.equals("we") && !p.flag("on_boundary"),
                "with lambda_by scale or wi and on_boundary false (otherwise W_E is solved)");
        SCHEMA.refuseUnlessUsed(p, "wi", !by.equals("wi"), "with lambda_by scale or we (lambda_by wi sets W_I)");
        try {
            EiScan scan = scan(p);
            scan.plan(); // every point reachable along the line, or refused before anything runs
            return new Options(scan, p.flag("stationary"));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(specNames(e.getMessage()));
        }
    }

    /**
     * The E/I engine's message in the spec's names: its command-line options ({@code --lambda},
     * {@code --lambda-by}, {@code --p}) become the parameters a spec sets.
     */
    static String specNames(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--([a-z][a-z-]*)").matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String option = m.group(1);
            String name = option.equals("lambda") ? "lambda_from/lambda_to" : option.replace('-', '_');
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(name));
        }
        return m.appendTail(out).toString();
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        Options o = resolve(p);
        EiScan scan = o.scan();
        EiScan.Result result = scan.run(random, done -> { });
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
