package org.netropy.experiment.kinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.compare.Comparison;
import org.netropy.compare.ConnectivityStatistics;
import org.netropy.compare.ComparisonOptions;
import org.netropy.compare.ComparisonSettings;
import org.netropy.compare.ConnectivityComparator;
import org.netropy.compare.Distances;
import org.netropy.compare.GainPatterns;
import org.netropy.compare.TaskShare;
import org.netropy.compare.MaxEntReference;
import org.netropy.connectivity.NeuronTable;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.RunContext;
import org.netropy.experiment.RunKind;
import org.netropy.gd.GdOptions;
import org.netropy.gd.GdResult;
import org.netropy.gd.GdRunSpec;
import org.netropy.gd.GdTrainer;
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
 * distances, the verdicts (reproduced / not_reproduced = 1, both 0 = inconclusive) with the bounds
 * behind them, and the regime metrics. Robustness over analysis choices: the TV at gain
 * thresholds 0.3 and 0.7 beside the run's threshold, the TV over only the neurons whose |(w, z)|
 * grew more than {@link #GROWTH_FACTOR}-fold ({@code excluded_fraction} = the others), and the
 * threshold-free task shares c_g ({@link TaskShare}) per pattern with their distance. Mechanism
 * measures ({@link GdMaxEntMechanism}): group-norm costs against S*, retention of initial gain
 * patterns, the context weights' share of the incoming norm. The max-ent prior is the one the
 * run's initialisation implies ({@link #prior}). The loss curve is in rows (reference none,
 * pattern all, step); every other row has step final.
 */
