package org.netropy.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.netropy.connectivity.NeuronTable;
import org.netropy.io.InvalidInputException;
import org.netropy.random.RandomStreams;
import smile.stat.hypothesis.KSTest;

/**
 * Compares a single-neuron table "a" (observed, e.g. a trained network) with a reference "b":
 * another table, or an analytic {@link PopulationModel} such as the max-ent law (THEORY §5).
 *
 * <p>With a model, its exact fractions, cross-covariances and covariances are used, and a table
 * sampled from it (stream "model-sample", as many neurons as a unless set) serves for the
 * marginals, the energy distance, the angles and the clustering. All randomness comes from the
 * given {@link RandomStreams}: the same seed gives the same comparison, bit for bit.
 */
public final class ConnectivityComparator {
    private ConnectivityComparator() {}

    static final String REPRODUCED = ConnectivityStatistics.REPRODUCED;
    static final String NOT_REPRODUCED = ConnectivityStatistics.NOT_REPRODUCED;
    static final String INCONCLUSIVE = ConnectivityStatistics.INCONCLUSIVE;

    /** Compares two tables (sources name them in errors and output, e.g. their file names). */
    public static Comparison compare(NeuronTable a, String sourceA, NeuronTable b, String sourceB,
                                     ComparisonSettings settings, RandomStreams streams) {
        checkCompatible(a, sourceA, b.features(), b.contexts(), sourceB);
        Side sa = Side.ofTable(a, sourceA, settings);
        Side sb = Side.ofTable(b, sourceB, settings);
        return run(sa, sb, settings, streams);
    }

    /** Compares two tables named "a" and "b". */
    public static Comparison compare(NeuronTable a, NeuronTable b, ComparisonSettings settings, RandomStreams streams) {
        return compare(a, "a", b, "b", settings, streams);
    }

    /** Compares a table with an analytic population model (b = the model). */
    public static Comparison compare(NeuronTable a, String sourceA, PopulationModel model,
                                     ComparisonSettings settings, RandomStreams streams) {
        checkCompatible(a, sourceA, model.features(), model.contexts(), model.description());
        int n = settings.modelSampleSize() > 0 ? settings.modelSampleSize() : a.size();
        NeuronTable sample = model.sample(n, streams.stream("model-sample"));
        Side sa = Side.ofTable(a, sourceA, settings);
        Side sb = Side.ofModel(model, sample, settings);
        return run(sa, sb, settings, streams);
    }

    /** One side: its (sign-canonical) table, patterns and population statistics. */
    private record Side(String source, boolean model, NeuronTable table, NeuronTable canonical, String[] patterns,
                        Map<String, PopulationStatistics.Population> populations, Map<String, Double> fractions,
                        Map<String, Double> crossCovarianceVariance, double meanSquaredNorm) {

        static Side ofTable(NeuronTable t, String source, ComparisonSettings s) {
            String[] patterns = GainPatterns.of(t, s.threshold());
            var pops = PopulationStatistics.of(t, patterns, s.confidence(), categories(t.contexts(), patterns), s.task());
            return new Side(source, false, t, SignCanonicalisation.canonicalise(t), patterns, pops, fractionsOf(pops),
                    ConnectivityComparator.crossCovarianceVariance(t, patterns), t.meanSquaredNorm());
        }

        static Side ofModel(PopulationModel m, NeuronTable sample, ComparisonSettings s) {
            var pops = PopulationStatistics.of(m, s.task());
            double norm = 0;
            for (var p : pops.values()) {
                double[][] sm = p.secondMoment();
                for (int j = 0; j < sm.length; j++) {
                    norm += p.fraction() * sm[j][j];
                }
            }
            return new Side(m.description(), true, sample, SignCanonicalisation.canonicalise(sample),
                    GainPatterns.of(sample, s.threshold()), pops, fractionsOf(pops), Map.of(), norm);
        }
    }

