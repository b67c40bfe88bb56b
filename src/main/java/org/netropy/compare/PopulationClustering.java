package org.netropy.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.netropy.random.RandomStreams;
import smile.clustering.HierarchicalClustering;
import smile.clustering.KMeans;
import smile.clustering.linkage.WardLinkage;
import smile.math.MathEx;
import smile.math.matrix.Matrix;
import smile.stat.distribution.MultivariateExponentialFamilyMixture;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateMixture;
import smile.validation.metric.AdjustedRandIndex;

/**
 * Populations found WITHOUT the gain labels (THEORY §5), on sign-canonicalised neuron vectors:
 * a Gaussian mixture with the number of components chosen by BIC, k-means and Ward clustering,
 * the silhouette, and bootstrap stability z-scored against a structureless Gaussian null.
 *
 * <p><b>Method.</b> Columns are divided by their root-mean-square (no centring: the law is
 * zero-mean by symmetry), then rows are sign-canonicalised ({@link SignCanonicalisation}).
 * Mixtures (Smile {@code MultivariateExponentialFamilyMixture.fit}, full covariances, EM started
 * from a seeded k-means partition) are fitted for k = 1..kMax on a seeded subsample of at most
 * {@code mixtureSample} neurons, then every neuron gets its most probable component; the k with the lowest
 * {@code BIC = p ln n − 2 ln L} is chosen. Stability: the mean adjusted Rand index between the
 * k-means partition of an 80% subsample and the full-data partition restricted to it, over B
 * subsamples (k-means rather than the mixture so the bootstrap stays within the time budget),
 * computed on a seeded subsample of at most {@code bootstrapSample} neurons (reported).
 * Null: a single Gaussian with the data's mean and covariance (before canonicalisation) is
 * sampled M times at that same size, canonicalised the same way and put through the same
 * procedure; {@code z = (stability − mean_null)/sd_null} (structure judged against a
 * structureless Gaussian fitted to the same data, as in Dubreuil et al. 2022, Nat. Neurosci.).
 * Stability is measured at {@code max(2, k)} clusters, since a single cluster is trivially stable.
 * Ward clustering (Smile {@code WardLinkage}) and the silhouette are O(n²) and run on a seeded
 * subsample whose size is reported.
 *
 * <p><b>Determinism.</b> Smile draws k-means++ seeds from its own per-thread generator
 * ({@code smile.math.MathEx}); every Smile call here is preceded by
 * {@code MathEx.setSeed(streams.seedFor(...))} on the calling thread, so results depend only on
 * the comparison seed.
 */
public final class PopulationClustering {
    private PopulationClustering() {}

    /** Settings of the label-free clustering. */
    public record Settings(int maxComponents, int bootstrapReplicates, int nullReplicates,
                           double subsampleFraction, int pairwiseSample, int bootstrapSample, int mixtureSample) {
        /** The defaults of {@link ComparisonOptions#SCHEMA}: up to 6 components, 10 subsamples, 10 null data sets, 80%; 1000, 1000 and 4000 neurons. */
        public static Settings defaults() {
            return ComparisonSettings.defaults().clustering(); // declared in ComparisonOptions.SCHEMA
        }

        public Settings {
            org.netropy.io.InvalidInputException.inRange("--max-components", maxComponents, 1, 32);
            org.netropy.io.InvalidInputException.inRange("--bootstrap", bootstrapReplicates, 2, 10_000);
            org.netropy.io.InvalidInputException.inRange("--null-replicates", nullReplicates, 2, 10_000);
            org.netropy.io.InvalidInputException.require(subsampleFraction > 0 && subsampleFraction < 1,
                    "subsample fraction", "a number in (0, 1)", subsampleFraction);
            org.netropy.io.InvalidInputException.inRange("--pairwise-sample", pairwiseSample, 10, 100_000);
            org.netropy.io.InvalidInputException.inRange("--bootstrap-sample", bootstrapSample, 10, 10_000_000);
            org.netropy.io.InvalidInputException.inRange("--mixture-sample", mixtureSample, 10, 100_000_000);
        }
    }

