package org.netropy.experiment.kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.netropy.connectivity.NeuronTable;
import org.netropy.experiment.ParameterSchema;
import org.netropy.experiment.ParameterSpec;
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
    private static final ParameterSchema SCHEMA = MaxEntParameters.schema(
            ParameterSpec.integer("neurons", 100, 10_000_000, 200_000L, "sample size"),
            ParameterSpec.integer("bins", 4, 360, 36L, "angle bins over (-180, 180] degrees"));

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

    /** What a run computes with: the law, the sample size and the histogram bins. */
    record Options(MaxEntParameters.Law law, int neurons, int bins) {}

    @Override
    public Options resolve(ResolvedParameters p) {
        return new Options(MaxEntParameters.law(p, SCHEMA, true), p.intValue("neurons"), p.intValue("bins"));
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        Options o = resolve(p);
        MaxEntSolution s = o.law().solve();
        NeuronTable net = MaxEntSampler.sample(s, o.neurons(), false, o.law().contextScale(), random.stream("maxent-sample"));
        int bins = o.bins();
        double width = 360.0 / bins;
        Map<String, double[]> counts = new TreeMap<>();
        for (int i = 0; i < net.size(); i++) {
            double sign = net.z()[i] >= 0 ? 1 : -1;
            double angle = Math.toDegrees(Math.atan2(sign * net.w()[i][1], sign * net.w()[i][0]));
            int bin = Math.min(bins - 1, (int) Math.floor((angle + 180) / width));
            counts.computeIfAbsent(GainPrior.label(net.gain()[i]), k -> new double[bins])[bin]++;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : counts.entrySet()) {
            double total = 0;
            for (double c : e.getValue()) {
                total += c;
            }
            for (int b = 0; b < bins; b++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("pattern", org.netropy.maxent.Population.name(e.getKey()));
                row.put("angle_deg", -180 + (b + 0.5) * width);
                row.put("density", e.getValue()[b] / (total * width));
                rows.add(row);
            }
        }
        return rows;
    }
}
