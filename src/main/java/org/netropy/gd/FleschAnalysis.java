package org.netropy.gd;

import java.util.LinkedHashMap;
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
                         Map<String, Double> rsaBetas) {
        /** The record in metrics.json. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("unitClasses", unitClasses);
            m.put("ablationAccuracyPerContext", ablationAccuracyPerContext);
            m.put("rsaBetas", rsaBetas);
            return m;
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

    /** Betas (grid, orthogonal, parallel) of the hidden RDM; activity rows in task sample order. */
    public static Map<String, Double> rsaBetas(double[][] activity) {
        int p = activity.length;
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
