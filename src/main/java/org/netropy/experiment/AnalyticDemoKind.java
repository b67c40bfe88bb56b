package org.netropy.experiment;

import org.netropy.options.ParameterSpec;
import org.netropy.options.ParameterSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.netropy.random.RandomStreams;

/**
 * Pipeline self-test (not science): the squared error of the sample mean and of the unbiased
 * sample variance of {@code n} Gaussian draws, beside their closed forms
 * {@code E[(mean - 0)^2] = sigma^2 / n} and {@code E[(s^2 - sigma^2)^2] = 2 sigma^4 / (n - 1)}.
 *
 * <p>Averaged over seeds, the measured error must follow the closed form, i.e. a line of slope
 * -1 against n on log-log axes: the same finite-size signature the framework figure checks for
 * networks. It exercises seeds, row keys, aggregation and figures in milliseconds, without the
 * engines.
 */
public final class AnalyticDemoKind implements RunKind {
    private static final ParameterSchema PARAMETERS = ParameterSchema.of(
            ParameterSpec.integer("n", 2, 100_000_000, null, "number of Gaussian samples"),
            ParameterSpec.number("sigma", 1e-6, 1e6, 1.0, "standard deviation of the samples"));

    @Override
    public String name() {
        return "analytic-demo";
    }

    @Override
    public String description() {
        return "pipeline self-test: squared error of sample mean and variance against their closed forms";
    }

    @Override
    public ParameterSchema parameters() {
        return PARAMETERS;
    }

    @Override
    public List<String> rowKeys() {
        return List.of("statistic");
    }

    @Override
    public List<String> measures() {
        return List.of("squared_error", "expected_squared_error");
    }

    @Override
    public List<String> streamNames() {
        return List.of("samples");
    }

    /** What a run computes with: n draws of N(0, sigma^2). */
    record Options(int n, double sigma) {}

    @Override
    public Options resolve(ResolvedParameters p) {
        return new Options(p.intValue("n"), p.number("sigma"));
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        Options o = resolve(p);
        int n = o.n();
        double sigma = o.sigma();
        SplittableRandom rng = random.stream("samples");
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = sigma * rng.nextGaussian();
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double variance = (sumSq - n * mean * mean) / (n - 1);
        double s2 = sigma * sigma;
        return List.of(
                row("mean", mean * mean, s2 / n),
                row("variance", (variance - s2) * (variance - s2), 2 * s2 * s2 / (n - 1)));
    }

    private static Map<String, Object> row(String statistic, double squaredError, double expected) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("statistic", statistic);
        row.put("squared_error", squaredError);
        row.put("expected_squared_error", expected);
        return row;
    }
}
