package org.netropy.gd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.task.FleschTreesTask;
import org.netropy.task.TaskData;

/**
 * The Flesch et al. 2022 analyses of a trained network on the trees task: hidden-unit classes
 * (dead / context-1-only / context-2-only / mixed, by whether a unit's pre-activation is ever
 * positive in each context), accuracy after ablating each class, and RSA betas of the hidden representational
 * dissimilarity matrix on three model RDMs.
 *
 * <p>Model RDMs (Euclidean distances between model embeddings of the 50 samples, with feature
 * levels centred on the grid, l the context-1 feature and b the context-2 feature): grid — (l, b)
 * in both contexts; orthogonal — context 1 on one axis (l, 0), context 2 on another (0, b);
 * parallel — both contexts on one axis (l) and (b). Betas are from one least-squares regression of
 * the z-scored hidden RDM (upper triangle) on the three z-scored model RDMs with an intercept.
 * These embeddings are this project's reading of the paper's models, stated here so they can be
 * changed in one place.
 */
public final class FleschAnalysis {
    private FleschAnalysis() {}

    public static final String[] CLASSES = {"dead", "context1-only", "context2-only", "mixed"};

    /** The analysis the trees task declares ({@link FleschTreesTask#ANALYSIS}), with its table columns. */
    public static final TaskAnalysis ANALYSIS = new TaskAnalysis() {
        @Override
        public String name() {
            return FleschTreesTask.ANALYSIS;
        }

        @Override
        public String jsonKey() {
            return "flesch";
        }

        @Override
        public List<String> columns() {
            return COLUMNS;
        }

        @Override
        public Result analyse(Network net, TaskData data, double[] offset) {
            return FleschAnalysis.analyse(net, data, offset);
        }

        @Override
        public Map<String, double[][]> rdms(Network net, TaskData data) {
            return FleschAnalysis.rdms(net, data, coarseConditions());
        }

        @Override
        public boolean drawsRdms() {
            return true;
        }
    };

    /** Table columns: unit-class fractions, RSA betas, accuracies per context after ablating a class. */
    static final List<String> COLUMNS = List.of("units_dead", "units_context1_only", "units_context2_only", "units_mixed",
            "rsa_grid", "rsa_orthogonal", "rsa_parallel", "ablation_context1_only_context1", "ablation_context1_only_context2",
            "ablation_mixed_context1", "ablation_mixed_context2");

    /** Class index of every hidden unit (see {@link #CLASSES}). */
    public static int[] unitClasses(Network net, TaskData data) {
        double[][] h = net.preactivations(data);
        int[] cls = new int[net.hidden()];
        for (int i = 0; i < cls.length; i++) {
            boolean[] active = new boolean[2];
            for (int s = 0; s < h.length; s++) {
                if (h[s][i] > 0) {
                    active[data.context()[s]] = true;
                }
            }
            cls[i] = (active[0] ? 1 : 0) + (active[1] ? 2 : 0);
        }
        return cls;
    }

    /**
     * The analyses of one network.
     *
     * @param unitClasses                hidden units per class of {@link #CLASSES}
     * @param ablationAccuracyPerContext sign accuracy per context after ablating each class but {@code dead}
     * @param rsaBetas                   betas of the grid, orthogonal and parallel model RDMs
     */
    public record Result(Map<String, Integer> unitClasses, Map<String, double[]> ablationAccuracyPerContext,
                         Map<String, Double> rsaBetas) implements TaskAnalysis.Result {
        /** The record in metrics.json. */
        @Override
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unitClasses", unitClasses);
            m.put("ablationAccuracyPerContext", ablationAccuracyPerContext);
            m.put("rsaBetas", rsaBetas);
            return m;
        }

