package org.netropy.experiment.kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.netropy.connectivity.NeuronTable;
import org.netropy.maxent.MaxEntOptions;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.RunContext;
import org.netropy.experiment.RunKind;
import org.netropy.io.InvalidInputException;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.MaxEntSampler;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.random.RandomStreams;

/**
 * Selectivity angles per population (figure 2): with C = D = 2, the angle of a neuron's stimulus
 * weights {@code atan2(w_2, w_1)} after sign canonicalisation (flip (w, z) so that z ≥ 0; the law
 * is symmetric under the flip), histogrammed per gain pattern from a large max-ent sample.
 * Structured populations show peaks along their task direction; random ones a flat histogram.
 */
public final class MaxEntAnglesKind implements RunKind {
    private static final ParameterSchema SCHEMA = MaxEntOptions.PROBLEM.plus(List.of(
            ParameterSpec.integer("neurons", 100, 10_000_000, 200_000L, "sample size"),
            ParameterSpec.integer("bins", 4, 360, 36L, "angle bins over (-180, 180] degrees")));

    @Override
    public String name() {
        return "maxent-angles";
    }

    @Override
    public String description() {
        return "histograms of stimulus-weight angles per gain pattern (C = D = 2), sampled from the max-ent law";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public List<String> rowKeys() {
        return List.of("pattern", "angle_deg");
    }

    @Override
    public List<String> measures() {
        return List.of("density");
    }

    @Override
    public List<String> streamNames() {
        return List.of("maxent-sample");
    }

    @Override
    public void validate(ResolvedParameters p) {
        InvalidInputException.require(p.intValue("contexts") == 2, "contexts", "2 for selectivity angles in the plane", p.intValue("contexts"));
    }

    /**
     * Per gain pattern (keyed by its population name, e.g. g10), the density per degree of the
     * stimulus-weight angle {@code atan2(w_2, w_1)} after flipping (w, z) so that z ≥ 0, in
     * {@code bins} bins over [−180, 180). Needs two stimulus weights per neuron.
     */
    static Map<String, double[]> angleDensities(NeuronTable net, String[] patterns, int bins) {
        double width = 360.0 / bins;
        Map<String, double[]> counts = new TreeMap<>();
        for (int i = 0; i < net.size(); i++) {
            double sign = net.z()[i] >= 0 ? 1 : -1;
            double angle = Math.toDegrees(Math.atan2(sign * net.w()[i][1], sign * net.w()[i][0]));
            int bin = Math.min(bins - 1, (int) Math.floor((angle + 180) / width));
            counts.computeIfAbsent(org.netropy.maxent.Population.name(patterns[i]), k -> new double[bins])[bin]++;
        }
        for (double[] c : counts.values()) {
            double total = java.util.Arrays.stream(c).sum();
            for (int b = 0; b < bins; b++) {
                c[b] /= total * width;
            }
        }
        return counts;
    }

    /** The centre of angle bin b of {@code bins} over [−180, 180) degrees. */
    static double binCentre(int b, int bins) {
        return -180 + (b + 0.5) * 360.0 / bins;
    }

    /** What a run computes with: the law, the sample size and the histogram bins. */
    record Options(MaxEntOptions.Law law, int neurons, int bins) {}

    @Override
    public Options resolve(ResolvedParameters p) {
        return new Options(MaxEntOptions.law(p, true), p.intValue("neurons"), p.intValue("bins"));
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        Options o = resolve(p);
        MaxEntSolution s = o.law().solve();
        NeuronTable net = MaxEntSampler.sample(s, o.neurons(), false, o.law().contextScale(), random.stream("maxent-sample"));
        String[] patterns = new String[net.size()];
        for (int i = 0; i < patterns.length; i++) {
            patterns[i] = GainPrior.label(net.gain()[i]);
        }
        int bins = o.bins();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : angleDensities(net, patterns, bins).entrySet()) {
            for (int b = 0; b < bins; b++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("pattern", e.getKey());
                row.put("angle_deg", binCentre(b, bins));
                row.put("density", e.getValue()[b]);
                rows.add(row);
            }
        }
        return rows;
    }
}
