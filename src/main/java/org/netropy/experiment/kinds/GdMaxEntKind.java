package org.netropy.experiment.kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.compare.Comparison;
import org.netropy.compare.ComparisonSettings;
import org.netropy.compare.ConnectivityComparator;
import org.netropy.compare.MaxEntReference;
import org.netropy.compare.PopulationClustering;
import org.netropy.connectivity.NeuronTable;
import org.netropy.experiment.ParameterSchema;
import org.netropy.experiment.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.RunContext;
import org.netropy.experiment.RunKind;
import org.netropy.gd.GdResult;
import org.netropy.io.InvalidInputException;
import org.netropy.maxent.GainPrior;
import org.netropy.maxent.MaxEntSolution;
import org.netropy.random.RandomStreams;
import org.netropy.task.TaskMatrix;

/**
 * Gradient descent against maximum entropy (figures 5, 6 and 7): trains one input-selection
 * network, then compares its final single-neuron table with the max-ent law at the three σ of
 * THEORY §5 — σ equal to the initial scale, the norm-matched σ (E|w|²+z² of the trained table) and
 * the small-σ limit. Rows are keyed by (reference, pattern); pattern {@code all} carries the
 * distances, the verdict (1 = reproduced) and the regime metrics.
 */
public final class GdMaxEntKind implements RunKind {
    private static final ParameterSchema SCHEMA = GdParameters.schema(
            ParameterSpec.number("threshold", 0.01, 0.99, 0.5, "gain threshold of the binary patterns"),
            ParameterSpec.flag("clustering", false, "also run the label-free clustering (slower)"));

    @Override
    public String name() {
        return "gd-maxent";
    }

    @Override
    public String description() {
        return "train a network and compare its connectivity with max-ent at sigma = init scale, norm-matched and small-sigma limit";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    @Override
    public List<String> rowKeys() {
        return List.of("reference", "pattern");
    }

    @Override
    public List<String> measures() {
        List<String> m = new ArrayList<>(List.of("trained_fraction", "maxent_fraction", "trained_structure", "maxent_structure",
                "cross_covariance_error", "total_variation", "total_variation_noise", "jensen_shannon",
                "cross_covariance_error_weighted", "energy_coefficient", "reproduced", "reference_sigma", "ambiguous_fraction"));
        m.addAll(GdParameters.METRICS);
        return m;
    }

    @Override
    public void validate(ResolvedParameters p) {
        GdParameters.validate(p);
        InvalidInputException.require(p.number("init_scale") > 0, "init_scale", "> 0 (it is the max-ent reference scale)",
                p.number("init_scale"));
        InvalidInputException.require(p.string("task").equals("input-selection"), "task",
                "input-selection (max-ent needs the task matrix A = I_C)", p.string("task"));
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        GdResult r = GdParameters.train(p, random);
        NeuronTable trained = r.finalTable();
        int c = trained.contexts();
        TaskMatrix task = GdParameters.taskMatrix(p);
        GainPrior prior = GainPrior.uniformBinary(c);
        Map<String, MaxEntSolution> references = MaxEntReference.atThreeScales(task, prior, trained, p.number("init_scale"));
        ComparisonSettings settings = settings(p, task);
        Map<String, Object> metrics = GdParameters.metrics(r);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var e : references.entrySet()) {
            Comparison cmp = ConnectivityComparator.compare(trained, "trained", new MaxEntReference(e.getValue(), 1.0),
                    settings, random.child("compare-" + e.getKey()));
            for (var f : cmp.populationFractions().entrySet()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("reference", e.getKey());
                row.put("pattern", "g" + f.getKey());
                row.put("trained_fraction", f.getValue().a());
                row.put("maxent_fraction", f.getValue().b());
                var pops = cmp.populations().get(f.getKey());
                if (pops != null) {
                    row.put("trained_structure", pops.a() == null ? null : pops.a().structure());
                    row.put("maxent_structure", pops.b() == null ? null : pops.b().structure());
                }
                row.put("cross_covariance_error", cmp.crossCovarianceError().get(f.getKey()));
                rows.add(row);
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("reference", e.getKey());
            all.put("pattern", "all");
            all.put("total_variation", cmp.totalVariation());
            all.put("total_variation_noise", cmp.totalVariationNoise95());
            all.put("jensen_shannon", cmp.jensenShannon());
            all.put("cross_covariance_error_weighted", cmp.crossCovarianceErrorWeighted());
            all.put("energy_coefficient", cmp.energy() == null ? null : cmp.energy().coefficient());
            all.put("reproduced", cmp.overall().startsWith("reproduced") ? 1.0 : 0.0);
            all.put("reference_sigma", e.getValue().problem().sigmaW());
            all.put("ambiguous_fraction", cmp.a().ambiguousFraction());
            all.putAll(metrics);
            rows.add(all);
        }
        return rows;
    }

    private static ComparisonSettings settings(ResolvedParameters p, TaskMatrix task) {
        ComparisonSettings d = ComparisonSettings.defaults();
        PopulationClustering.Settings clustering = p.flag("clustering") ? d.clustering()
                : new PopulationClustering.Settings(3, 2, 2, 0.8, 200, 200, 500);
        return new ComparisonSettings(p.number("threshold"), d.sensitivityThresholds(), d.confidence(), task, d.jointColumns(),
                clustering, 1000, d.modelSampleSize(), d.minPopulation(), d.tolerances());
    }
}