    private static Comparison run(Side a, Side b, ComparisonSettings settings, RandomStreams streams) {
        int d = a.table().features();
        int c = a.table().contexts();
        // Resolve the default so comparison.json records the columns actually used.
        ComparisonSettings s = settings.jointColumns().isEmpty() ? settings.withJointColumns(selectivityColumns(d)) : settings;
        List<String> joint = s.jointColumns();
        for (String col : joint) {
            InvalidInputException.require(NeuronTable.parameterColumnNames(d, c).contains(col), "--joint-columns",
                    "column names among " + NeuronTable.parameterColumnNames(d, c), col);
        }

        // Population fractions.
        Map<String, Comparison.FractionPair> fractions = new TreeMap<>();
        for (String g : union(a.populations().keySet(), b.populations().keySet())) {
            var pa = a.populations().get(g);
            var pb = b.populations().get(g);
            double[] ciA = pa != null ? new double[] {pa.ciLow(), pa.ciHigh()}
                    : PopulationStatistics.goodmanInterval(0, a.table().size(), s.confidence(), categories(c, a.patterns()));
            Double bl = null;
            Double bh = null;
            if (!b.model()) {
                double[] ciB = pb != null ? new double[] {pb.ciLow(), pb.ciHigh()}
                        : PopulationStatistics.goodmanInterval(0, b.table().size(), s.confidence(), categories(c, b.patterns()));
                bl = ciB[0];
                bh = ciB[1];
            }
            fractions.put(g, new Comparison.FractionPair(pa == null ? 0 : pa.fraction(), pb == null ? 0 : pb.fraction(),
                    ciA[0], ciA[1], bl, bh));
        }
        double tv = Distances.totalVariation(a.fractions(), b.fractions());
        double js = Distances.jensenShannonBits(a.fractions(), b.fractions());
        double tvNoise = totalVariationNoise(a, b, s.verdicts().pairedRows(), streams.stream("tv-noise"));

        Map<String, Comparison.Sensitivity> sensitivity = new LinkedHashMap<>();
        for (double t : s.sensitivityThresholds()) {
            Map<String, Double> fa = GainPatterns.fractions(GainPatterns.of(a.table(), t));
            Map<String, Double> fb = b.model() ? b.fractions() : GainPatterns.fractions(GainPatterns.of(b.table(), t));
            sensitivity.put(Double.toString(t), new Comparison.Sensitivity(fa, fb, Distances.totalVariation(fa, fb),
                    Distances.jensenShannonBits(fa, fb)));
        }

        // Per-population moments.
        Map<String, Comparison.PopulationPair> pairs = new TreeMap<>();
        for (String g : fractions.keySet()) {
            pairs.put(g, new Comparison.PopulationPair(a.populations().get(g), b.populations().get(g)));
        }
        Map<String, Double> crossError = new TreeMap<>();
        List<String> usedPatterns = new ArrayList<>();
        double num = 0;
        double den = 0;
        double noiseVar = 0;
        Map<String, Double> klPer = new TreeMap<>();
        Map<String, Double> matchedA = new TreeMap<>();
        Map<String, Double> matchedB = new TreeMap<>();
        double klWithin = 0;
        for (String g : fractions.keySet()) {
            var pa = a.populations().get(g);
            var pb = b.populations().get(g);
            if (!enough(pa, a, s.minPopulation()) || !enough(pb, b, s.minPopulation())) {
                continue;
            }
            // A relative error needs a reference that is resolvably non-zero (|E_b| > 2 standard errors);
            // e.g. E[zw|00] = 0 in max-ent, so its relative error is undefined (null).
            double refSquared = org.netropy.linalg.Vectors.dot(pb.crossCovariance(), pb.crossCovariance());
            boolean resolved = refSquared > 4 * b.crossCovarianceVariance().getOrDefault(g, 0.0);
            crossError.put(g, resolved
                    ? PopulationStatistics.nullIfNaN(Distances.relativeL2(pa.crossCovariance(), pb.crossCovariance())) : null);
            double diff = 0;
            for (int j = 0; j < d; j++) {
                double e = pa.crossCovariance()[j] - pb.crossCovariance()[j];
                diff += e * e;
            }
            usedPatterns.add(g);
            num += pb.fraction() * diff;
            den += pb.fraction() * org.netropy.linalg.Vectors.dot(pb.crossCovariance(), pb.crossCovariance());
            noiseVar += pb.fraction() * (a.crossCovarianceVariance().getOrDefault(g, 0.0)
                    + b.crossCovarianceVariance().getOrDefault(g, 0.0));
            if (enough(pa, a, d + 2) && enough(pb, b, d + 2)) {
                double kl = Distances.gaussianKlNats(pa.secondMoment(), pb.secondMoment());
                if (Double.isFinite(kl)) {
                    klPer.put(g, kl);
                    matchedA.put(g, pa.fraction());
                    matchedB.put(g, pb.fraction());
                }
            }
        }
        Double weighted = den > 0 ? Math.sqrt(num / den) : null;
        Double crossNoise = den > 0 ? 2 * Math.sqrt(noiseVar / den) : null;
        double massA = matchedA.values().stream().mapToDouble(Double::doubleValue).sum();
        double massB = matchedB.values().stream().mapToDouble(Double::doubleValue).sum();
        Double matchedBound = null;
        if (massA > 0 && massB > 0) {
            matchedA.replaceAll((g, p) -> p / massA);
            matchedB.replaceAll((g, p) -> p / massB);
            for (var e : matchedA.entrySet()) {
                klWithin += e.getValue() * klPer.get(e.getKey());
            }
            matchedBound = Distances.klNats(matchedA, matchedB) + klWithin;
        }
        var covKl = new Comparison.CovarianceKl(klPer, matchedBound, 1 - massA);

        // Marginals on sign-canonical tables.
        Map<String, Comparison.Marginal> marginals = new LinkedHashMap<>();
        for (String col : NeuronTable.parameterColumnNames(d, c)) {
            double[] x = a.canonical().column(col);
            double[] y = b.canonical().column(col);
            KSTest ks = KSTest.test(x, y); // statistic and p-value from one test
            marginals.put(col, new Comparison.Marginal(ks.d, Distances.wasserstein1(x, y), ks.pvalue));
        }

        // Energy distance on the joint, on subsamples.
        double[][] ea = columns(a.canonical(), joint, sampleRows(a.table().size(), s.energySample(), streams.stream("energy-a")));
        double[][] eb = columns(b.canonical(), joint, sampleRows(b.table().size(), s.energySample(), streams.stream("energy-b")));
        double[] energy = Distances.energyDistance(ea, eb);
        double coefficient = energy[1] > 0 ? energy[0] / (2 * energy[1]) : 0;
        var energyInfo = new Comparison.Energy(coefficient, ea.length, eb.length, joint);

        Comparison.Angles angles = s.task() == null ? null : angles(a, b, s);

        // Label-free clustering.
        Map<String, PopulationClustering.Result> clustering = new LinkedHashMap<>();
        clustering.put("a", cluster(a, joint, s, streams.child("clustering-a")));
        clustering.put("b", cluster(b, joint, s, streams.child("clustering-b")));
        // (a side too small to cluster gets null; its clustering verdict is inconclusive)

        Map<String, Comparison.MemberSpread> members = new LinkedHashMap<>();
        if (a.table().memberIndices().length > 1) {
            members.put("a", memberSpread(a, b, s));
        }
        if (!b.model() && b.table().memberIndices().length > 1) {
            members.put("b", memberSpread(b, a, s));
        }

        // Verdicts: the primary statistics are equivalence decisions on design-bootstrap bounds.
        var vb = s.verdicts();
        List<ConnectivityStatistic> statistics = ConnectivityStatistics.all();
        int primary = (int) statistics.stream().filter(ConnectivityStatistic::primary).count();
        double alphaNot = vb.familyErrorRate() / primary; // Bonferroni: family-wise false "not reproduced" <= rate
        double alphaRep = vb.familyErrorRate();           // intersection-union: "reproduced" needs every bound
        String design = " Bounds: basic bootstrap, " + vb.replicates() + " replicates resampling "
                + (vb.pairedRows() ? "mirror pairs (rows 2i, 2i+1)" : "rows") + (a.table().memberIndices().length > 1 ? " within resampled members" : "")
                + "; upper bound at " + alphaRep + ", lower at " + alphaNot + " one-sided (Bonferroni over the " + primary
                + " verdicts of overall: " + ConnectivityStatistics.primaryLabels(statistics, ", ") + ").";
        var evidence = new ComparisonEvidence(a.table(), b.table(), a.canonical(), b.canonical(), a.patterns(), b.patterns(), b.model(),
                a.populations(), b.populations(), s, tv, weighted, usedPatterns, marginals, energyInfo, clustering, alphaNot, alphaRep,
                design);
        List<ConnectivityStatistic.Replicator> replicators = new ArrayList<>();
        for (ConnectivityStatistic st : statistics) {
            replicators.add(st.replicator(evidence));
        }
        double[][] boot = bootstrap(a, b, replicators, vb, streams.stream("verdict-bootstrap"));
        List<Comparison.Verdict> verdicts = new ArrayList<>();
        List<String> primaryOutcomes = new ArrayList<>();
        for (int k = 0; k < statistics.size(); k++) {
            Comparison.Verdict v = statistics.get(k).verdict(evidence, boot[k]);
            verdicts.add(v);
            if (statistics.get(k).primary()) {
                primaryOutcomes.add(v.outcome());
            }
        }
        String overall = combine(primaryOutcomes.toArray(new String[0]));

        var summaryA = summary(a, s);
        var summaryB = summary(b, s);
        return new Comparison(streams.rootSeed(), summaryA, summaryB, s, fractions, tv, tvNoise, js, sensitivity, pairs,
                crossError, weighted, crossNoise, covKl, marginals, energy[0], energyInfo, angles, clustering, members,
                verdicts, overall);
    }