    /**
     * Result of the clustering of one table.
     *
     * @param k                  components chosen by BIC
     * @param bic                BIC (lower is better) by number of components tried (missing k: fit failed)
     * @param silhouette         mean silhouette of the mixture partition (null if k = 1)
     * @param stabilityK         number of clusters at which stability was measured (max(2, k))
     * @param stability          mean ARI over bootstrap subsamples
     * @param nullStabilityMean  mean of the same statistic under the Gaussian null
     * @param nullStabilitySd    its standard deviation
     * @param stabilityZ         (stability − null mean)/null sd (null if the null sd is 0)
     * @param ariWithPatterns    ARI between the mixture partition and the gain patterns
     * @param kmeansAriWithPatterns ARI between the k-means partition and the gain patterns
     * @param wardAriWithPatterns   ARI between Ward's partition (on the subsample) and the gain patterns
     * @param pairwiseSample     neurons used for Ward and the silhouette
     * @param bootstrapSample    neurons used for the stability bootstrap (and size of each null data set)
     * @param mixtureSample      neurons the mixtures are fitted on (all neurons are then labelled)
     */
    public record Result(int k, Map<Integer, Double> bic, Double silhouette, int stabilityK, double stability,
                         double nullStabilityMean, double nullStabilitySd, Double stabilityZ,
                         double ariWithPatterns, double kmeansAriWithPatterns, double wardAriWithPatterns,
                         int pairwiseSample, int bootstrapSample, int mixtureSample) {}

    /**
     * Clusters the rows of {@code raw}.
     *
     * @param raw          n × p neuron vectors (not canonicalised; not modified)
     * @param zColumn      index of the z column (for canonicalisation), or −1 for none
     * @param flipColumns  columns flipped with z (w and z)
     * @param patterns     gain-pattern labels of the rows (for ARI)
     * @param streams      random streams of this table (e.g. {@code root.child("clustering-a")})
     */
    public static Result cluster(double[][] raw, int zColumn, int[] flipColumns, int[] patterns,
                                 Settings settings, RandomStreams streams) {
        int n = raw.length;
        double[][] scaled = scaleByRms(raw);
        double[][] x = canonicalCopy(scaled, zColumn, flipColumns);

        Map<Integer, Double> bic = new LinkedHashMap<>();
        int nm0 = Math.min(n, settings.mixtureSample());
        double[][] xm = nm0 < n ? rows(x, subsample(n, nm0, streams.stream("mixture-sample"))) : x;
        int[] bestLabels = selectByBic(xm, x, settings.maxComponents(), bic, streams);
        int bestK = bic.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(1);

        int[] kmeans = new int[n];
        if (bestK >= 2) {
            kmeans = kmeans(x, bestK, streams.seedFor("kmeans"));
        }

        int[] sub = subsample(n, Math.min(n, settings.pairwiseSample()), streams.stream("pairwise-sample"));
        double[][] xs = rows(x, sub);
        int[] ward = bestK >= 2 ? HierarchicalClustering.fit(WardLinkage.of(xs)).partition(bestK) : new int[sub.length];
        Double silhouette = bestK >= 2 ? silhouette(xs, pick(bestLabels, sub)) : null;

        int stabilityK = Math.max(2, bestK);
        int nb = Math.min(n, settings.bootstrapSample());
        double[][] xb = rows(x, subsample(n, nb, streams.stream("bootstrap-sample")));
        double stability = stability(xb, stabilityK, settings, streams.child("bootstrap-data"));
        double[] nulls = nullStabilities(scaled, nb, stabilityK, zColumn, flipColumns, settings, streams);
        double nm = Arrays.stream(nulls).average().orElse(Double.NaN);
        double nsd = Math.sqrt(Arrays.stream(nulls).map(v -> (v - nm) * (v - nm)).sum() / (nulls.length - 1));
        Double z = nsd > 0 ? (stability - nm) / nsd : null;

        return new Result(bestK, bic, silhouette, stabilityK, stability, nm, nsd, z,
                AdjustedRandIndex.of(patterns, bestLabels), AdjustedRandIndex.of(patterns, kmeans),
                AdjustedRandIndex.of(pick(patterns, sub), ward), sub.length, nb, nm0);
    }

