package org.netropy.task;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "trees" task of Flesch et al. 2022 (Neuron 110:1258; public code summerfieldlab/
 * Flesch_etal_Neuron, {@code mk_experiment}), the classic rich/lazy context task, exactly as
 * THEORY §1 describes it.
 *
 * <p>Stimuli: a 5 × 5 grid of feature levels (b, l) ∈ linspace(0.2, 0.8, 5)², each shown as a
 * 5 × 5 image of an isotropic Gaussian blob with variance 0.08 centred at (x = b, y = l) on the
 * pixel grid linspace(0, 1, 5)², divided by its maximum (25 inputs). The 25 images are shown in
 * context 1 (cue [1, 0]) and again in context 2 (cue [0, 1]); the 50 × 25 stimulus matrix is
 * divided by its Frobenius norm and so is the 50 × 2 cue matrix. Targets are
 * {@code −linspace(−2, 2, 5)} along the l-index (context 1, "north") or the b-index (context 2,
 * "south"), i.e. values in {−2, −1, 0, 1, 2}; the sign flip is the original code's. Accuracy is the
 * sign agreement on the 40 non-zero targets.
 */
public final class FleschTreesTask implements Task {

    public static final String NAME = "flesch";

    /**
     * The training of Flesch et al. 2022's public code (THEORY §1): hidden and output biases
     * initialised at 0.1, a plain dense readout of initial std 1/100, η = 5e-3 without scaling,
     * summed squared error, context weights of std 1, no mirror pairs.
     */
    public static final TrainingRecipe RECIPE = new TrainingRecipe(true, true, "unit", 5e-3, "plain", "sum", 0.1, 1.0, 1.0 / 100,
            false);

    /**
     * The representation analysis of the paper run on every trained network of this task (unit
     * classes, ablations, RSA; kept by the engine under this name).
     */
    public static final String ANALYSIS = "flesch";
    static final int RESOLUTION = 5;
    static final double BLOB_VARIANCE = 0.08;

    private final TaskData data = build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String paper() {
        return "Flesch, Juechems, Dumbalska, Saxe & Summerfield 2022, Neuron 110:1258 (code: summerfieldlab/Flesch_etal_Neuron)";
    }

    @Override
    public String description() {
        return "Gaussian-blob 'trees' on a 5x5 feature grid; context 1 rewards one feature, context 2 the other.";
    }

    @Override
    public int features() {
        return RESOLUTION * RESOLUTION;
    }

    @Override
    public int contexts() {
        return 2;
    }

    @Override
    public TaskData data() {
        return new TaskData(deepCopy(data.stimuli()), deepCopy(data.cues()), data.context().clone(), data.targets().clone());
    }

    /** Feature level index (row i = b-index, column j = l-index) of the 25 stimuli, in sample order. */
    public static int[][] featureIndices() {
        int[][] idx = new int[25][];
        for (int s = 0; s < 25; s++) {
            idx[s] = new int[] {s / RESOLUTION, s % RESOLUTION};
        }
        return idx;
    }

    private static TaskData build() {
        int n = RESOLUTION;
        int units = n * n;
        double[][] blobs = new double[units][units];
        for (int s = 0; s < units; s++) {
            double b = lin(0.2, 0.8, s / n);
            double l = lin(0.2, 0.8, s % n);
            double max = 0;
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double x = lin(0, 1, c);
                    double y = lin(0, 1, r);
                    double g = Math.exp(-((x - b) * (x - b) + (y - l) * (y - l)) / (2 * BLOB_VARIANCE));
                    blobs[s][r * n + c] = g;
                    max = Math.max(max, g);
                }
            }
            for (int q = 0; q < units; q++) {
                blobs[s][q] /= max;
            }
        }
        int p = 2 * units;
        double[][] u = new double[p][];
        double[][] cue = new double[p][];
        int[] ctx = new int[p];
        double[] y = new double[p];
        double stimNorm2 = 0;
        for (int k = 0; k < 2; k++) {
            for (int s = 0; s < units; s++) {
                int i = k * units + s;
                u[i] = blobs[s].clone();
                for (double a : u[i]) {
                    stimNorm2 += a * a;
                }
                cue[i] = new double[2];
                cue[i][k] = 1.0;
                ctx[i] = k;
                // north (context 1): reward varies with the l-index; south (context 2): with the b-index
                double reward = k == 0 ? lin(-2, 2, s % n) : lin(-2, 2, s / n);
                y[i] = -reward + 0.0;
            }
        }
        double stimNorm = Math.sqrt(stimNorm2);
        double cueNorm = Math.sqrt(p);
        for (int i = 0; i < p; i++) {
            for (int q = 0; q < units; q++) {
                u[i][q] /= stimNorm;
            }
            cue[i][0] /= cueNorm;
            cue[i][1] /= cueNorm;
        }
        return new TaskData(u, cue, ctx, y);
    }

    private static double lin(double lo, double hi, int index) {
        return lo + (hi - lo) * index / (RESOLUTION - 1);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", NAME);
        m.put("features", features());
        m.put("contexts", contexts());
        m.put("blobVariance", BLOB_VARIANCE);
        m.put("stimuli", data.stimuli());
        m.put("cues", data.cues());
        m.put("targets", data.targets());
        return m;
    }
}
