package org.netropy.experiment.kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.ei.AnnealedChain;
import org.netropy.ei.EiParameters;
import org.netropy.ei.EiSimulation;
import org.netropy.ei.EntropyResult;
import org.netropy.ei.LambdaParametrisation;
import org.netropy.ei.Robustness;
import org.netropy.experiment.ParameterSchema;
import org.netropy.experiment.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.RunContext;
import org.netropy.experiment.RunKind;
import org.netropy.io.InvalidInputException;
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
    public List<String> streamNames() {
        return List.of("ei-simulation");
    }

    @Override
    public void validate(ResolvedParameters p) {
        InvalidInputException.require(p.number("lambda_from") > 0 && p.number("lambda_to") > p.number("lambda_from"),
                "lambda_from/lambda_to", "0 < lambda_from < lambda_to", p.number("lambda_from") + ", " + p.number("lambda_to"));
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        EiParameters base = new EiParameters(p.intValue("neurons"), p.number("p"), p.number("alpha"), p.number("we"),
                p.number("wi"), p.number("epsilon"));
        if (p.flag("on_boundary")) {
            base = LambdaParametrisation.we.at(base, 1.0);
        }
        LambdaParametrisation by = LambdaParametrisation.valueOf(p.string("lambda_by"));
        int n = p.intValue("lambda_points");
        double lo = p.number("lambda_from");
        double hi = p.number("lambda_to");
        double[] lambdas = new double[n];
        double[] h = new double[n];
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> stationary = new ArrayList<>();
        double[] near = {1.0};
        int[] nearest = new int[near.length];
        for (int j = 0; j < near.length; j++) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double d = Math.abs(Math.log(lo * Math.pow(hi / lo, i / (n - 1.0)) / near[j]));
                if (d < best) {
                    best = d;
                    nearest[j] = i;
                }
            }
        }
        String simulate = p.string("simulate");
        long steps = p.integer("simulation_steps");
        for (int i = 0; i < n; i++) {
            double lambda = new java.math.BigDecimal(lo * Math.pow(hi / lo, i / (n - 1.0)))
                    .round(new java.math.MathContext(12)).doubleValue();
            EiParameters at = by.at(base, lambda);
            EntropyResult r = AnnealedChain.entropy(at);
            lambdas[i] = lambda;
            h[i] = r.entropyBits();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lambda", lambda);
            row.put("active", ALL);
            row.put("entropy_bits", r.entropyBits());
            row.put("entropy_rate_bits", r.entropyRateBits());
            row.put("mean_active", r.meanActive());
            RandomStreams seeds = random.child("lambda-" + i);
            if (simulate.equals("annealed") || simulate.equals("both")) {
                row.put("annealed_simulation_bits", EiSimulation.run(at, EiSimulation.Mode.annealed, steps, steps / 10, seeds).entropyBits());
            }
            if (simulate.equals("quenched") || simulate.equals("both")) {
                row.put("quenched_simulation_bits", EiSimulation.run(at, EiSimulation.Mode.quenched, steps, steps / 10, seeds).entropyBits());
            }
            rows.add(row);
            final int point = i;
            if (p.flag("stationary") && java.util.Arrays.stream(nearest).anyMatch(k -> k == point)) {
                for (int m = 0; m < r.stationary().length; m++) {
                    stationary.add(Map.of("lambda", lambda, "active", m, "stationary_probability", r.stationary()[m]));
                }
            }
        }
        Robustness rob = Robustness.of(lambdas, h);
        for (Map<String, Object> row : rows) {
            row.put("peak_entropy_bits", rob.peakEntropyBits());
            row.put("peak_lambda", rob.peakLambda());
            row.put("width_one_bit", rob.widthOneBit());
            row.put("mean_entropy_bits", rob.meanEntropyBits());
        }
        rows.addAll(stationary);
        return rows;
    }
}