    private static void checkCompatible(NeuronTable a, String sourceA, int d, int c, String sourceB) {
        if (a.features() != d || a.contexts() != c) {
            List<String> colsA = NeuronTable.parameterColumnNames(a.features(), a.contexts());
            List<String> colsB = NeuronTable.parameterColumnNames(d, c);
            String col = colsB.stream().filter(x -> !colsA.contains(x)).findFirst()
                    .map(x -> "column " + x + " is in " + sourceB + " but not in " + sourceA)
                    .orElseGet(() -> "column " + colsA.stream().filter(x -> !colsB.contains(x)).findFirst().orElse("?")
                            + " is in " + sourceA + " but not in " + sourceB);
            throw new InvalidInputException(sourceA + " and " + sourceB + " are tables of different tasks: " + col
                    + " (D=" + a.features() + ", C=" + a.contexts() + " versus D=" + d + ", C=" + c + ")");
        }
    }

    private static boolean enough(PopulationStatistics.Population p, Side side, int min) {
        return p != null && (side.model() ? p.fraction() > 0 : p.count() >= min);
    }

    /** K of the multinomial for simultaneous intervals: all 2^C patterns (observed ones if C > 20). */
    private static double categories(int contexts, String[] patterns) {
        return contexts <= 20 ? Math.pow(2, contexts) : Arrays.stream(patterns).distinct().count();
    }

