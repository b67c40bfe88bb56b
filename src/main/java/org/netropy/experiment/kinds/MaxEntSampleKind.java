package org.netropy.experiment.kinds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.connectivity.NetworkEvaluation;
import org.netropy.connectivity.NeuronTable;
import org.netropy.maxent.MaxEntOptions;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.RunContext;
import org.netropy.experiment.RunKind;
import org.netropy.activation.Nonlinearity;
import org.netropy.maxent.MaxEntSampler;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.random.RandomStreams;
import org.netropy.task.StimulusSet;

/**
 * A finite network sampled from the max-ent law (figure 1): the error of its linearised task
 * {@code |Â − A|²} beside the prediction {@code (2) tr Cov(T)/N}, and the nonlinear network's
 * slope, intercept and MSE on a stimulus grid (THEORY §3, finite networks).
 */
public final class MaxEntSampleKind implements RunKind {
    private static final ParameterSchema SCHEMA = MaxEntOptions.PROBLEM.plus(List.of(
            ParameterSpec.integer("neurons", 2, 10_000_000, null, "network size N (even with mirror pairs)"),
            ParameterSpec.flag("mirror_pairs", true, "antithetic pairs (-w, -z, same v)"),
            ParameterSpec.integer("stimulus_points", 2, 101, 5L, "grid points per feature for the evaluation"),
            ParameterSpec.number("stimulus_amplitude", 1e-9, 1e9, 1.0, "stimulus grid amplitude"),
            ParameterSpec.flag("save_network", false, "write the sampled neurons.csv into the run folder")));

    @Override
    public String name() {
        return "maxent-sample";
    }

    @Override
    public String description() {
        return "finite network drawn from the max-ent law: task error against tr Cov(T)/N, nonlinear slope and MSE";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public List<String> rowKeys() {
        return List.of();
    }

    @Override
    public List<String> measures() {
        return List.of("squared_error", "expected_squared_error", "mean_slope", "max_abs_intercept", "mse");
    }

    @Override
    public List<String> streamNames() {
        return List.of("maxent-sample");
    }

    /** What a run computes with: the law, the network drawn from it, its evaluation grid and what it writes. */
    record Options(MaxEntOptions.Law law, int neurons, boolean mirrorPairs, int stimulusPoints, double stimulusAmplitude,
                   boolean saveNetwork) {}

    @Override
    public Options resolve(ResolvedParameters p) {
        return new Options(MaxEntOptions.law(p, true), p.intValue("neurons"), p.flag("mirror_pairs"),
                p.intValue("stimulus_points"), p.number("stimulus_amplitude"), p.flag("save_network"));
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        Options o = resolve(p);
        MaxEntSolution s = o.law().solve();
        boolean mirror = o.mirrorPairs();
        int n = o.neurons();
        NeuronTable net = MaxEntSampler.sample(s, n, mirror, o.law().contextScale(), random.stream("maxent-sample"));
        if (o.saveNetwork()) {
            org.netropy.connectivity.NeuronTableCsv.write(context.file("neurons.csv"), net);
        }
        double[][] ahat = NetworkEvaluation.linearisedTask(net);
        double err = 0;
        for (int j = 0; j < ahat.length; j++) {
            for (int k = 0; k < ahat[j].length; k++) {
                err += Math.pow(ahat[j][k] - s.problem().task().get(j, k), 2);
            }
        }
        Nonlinearity phi = o.law().activation();
        NetworkEvaluation e = NetworkEvaluation.of(net, phi::value, s.problem().task(),
                StimulusSet.grid(s.problem().features(), o.stimulusPoints(), o.stimulusAmplitude()));
        double slope = 0;
        double intercept = 0;
        for (int k = 0; k < e.slopes().length; k++) {
            slope += e.slopes()[k] / e.slopes().length;
            intercept = Math.max(intercept, Math.abs(e.intercepts()[k]));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("squared_error", err);
        row.put("expected_squared_error", (mirror ? 2 : 1) * s.traceCovariance() / n);
        row.put("mean_slope", slope);
        row.put("max_abs_intercept", intercept);
        row.put("mse", e.overallMse());
        return List.of(row);
    }
}