    /** Each column divided by its root-mean-square (not centred: the law is zero-mean by symmetry). */
    private static double[][] scaleByRms(double[][] raw) {
        int n = raw.length;
        int p = raw[0].length;
        double[] rms = new double[p];
        for (double[] row : raw) {
            for (int j = 0; j < p; j++) {
                rms[j] += row[j] * row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            rms[j] = Math.sqrt(rms[j] / n);
            if (!(rms[j] > 0)) {
                rms[j] = 1;
            }
        }
        double[][] scaled = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                scaled[i][j] = raw[i][j] / rms[j];
            }
        }
        return scaled;
    }

    /** Fits mixtures to x for k = 1..maxK, records BIC (lower is better) and returns the MAP labels of all rows of the best. */
    private static int[] selectByBic(double[][] x, double[][] all, int maxComponents, Map<Integer, Double> bic,
                                     RandomStreams streams) {
        int n = x.length;
        int p = x[0].length;
        int[] bestLabels = new int[all.length];
        double bestBic = Double.POSITIVE_INFINITY;
        int maxK = Math.min(maxComponents, Math.max(1, n / (4 * (p + 1))));
        for (int k = 1; k <= maxK; k++) {
            MultivariateMixture mixture = fitMixture(x, k, streams.seedFor("gmm-k" + k));
            if (mixture == null) {
                continue;
            }
            // Smile's bic is the penalised log-likelihood ln L − (p/2) ln n (higher is better).
            double b = -2 * ((MultivariateExponentialFamilyMixture) mixture).bic;
            bic.put(k, b);
            if (b < bestBic) {
                bestBic = b;
                for (int i = 0; i < all.length; i++) {
                    bestLabels[i] = mixture.map(all[i]);
                }
            }
        }
        return relabel(bestLabels);
    }

    /** Labels renumbered 0..k-1 in order of first appearance (empty mixture components dropped). */
    private static int[] relabel(int[] labels) {
        Map<Integer, Integer> index = new LinkedHashMap<>();
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = index.computeIfAbsent(labels[i], l -> index.size());
        }
        return out;
    }

    /** Stability of M data sets drawn from one Gaussian with the mean and covariance of {@code scaled}. */
    private static double[] nullStabilities(double[][] scaled, int size, int k, int zColumn, int[] flipColumns,
                                            Settings settings, RandomStreams streams) {
        int p = scaled[0].length;
        double[] mean = MathEx.colMeans(scaled);
        double[][] chol = choleskyLower(MathEx.cov(scaled, mean));
        double[] nulls = new double[settings.nullReplicates()];
        for (int m = 0; m < nulls.length; m++) {
            SplittableRandom rng = streams.stream("null-sample-" + m);
            double[][] y = new double[size][p];
            double[] e = new double[p];
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < p; j++) {
                    e[j] = rng.nextGaussian(); // the JDK's RandomGenerator deviate, as every sampler of the project
                }
                for (int j = 0; j < p; j++) {
                    double v = mean[j];
                    for (int l = 0; l <= j; l++) {
                        v += chol[j][l] * e[l];
                    }
                    y[i][j] = v;
                }
            }
            nulls[m] = stability(canonicalCopy(y, zColumn, flipColumns), k, settings, streams.child("bootstrap-null-" + m));
        }
        return nulls;
    }

    /** EM for a k-component full-covariance Gaussian mixture started from a seeded k-means partition; null if it fails. */
    static MultivariateMixture fitMixture(double[][] x, int k, long seed) {
        int p = x[0].length;
        try {
            int[] labels;
            if (k == 1) {
                labels = new int[x.length];
            } else {
                MathEx.setSeed(seed);
                labels = KMeans.fit(x, k, 100, 1e-4).y;
            }
            MultivariateMixture.Component[] components = new MultivariateMixture.Component[k];
            for (int c = 0; c < k; c++) {
                List<double[]> members = new ArrayList<>();
                for (int i = 0; i < x.length; i++) {
                    if (labels[i] == c) {
                        members.add(x[i]);
                    }
                }
                if (members.size() < 2 * (p + 1)) {
                    return null;
                }
                MultivariateGaussianDistribution g = MultivariateGaussianDistribution.fit(members.toArray(new double[0][]));
                components[c] = new MultivariateMixture.Component((double) members.size() / x.length, g);
            }
            // EM stops when the log-likelihood gains less than 1e-5 nats per neuron.
            return MultivariateExponentialFamilyMixture.fit(x, components, 0.0, 500, 1e-5 * x.length);
        } catch (RuntimeException singularOrDegenerate) {
            return null;
        }
    }

    /** Restarts of k-means (k-means++ seeding) per partition; the lowest distortion wins. */
    static final int KMEANS_RESTARTS = 3;

    /**
     * The best of {@link #KMEANS_RESTARTS} seeded k-means runs: a single run often stops in a
     * local optimum, which would make the stability measure the optimiser's luck, not the data.
     */
    static int[] kmeans(double[][] x, int k, long seed) {
        MathEx.setSeed(seed);
        KMeans best = null;
        for (int r = 0; r < KMEANS_RESTARTS; r++) {
            KMeans run = KMeans.fit(x, k, 100, 1e-4);
            if (best == null || run.distortion < best.distortion) {
                best = run;
            }
        }
        return best.y;
    }

    /** Mean ARI between k-means on B subsamples and the full-data k-means partition restricted to each subsample. */
    static double stability(double[][] x, int k, Settings settings, RandomStreams streams) {
        int[] full = kmeans(x, k, streams.seedFor("full"));
        int m = (int) Math.round(settings.subsampleFraction() * x.length);
        double sum = 0;
        for (int b = 0; b < settings.bootstrapReplicates(); b++) {
            int[] idx = subsample(x.length, m, streams.stream("subsample-" + b));
            int[] part = kmeans(rows(x, idx), k, streams.seedFor("kmeans-" + b));
            sum += AdjustedRandIndex.of(pick(full, idx), part);
        }
        return sum / settings.bootstrapReplicates();
    }

    /** Mean silhouette (Rousseeuw 1987) with Euclidean distances; points in singleton clusters count 0. */
    public static double silhouette(double[][] x, int[] labels) {
        int k = Arrays.stream(labels).max().orElse(0) + 1;
        int[] size = new int[k];
        for (int l : labels) {
            size[l]++;
        }
        double total = 0;
        double[] sums = new double[k];
        for (int i = 0; i < x.length; i++) {
            Arrays.fill(sums, 0);
            for (int j = 0; j < x.length; j++) {
                if (j != i) {
                    sums[labels[j]] += Math.sqrt(MathEx.squaredDistance(x[i], x[j]));
                }
            }
            int own = labels[i];
            if (size[own] <= 1) {
                continue;
            }
            double a = sums[own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && size[c] > 0) {
                    b = Math.min(b, sums[c] / size[c]);
                }
            }
            if (Double.isFinite(b)) {
                total += (b - a) / Math.max(a, b);
            }
        }
        return total / x.length;
    }

    /** m distinct indices out of n, uniformly (partial Fisher–Yates). */
    static int[] subsample(int n, int m, SplittableRandom rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return Arrays.copyOf(idx, m);
    }

    static double[][] rows(double[][] x, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = x[idx[i]];
        }
        return out;
    }

    static int[] pick(int[] v, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = v[idx[i]];
        }
        return out;
    }

    private static double[][] canonicalCopy(double[][] x, int zColumn, int[] flipColumns) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        if (zColumn >= 0) {
            SignCanonicalisation.canonicaliseRows(c, zColumn, flipColumns);
        }
        return c;
    }

    /** Lower Cholesky factor of a covariance (with a tiny ridge for exactly collinear columns). */
    private static double[][] choleskyLower(double[][] cov) {
        int p = cov.length;
        double ridge = 0;
        for (int j = 0; j < p; j++) {
            ridge = Math.max(ridge, cov[j][j]);
        }
        for (int j = 0; j < p; j++) {
            cov[j][j] += 1e-12 * ridge;
        }
        Matrix l = Distances.symmetric(cov).cholesky().lu;
        double[][] out = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                out[i][j] = l.get(i, j);
            }
        }
        return out;
    }
}
