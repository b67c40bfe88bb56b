package org.netropy.experiment;

import org.netropy.options.ParameterSpec;
import org.netropy.options.ParameterSchema;

import java.util.List;
import java.util.Map;
import org.netropy.random.RandomStreams;

/**
 * Fault-injection kind for tests of the runner: returns {@code y = x^2 + noise * N(0, 1)} and
 * throws when {@code x > fail_above}, so a sweep can contain runs that fail on purpose.
 */
public final class FailDemoKind implements RunKind {
    private static final ParameterSchema PARAMETERS = ParameterSchema.of(
            ParameterSpec.number("x", -1e6, 1e6, null, "input value"),
            ParameterSpec.number("noise", 0, 1e6, 0.0, "standard deviation of the added noise"),
            ParameterSpec.number("fail_above", -1e300, 1e300, 1e300, "runs with x above this value throw"));

    @Override
    public String name() {
        return "fail-demo";
    }

    @Override
    public String description() {
        return "runner self-test: y = x^2 + noise; fails on purpose when x > fail_above";
    }

    @Override
    public ParameterSchema parameters() {
        return PARAMETERS;
    }

    @Override
    public List<String> rowKeys() {
        return List.of();
    }

    @Override
    public List<String> measures() {
        return List.of("y");
    }

    /** What a run computes with. */
    record Options(double x, double noise, double failAbove) {}

    @Override
    public Options resolve(ResolvedParameters p) {
        return new Options(p.number("x"), p.number("noise"), p.number("fail_above"));
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        Options o = resolve(p);
        double x = o.x();
        if (x > o.failAbove()) {
            throw new IllegalStateException("injected failure: x = " + x + " > fail_above = " + o.failAbove());
        }
        return List.of(Map.of("y", x * x + o.noise() * random.stream("noise").nextGaussian()));
    }
}