    private static Map<String, Double> fractionsOf(Map<String, PopulationStatistics.Population> pops) {
        Map<String, Double> out = new TreeMap<>();
        pops.forEach((g, p) -> out.put(g, p.fraction()));
        return out;
    }

    /** Per pattern: Σ_j Var(z w_j)/n_g, the squared standard error of Ê[zw|g]. */
    private static Map<String, Double> crossCovarianceVariance(NeuronTable t, String[] patterns) {
        int d = t.features();
        Map<String, double[]> sums = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            double[] acc = sums.computeIfAbsent(patterns[i], k -> new double[2 * d + 1]);
            for (int j = 0; j < d; j++) {
                double v = t.z()[i] * t.w()[i][j];
                acc[j] += v;
                acc[d + j] += v * v;
            }
            acc[2 * d]++;
        }
        Map<String, Double> out = new TreeMap<>();
        sums.forEach((g, acc) -> {
            double n = acc[2 * d];
            double var = 0;
            for (int j = 0; j < d; j++) {
                double mean = acc[j] / n;
                var += Math.max(0, acc[d + j] / n - mean * mean);
            }
            out.put(g, n > 1 ? var / (n - 1) : 0.0);
        });
        return out;
    }

    /** 95th percentile of TV between fractions of samples drawn from one law (pooled, or the model's). */
    private static double totalVariationNoise(Side a, Side b, boolean pairedRows, SplittableRandom rng) {
        Map<String, Double> law = new TreeMap<>();
        if (b.model()) {
            law.putAll(b.fractions());
        } else {
            int na = a.table().size();
            int nb = b.table().size();
            for (String g : union(a.fractions().keySet(), b.fractions().keySet())) {
                law.put(g, (na * a.fractions().getOrDefault(g, 0.0) + nb * b.fractions().getOrDefault(g, 0.0)) / (na + nb));
            }
        }
        String[] keys = law.keySet().toArray(new String[0]);
        double[] p = new double[keys.length];
        double[] cum = new double[keys.length];
        double acc = 0;
        for (int k = 0; k < keys.length; k++) {
            p[k] = law.get(keys[k]);
            acc += p[k];
            cum[k] = acc;
        }
        // a mirror pair shares its pattern: the multinomial has as many draws as units
        int na = DesignBootstrap.units(a.table(), pairedRows).stream().mapToInt(u -> u.length).sum();
        int nb = b.model() ? 0 : DesignBootstrap.units(b.table(), pairedRows).stream().mapToInt(u -> u.length).sum();
        int reps = 200;
        double[] tvs = new double[reps];
        for (int r = 0; r < reps; r++) {
            double[] fa = draw(cum, na, rng);
            double[] fb = b.model() ? p : draw(cum, nb, rng);
            double sum = 0;
            for (int k = 0; k < keys.length; k++) {
                sum += Math.abs(fa[k] - fb[k]);
            }
            tvs[r] = 0.5 * sum;
        }
        Arrays.sort(tvs);
        return tvs[(int) Math.ceil(0.95 * reps) - 1];
    }

    /** Empirical fractions of n categorical draws with cumulative probabilities cum. */
    private static double[] draw(double[] cum, int n, SplittableRandom rng) {
        double[] f = new double[cum.length];
        double total = cum[cum.length - 1];
        for (int i = 0; i < n; i++) {
            int k = Arrays.binarySearch(cum, rng.nextDouble() * total);
            k = k >= 0 ? k + 1 : -k - 1;
            f[Math.min(k, cum.length - 1)] += 1.0 / n;
        }
        return f;
    }

    private static Comparison.Angles angles(Side a, Side b, ComparisonSettings s) {
        double bin = 10;
        var ra = angleSample(a, s);
        var rb = angleSample(b, s);
        double ks = ra.all.length > 0 && rb.all.length > 0 ? Distances.kolmogorovSmirnov(ra.all, rb.all) : Double.NaN;
        return new Comparison.Angles(ra.means, rb.means, ks, bin, histogram(ra.all, bin), histogram(rb.all, bin));
    }

    private record AngleSample(double[] all, Map<String, Double> means) {}

    private static AngleSample angleSample(Side side, ComparisonSettings s) {
        NeuronTable t = side.canonical();
        int d = t.features();
        List<Double> all = new ArrayList<>();
        Map<String, double[]> sums = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            String g = side.patterns()[i];
            double[] dir = new double[d];
            for (int k = 0; k < g.length(); k++) {
                if (g.charAt(k) == '1') {
                    for (int j = 0; j < d; j++) {
                        dir[j] += s.task().get(j, k);
                    }
                }
            }
            double cos = PopulationStatistics.cosine(t.w()[i], dir);
            if (Double.isFinite(cos)) {
                double deg = Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
                all.add(deg);
                double[] acc = sums.computeIfAbsent(g, k -> new double[2]);
                acc[0] += deg;
                acc[1]++;
            }
        }
        Map<String, Double> means = new TreeMap<>();
        sums.forEach((g, acc) -> means.put(g, acc[0] / acc[1]));
        return new AngleSample(all.stream().mapToDouble(Double::doubleValue).toArray(), means);
    }

    private static int[] histogram(double[] degrees, double bin) {
        int[] h = new int[(int) Math.round(180 / bin)];
        for (double x : degrees) {
            h[Math.min(h.length - 1, (int) (x / bin))]++;
        }
        return h;
    }

    /** Fewest neurons for which label-free clustering is attempted: 4 per fitted parameter direction, at least 20. */
    static int minimumForClustering(int columns) {
        return Math.max(20, 4 * (columns + 1));
    }

    private static PopulationClustering.Result cluster(Side side, List<String> joint, ComparisonSettings s, RandomStreams streams) {
        NeuronTable t = side.table();
        if (t.size() < minimumForClustering(joint.size())) {
            return null;
        }
        double[][] raw = columns(t, joint, null);
        int zColumn = joint.indexOf("z");
        List<Integer> flip = new ArrayList<>();
        for (int j = 0; j < joint.size(); j++) {
            if (joint.get(j).equals("z") || joint.get(j).startsWith("w_")) {
                flip.add(j);
            }
        }
        return PopulationClustering.cluster(raw, zColumn, flip.stream().mapToInt(Integer::intValue).toArray(),
                GainPatterns.labels(side.patterns()), s.clustering(), streams);
    }

    private static Comparison.MemberSpread memberSpread(Side side, Side other, ComparisonSettings s) {
        int[] ids = side.table().memberIndices();
        double[] tv = new double[ids.length];
        double[] js = new double[ids.length];
        double[] cross = new double[ids.length];
        Map<String, double[]> fractions = new TreeMap<>();
        for (int m = 0; m < ids.length; m++) {
            NeuronTable t = side.table().member(ids[m]);
            Side member = Side.ofTable(t, side.source() + " member " + ids[m], s);
            tv[m] = Distances.totalVariation(member.fractions(), other.fractions());
            js[m] = Distances.jensenShannonBits(member.fractions(), other.fractions());
            double num = 0;
            double den = 0;
            for (var e : member.populations().entrySet()) {
                var po = other.populations().get(e.getKey());
                if (e.getValue().count() >= s.minPopulation() && enough(po, other, s.minPopulation())) {
                    double[] ca = e.getValue().crossCovariance();
                    double[] cb = po.crossCovariance();
                    for (int j = 0; j < ca.length; j++) {
                        num += po.fraction() * (ca[j] - cb[j]) * (ca[j] - cb[j]);
                        den += po.fraction() * cb[j] * cb[j];
                    }
                }
            }
            cross[m] = den > 0 ? Math.sqrt(num / den) : Double.NaN;
            for (String g : union(member.fractions().keySet(), other.fractions().keySet())) {
                fractions.computeIfAbsent(g, k -> new double[ids.length])[m] = member.fractions().getOrDefault(g, 0.0);
            }
        }
        Map<String, Comparison.Spread> fs = new TreeMap<>();
        fractions.forEach((g, v) -> fs.put(g, spread(v)));
        return new Comparison.MemberSpread(ids.length, spread(tv), spread(js), spread(cross), fs);
    }

    static Comparison.Spread spread(double[] v) {
        double[] x = Arrays.stream(v).filter(Double::isFinite).toArray();
        if (x.length == 0) {
            return new Comparison.Spread(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(x).average().orElseThrow();
        double sd = x.length > 1 ? Math.sqrt(Arrays.stream(x).map(y -> (y - mean) * (y - mean)).sum() / (x.length - 1)) : 0;
        return new Comparison.Spread(mean, sd, Arrays.stream(x).min().orElseThrow(), Arrays.stream(x).max().orElseThrow());
    }

    /**
     * Replicates of every bootstrapped statistic (a row per statistic, null where it is not
     * bootstrapped): the tables' design units resampled, the same draws for all; a model side keeps
     * its exact fractions and moments, and its sample (for the KS) is resampled like a table.
     */
    private static double[][] bootstrap(Side a, Side b, List<ConnectivityStatistic.Replicator> replicators,
                                        ComparisonSettings.VerdictBootstrap vb, SplittableRandom rng) {
        double[][] out = new double[replicators.size()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = replicators.get(k) == null ? null : new double[vb.replicates()];
        }
        if (replicators.stream().allMatch(java.util.Objects::isNull)) {
            return out;
        }
        List<int[][]> uSample = DesignBootstrap.units(b.table(), vb.pairedRows());
        List<int[][]> ua = DesignBootstrap.units(a.table(), vb.pairedRows());
        List<int[][]> ub = b.model() ? null : DesignBootstrap.units(b.table(), vb.pairedRows());
        Map<String, double[]> modelCross = new TreeMap<>();
        if (b.model()) {
            b.populations().forEach((g, p) -> modelCross.put(g, p.crossCovariance()));
        }
        for (int r = 0; r < vb.replicates(); r++) {
            int[] wa = DesignBootstrap.draw(ua, a.table().size(), rng);
            int[] wb = DesignBootstrap.draw(b.model() ? uSample : ub, b.table().size(), rng);
            var ma = DesignBootstrap.moments(a.table(), a.patterns(), wa);
            Map<String, Double> fb;
            Map<String, double[]> eb;
            if (b.model()) {
                fb = b.fractions();
                eb = modelCross;
            } else {
                var mb = DesignBootstrap.moments(b.table(), b.patterns(), wb);
                fb = mb.fractions();
                eb = mb.crossCovariance();
            }
            var rep = new ConnectivityStatistic.Replicate(wa, wb, Arrays.stream(wa).sum(), Arrays.stream(wb).sum(), ma.fractions(),
                    ma.crossCovariance(), fb, eb);
            for (int k = 0; k < out.length; k++) {
                if (out[k] != null) {
                    out[k][r] = replicators.get(k).of(rep);
                }
            }
        }
        return out;
    }

    /**
     * Overall verdict: reproduced only if every primary verdict is (an intersection-union test, so
     * a false "reproduced" has at most the per-verdict rate); not reproduced if any is not (each at
     * the Bonferroni level rate/m, so a false "not reproduced" has family-wise rate at most the
     * stated rate).
     */
    static String combine(String... outcomes) {
        if (Arrays.asList(outcomes).contains(NOT_REPRODUCED)) {
            return NOT_REPRODUCED;
        }
        return Arrays.stream(outcomes).allMatch(REPRODUCED::equals) ? REPRODUCED : INCONCLUSIVE;
    }

    private static Comparison.TableSummary summary(Side side, ComparisonSettings s) {
        NeuronTable t = side.table();
        List<Double> band = s.sensitivityThresholds();
        return new Comparison.TableSummary(side.source(), side.model() ? "model" : "table", t.size(),
                t.memberIndices().length, t.features(), t.contexts(),
                GainPatterns.ambiguousFraction(t, band.get(0), band.get(band.size() - 1)), side.meanSquaredNorm());
    }

    static List<String> selectivityColumns(int d) {
        List<String> cols = new ArrayList<>();
        for (int j = 1; j <= d; j++) {
            cols.add("w_" + j);
        }
        cols.add("z");
        return cols;
    }

    private static int[] sampleRows(int n, int max, SplittableRandom rng) {
        return n <= max ? null : PopulationClustering.subsample(n, max, rng);
    }

    private static double[][] columns(NeuronTable t, List<String> cols, int[] rows) {
        int n = rows == null ? t.size() : rows.length;
        double[][] out = new double[n][cols.size()];
        for (int r = 0; r < n; r++) {
            int i = rows == null ? r : rows[r];
            for (int j = 0; j < cols.size(); j++) {
                out[r][j] = t.value(i, cols.get(j));
            }
        }
        return out;
    }

    private static TreeSet<String> union(java.util.Collection<String> x, java.util.Collection<String> y) {
        TreeSet<String> s = new TreeSet<>(x);
        s.addAll(y);
        return s;
    }
}