public final class GdMaxEntKind implements RunKind {
    private static final ParameterSchema SCHEMA = GdOptions.SCHEMA.plus(List.of(
            ComparisonOptions.SCHEMA.get("threshold"),
            ParameterSpec.flag("clustering", false, "also run the label-free clustering (slower)"),
            ParameterSpec.choice("reference_prior", List.of("isotropic", "initialisation"), "isotropic",
                    "stimulus-weight reference law of max-ent: isotropic, or the second moment of the initial weights + floor (THEORY 3)"),
            ParameterSpec.number("prior_floor", 0, 1e6, org.netropy.maxent.WeightPrior.DEFAULT_FLOOR,
                    "isotropic floor of reference_prior initialisation, relative to the mean initial weight variance"),
            ParameterSpec.integer("angle_bins", 0, 360, 0L, "selectivity-angle histograms of the trained network and of max-ent"
                    + " at sigma = sigma_0 in this many bins (C = 2, no distractors); 0: none")));

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
        return List.of("reference", "pattern", GdTrainKind.STEP, ANGLE);
    }

    @Override
    public List<String> measures() {
        List<String> m = new ArrayList<>(List.of("trained_fraction", "maxent_fraction", "trained_structure", "maxent_structure",
                "cross_covariance_error", "total_variation", "total_variation_noise", "jensen_shannon",
                "cross_covariance_error_weighted", "energy_coefficient", "reproduced", "reference_sigma", "ambiguous_fraction",
                "not_reproduced", "total_variation_lower", "total_variation_upper", "cross_covariance_error_lower",
                "cross_covariance_error_upper", "marginal_ks", "total_variation_gain_0p3", "total_variation_gain_0p7",
                "total_variation_grown", "excluded_fraction", "task_share_trained", "task_share_maxent", "task_share_distance"));
        // statistics registered beyond these (ConnectivityStatistics) add their columns here
        ConnectivityStatistics.columns().stream().filter(col -> !m.contains(col)).forEach(m::add);
        m.addAll(MECHANISM);
        m.addAll(org.netropy.gd.RegimeMetrics.COLUMNS);
        m.add("loss");
        m.add("trained_density");
        m.add("maxent_density");
        return m;
    }

    /** Mechanism measures ({@link GdMaxEntMechanism}); grown_fraction per pattern, the rest on pattern = all. */
    static final List<String> MECHANISM = List.of("grown_fraction", "group_norm_cost", "minimum_cost", "cost_ratio", "norm_cost_ratio",
            "maxent_cost", "maxent_cost_ratio", "initial_pattern_retention", "initial_pattern_chance", "context_weight_norm_share",
            "context_weight_norm_share_initial", "trained_specialised_fraction", "grown_specialised_fraction",
            "maxent_specialised_fraction");

    @Override
    public void validate(ResolvedParameters p) {
        GdOptions.validate(p);
        InvalidInputException.require(p.number("context_ratio") > 0, "context_ratio",
                "> 0 (at sigma_v = 0 every neuron starts in one gain pattern: no max-ent prior)", p.number("context_ratio"));
        InvalidInputException.require(p.number("init_scale") > 0, "init_scale", "> 0 (it is the max-ent reference scale)",
                p.number("init_scale"));
        InvalidInputException.require(p.string("task").equals("input-selection"), "task",
                "input-selection (max-ent needs the task matrix A = I_C)", p.string("task"));
        InvalidInputException.require(p.string("reference_prior").equals("initialisation")
                        || p.number("prior_floor") == org.netropy.maxent.WeightPrior.DEFAULT_FLOOR, "prior_floor",
                "left at its default " + org.netropy.maxent.WeightPrior.DEFAULT_FLOOR + " unless reference_prior is initialisation",
                p.number("prior_floor"));
        TaskMatrix a = GdOptions.taskMatrix(p);
        InvalidInputException.require(p.intValue("angle_bins") == 0 || (a.contexts() == 2 && a.features() == 2),
                "angle_bins", "0 unless contexts is 2 and distractors 0 (the angle of w in the plane)", p.intValue("angle_bins"));
        InvalidInputException.require(p.string("activation").equals("relu"), "activation",
                "relu (the max-ent gain patterns are those of ReLU units, THEORY 3)", p.string("activation"));
    }

    /**
     * What a run computes with: the training run, the task max-ent is solved for, the comparison
     * settings, the gain-pattern prior the initialisation implies, the stimulus-weight reference
     * law (its floor only where it is read) and the angle bins.
     */
    record Options(GdRunSpec spec, TaskMatrix task, double referenceScale, ComparisonSettings settings, GainPrior prior,
                   String referencePrior, double priorFloor, int angleBins) {}

    @Override
    public Options resolve(ResolvedParameters p) {
        TaskMatrix task = GdOptions.taskMatrix(p);
        boolean initialisation = p.string("reference_prior").equals("initialisation");
        GdRunSpec spec = GdOptions.runSpec(p, new RandomStreams(p.seed()));
        return new Options(spec, task, p.number("init_scale"), settings(p, task), prior(spec, task.contexts()), p.string("reference_prior"), initialisation ? p.number("prior_floor") : Double.NaN,
                p.intValue("angle_bins"));
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        Options o = resolve(p);
        GdResult r = GdTrainer.train(o.spec(), random);
        NeuronTable trained = r.finalTable();
        int c = trained.contexts();
        TaskMatrix task = o.task();
        GainPrior prior = o.prior();
        org.netropy.maxent.WeightPrior weights = o.referencePrior().equals("initialisation")
                ? org.netropy.maxent.WeightPrior.ofInitialWeights(r.initialTable().w(), o.priorFloor(), "prior_floor")
                : org.netropy.maxent.WeightPrior.ISOTROPIC;
        Map<String, MaxEntSolution> references = org.netropy.maxent.ReferenceScales.atThreeScales(task, prior, weights,
                trained.meanSquaredNorm(), o.referenceScale());
        ComparisonSettings settings = o.settings();
        Map<String, Object> metrics = r.metricsRow();
        double minimumCost = GdMaxEntMechanism.minimumCost(task, prior);
        int[] grownRows = grown(r.initialTable(), trained);
        Map<String, Object> mechanism = GdMaxEntMechanism.ofRun(r, task, minimumCost, settings.threshold(),
                grownRows.length < settings.minPopulation() ? new int[0] : grownRows);
        Map<String, Double> grownFractions = GdMaxEntMechanism.grownFractions(trained, settings.threshold(), grownRows);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var e : references.entrySet()) {
            MaxEntReference model = new MaxEntReference(e.getValue(), 1.0);
            Comparison cmp = ConnectivityComparator.compare(trained, "trained", model, settings, random.child("compare-" + e.getKey()));
            Map<String, Double> shareTrained = TaskShare.ofTable(trained, task);
            Map<String, Double> shareMaxEnt = TaskShare.ofModel(model, task);
            Map<String, Double> maxentFractions = new java.util.TreeMap<>();
            cmp.populationFractions().forEach((g, f) -> maxentFractions.put(g, f.b()));
            for (var f : cmp.populationFractions().entrySet()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("reference", e.getKey());
                row.put("pattern", org.netropy.maxent.Population.name(f.getKey()));
                row.put(GdTrainKind.STEP, GdTrainKind.FINAL);
                row.put(ANGLE, GdTrainKind.NO_CELL);
                row.put("trained_fraction", f.getValue().a());
                row.put("maxent_fraction", f.getValue().b());
                var pops = cmp.populations().get(f.getKey());
                if (pops != null) {
                    row.put("trained_structure", pops.a() == null ? null : pops.a().structure());
                    row.put("maxent_structure", pops.b() == null ? null : pops.b().structure());
                }
                row.put("cross_covariance_error", cmp.crossCovarianceError().get(f.getKey()));
                row.put("task_share_trained", shareTrained.get(f.getKey()));
                row.put("task_share_maxent", shareMaxEnt.get(f.getKey()));
                row.put("grown_fraction", grownRows.length < settings.minPopulation() ? null : grownFractions.getOrDefault(f.getKey(), 0.0));
                rows.add(row);
            }
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("reference", e.getKey());
            all.put("pattern", "all");
            all.put(GdTrainKind.STEP, GdTrainKind.FINAL);
            all.put(ANGLE, GdTrainKind.NO_CELL);
            all.put("total_variation_noise", cmp.totalVariationNoise95());
            all.put("jensen_shannon", cmp.jensenShannon());
            all.put("reproduced", cmp.overall().equals("reproduced") ? 1.0 : 0.0);
            all.put("not_reproduced", cmp.overall().equals("not reproduced") ? 1.0 : 0.0);
            for (Comparison.Verdict v : cmp.verdicts()) {
                all.putAll(ConnectivityStatistics.byName(v.name()).cells(v)); // value and bounds of each statistic
            }
            all.put("total_variation_gain_0p3", cmp.thresholdSensitivity().get("0.3").totalVariation());
            all.put("total_variation_gain_0p7", cmp.thresholdSensitivity().get("0.7").totalVariation());
            all.put("excluded_fraction", 1 - (double) grownRows.length / trained.size());
            all.put("total_variation_grown", grownRows.length < settings.minPopulation() ? null
                    : Distances.totalVariation(GainPatterns.fractions(GainPatterns.of(trained.rows(grownRows), settings.threshold())),
                            maxentFractions));
            all.put("task_share_distance", TaskShare.distance(shareTrained, shareMaxEnt));
            all.put("reference_sigma", e.getValue().problem().sigmaW());
            all.put("ambiguous_fraction", cmp.a().ambiguousFraction());
            all.putAll(metrics);
            all.putAll(mechanism);
            all.putAll(GdMaxEntMechanism.ofReference(e.getValue(), minimumCost));
            rows.add(all);
        }
        // the loss curve at steps 0, 1, 2, 5 x 10^k and the last (no max-ent reference)
        for (int step : org.netropy.linalg.Grid.oneTwoFive(r.lossCurve().length - 1)) {
            rows.add(Map.of("reference", NO_REFERENCE, "pattern", "all", GdTrainKind.STEP, step, ANGLE, GdTrainKind.NO_CELL,
                    "loss", r.lossCurve()[step]));
        }
        if (o.angleBins() > 0) {
            rows.addAll(angleRows(trained, settings.threshold(), references.get(org.netropy.maxent.ReferenceScales.INITIAL_SCALE), o.angleBins(),
                    random.child("angles").stream("maxent-sample")));
        }
        return rows;
    }

    /**
     * The gain-pattern prior the run's own initialisation implies (THEORY §3): uniform on {0,1}^C
     * without hidden biases, else the orthant probabilities of {@code v + b·1} with the run's
     * initial context std σ_v and hidden-bias mean and std.
     */
    static GainPrior prior(GdRunSpec spec, int contexts) {
        org.netropy.gd.InitSpec i = spec.init();
        return spec.hiddenBias() && (i.biasScale() > 0 || i.biasMean() != 0)
                ? GainPrior.reluWithBias(contexts, i.contextScale(), i.biasMean(), i.biasScale())
                : GainPrior.uniformBinary(contexts);
    }

    /** Row key of the selectivity-angle rows: the bin centre in degrees, {@code -} on the other rows. */
    public static final String ANGLE = "angle_deg";
    /** Max-ent neurons sampled for the reference histograms (their noise is small beside the trained ones'). */
    static final int ANGLE_SAMPLE = 20_000;

    /**
     * Selectivity angles (two stimulus weights): per pattern and bin, the trained network's density
     * and that of a max-ent sample at σ = σ₀ with the patterns of its own gains (THEORY §5 figure 2),
     * both after flipping (w, z) so that z ≥ 0; rows under the initial-scale reference.
     */
    static List<Map<String, Object>> angleRows(NeuronTable trained, double threshold, MaxEntSolution maxent, int bins,
                                               java.util.SplittableRandom random) {
        Map<String, double[]> a = MaxEntAnglesKind.angleDensities(trained, GainPatterns.of(trained, threshold), bins);
        NeuronTable sample = org.netropy.maxent.MaxEntSampler.sample(maxent, ANGLE_SAMPLE, false, 1.0, random);
        Map<String, double[]> b = MaxEntAnglesKind.angleDensities(sample, GainPatterns.of(sample, 0.5), bins);
        java.util.Set<String> patterns = new java.util.TreeSet<>(a.keySet());
        patterns.addAll(b.keySet());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String g : patterns) {
            for (int k = 0; k < bins; k++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("reference", org.netropy.maxent.ReferenceScales.INITIAL_SCALE);
                row.put("pattern", g);
                row.put(GdTrainKind.STEP, GdTrainKind.FINAL);
                row.put(ANGLE, MaxEntAnglesKind.binCentre(k, bins));
                row.put("trained_density", a.containsKey(g) ? a.get(g)[k] : null);
                row.put("maxent_density", b.containsKey(g) ? b.get(g)[k] : null);
                rows.add(row);
            }
        }
        return rows;
    }

    /** The reference of the loss-curve rows, which compare with no max-ent law. */
    public static final String NO_REFERENCE = "none";

    /** Neurons count as grown when |(w, z)| grew by more than this factor during training. */
    public static final double GROWTH_FACTOR = 2.0;

    /** Rows whose |(w, z)| grew by more than {@link #GROWTH_FACTOR} from the initial to the final table. */
    static int[] grown(NeuronTable initial, NeuronTable last) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < last.size(); i++) {
            if (norm(last, i) > GROWTH_FACTOR * norm(initial, i)) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double norm(NeuronTable t, int i) {
        return Math.sqrt(t.z()[i] * t.z()[i] + org.netropy.linalg.Vectors.dot(t.w()[i], t.w()[i]));
    }

    /**
     * The comparator's settings of a run: its threshold, and budgets sized for a sweep of many
     * small networks (energy distance on 1000 neurons; a cheap clustering unless clustering is on).
     */
    private static ComparisonSettings settings(ResolvedParameters p, TaskMatrix task) {
        Map<String, Object> budget = new LinkedHashMap<>(Map.of("threshold", p.number("threshold"), "energy_sample", 1000L));
        if (!p.flag("clustering")) {
            budget.putAll(Map.of("max_components", 3L, "bootstrap", 2L, "null_replicates", 2L, "pairwise_sample", 200L,
                    "bootstrap_sample", 200L, "mixture_sample", 500L));
        }
        return ComparisonOptions.settings(ComparisonOptions.SCHEMA.resolve(budget, org.netropy.options.Naming.SPEC), task);
    }
}