        /** The {@link #COLUMNS}: class fractions of all units, betas, ablation accuracies of context-1-only and mixed units. */
        @Override
        public Map<String, Object> toRow() {
            Map<String, Object> row = new LinkedHashMap<>();
            double total = unitClasses.values().stream().mapToDouble(Integer::doubleValue).sum();
            row.put("units_dead", unitClasses.get("dead") / total);
            row.put("units_context1_only", unitClasses.get("context1-only") / total);
            row.put("units_context2_only", unitClasses.get("context2-only") / total);
            row.put("units_mixed", unitClasses.get("mixed") / total);
            row.put("rsa_grid", rsaBetas.get("grid"));
            row.put("rsa_orthogonal", rsaBetas.get("orthogonal"));
            row.put("rsa_parallel", rsaBetas.get("parallel"));
            double[] c1 = ablationAccuracyPerContext.get("context1-only");
            double[] mixed = ablationAccuracyPerContext.get("mixed");
            row.put("ablation_context1_only_context1", c1[0]);
            row.put("ablation_context1_only_context2", c1[1]);
            row.put("ablation_mixed_context1", mixed[0]);
            row.put("ablation_mixed_context2", mixed[1]);
            return row;
        }
    }

    public static Result analyse(Network net, TaskData data, double[] offset) {
        int[] cls = unitClasses(net, data);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int c = 0; c < CLASSES.length; c++) {
            int cc = c;
            counts.put(CLASSES[c], (int) java.util.Arrays.stream(cls).filter(x -> x == cc).count());
        }
        Map<String, double[]> ablation = new LinkedHashMap<>();
        for (int c = 1; c < CLASSES.length; c++) {
            boolean[] ablate = new boolean[cls.length];
            for (int i = 0; i < cls.length; i++) {
                ablate[i] = cls[i] == c;
            }
            double[] y = RegimeMetrics.centred(net.outputs(data, ablate), offset);
            ablation.put(CLASSES[c], new double[] {data.signAccuracy(y, 0), data.signAccuracy(y, 1)});
        }
        return new Result(counts, ablation, rsaBetas(net.activity(data)));
    }

    /** Names of the model RDMs, in the order of {@link #modelEmbeddings}. */
    public static final String[] MODELS = {"grid", "orthogonal", "parallel"};

    /** The model embeddings (grid, orthogonal, parallel) of the p task samples, in task sample order. */
    static double[][][] modelEmbeddings(int p) {
        int[][] idx = FleschTreesTask.featureIndices();
        double[][][] models = new double[3][p][];
        for (int s = 0; s < p; s++) {
            int k = s / 25;
            int bIdx = idx[s % 25][0] - 2;
            int lIdx = idx[s % 25][1] - 2;
            models[0][s] = new double[] {lIdx, bIdx};
            models[1][s] = k == 0 ? new double[] {lIdx, 0} : new double[] {0, bIdx};
            models[2][s] = new double[] {k == 0 ? lIdx : bIdx};
        }
        return models;
    }

    /**
     * The RDM of a representation as a full p × p matrix of Euclidean distances divided by their
     * mean over pairs: unit mean, so that RDMs of networks whose activity differs in scale (rich
     * against lazy) or of a model can be averaged over seeds and shown on comparable colour scales.
     * All zero if every pair is at distance zero.
     */
    public static double[][] normalisedRdm(double[][] x) {
        int p = x.length;
        double[] pairs = rdm(x);
        double mean = 0;
        for (double d : pairs) {
            mean += d / pairs.length;
        }
        double[][] out = new double[p][p];
        int r = 0;
        for (int s = 0; s < p; s++) {
            for (int t = s + 1; t < p; t++) {
                double v = mean > 0 ? pairs[r] / mean : 0;
                out[s][t] = v;
                out[t][s] = v;
                r++;
            }
        }
        return out;
    }

    /**
     * The samples of the coarse RDM: both features at the grid's two ends and its middle (levels
     * 1, 3, 5 of 5), 9 trees per context, 18 conditions in task sample order (context-major, then
     * branchiness, then leafiness). The block structure that tells the grid, orthogonal and
     * parallel models apart is all there, in a table an eighth the size of the 50 × 50 one.
     */
    public static int[] coarseConditions() {
        int[][] idx = FleschTreesTask.featureIndices();
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int s = 0; s < 50; s++) {
            int[] f = idx[s % 25];
            if (f[0] % 2 == 0 && f[1] % 2 == 0) {
                out.add(s);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The normalised hidden RDM and the model RDMs ({@link #MODELS}) of a trained network over the
     * given samples (e.g. {@link #coarseConditions}).
     */
    public static Map<String, double[][]> rdms(Network net, TaskData data, int[] samples) {
        double[][] activity = net.activity(data);
        double[][][] models = modelEmbeddings(activity.length);
        Map<String, double[][]> out = new LinkedHashMap<>();
        out.put("hidden", normalisedRdm(select(activity, samples)));
        for (int q = 0; q < MODELS.length; q++) {
            out.put(MODELS[q], normalisedRdm(select(models[q], samples)));
        }
        return out;
    }

    private static double[][] select(double[][] rows, int[] samples) {
        double[][] out = new double[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            out[i] = rows[samples[i]];
        }
        return out;
    }

    /** Betas (grid, orthogonal, parallel) of the hidden RDM; activity rows in task sample order. */
    public static Map<String, Double> rsaBetas(double[][] activity) {
        int p = activity.length;
        double[][][] models = modelEmbeddings(p);
        int pairs = p * (p - 1) / 2;
        double[] target = zscore(rdm(activity));
        double[][] design = new double[pairs][4];
        double[][] mr = new double[3][];
        for (int q = 0; q < 3; q++) {
            mr[q] = zscore(rdm(models[q]));
        }
        for (int r = 0; r < pairs; r++) {
            design[r][0] = 1;
            for (int q = 0; q < 3; q++) {
                design[r][q + 1] = mr[q][r];
            }
        }
        double[] beta = leastSquares(design, target);
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("grid", beta[1]);
        out.put("orthogonal", beta[2]);
        out.put("parallel", beta[3]);
        return out;
    }

    static double[] rdm(double[][] x) {
        int p = x.length;
        double[] d = new double[p * (p - 1) / 2];
        int r = 0;
        for (int s = 0; s < p; s++) {
            for (int t = s + 1; t < p; t++) {
                double sum = 0;
                for (int j = 0; j < x[s].length; j++) {
                    double dd = x[s][j] - x[t][j];
                    sum += dd * dd;
                }
                d[r++] = Math.sqrt(sum);
            }
        }
        return d;
    }

    static double[] zscore(double[] x) {
        double mean = 0;
        for (double a : x) {
            mean += a / x.length;
        }
        double var = 0;
        for (double a : x) {
            var += (a - mean) * (a - mean) / x.length;
        }
        double sd = Math.sqrt(var);
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = sd == 0 ? 0 : (x[i] - mean) / sd;
        }
        return z;
    }

    /** Ordinary least squares via the normal equations (small design, Gaussian elimination with pivoting). */
    static double[] leastSquares(double[][] x, double[] y) {
        int k = x[0].length;
        double[][] a = new double[k][k + 1];
        for (int r = 0; r < x.length; r++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][j] += x[r][i] * x[r][j];
                }
                a[i][k] += x[r][i] * y[r];
            }
        }
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) {
                    piv = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[piv];
            a[piv] = tmp;
            if (Math.abs(a[col][col]) < 1e-12) {
                continue;
            }
            for (int r = 0; r < k; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int j = col; j <= k; j++) {
                        a[r][j] -= f * a[col][j];
                    }
                }
            }
        }
        double[] beta = new double[k];
        for (int i = 0; i < k; i++) {
            beta[i] = Math.abs(a[i][i]) < 1e-12 ? Double.NaN : a[i][k] / a[i][i];
        }
        return beta;
    }
}
