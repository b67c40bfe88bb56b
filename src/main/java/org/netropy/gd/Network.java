package org.netropy.gd;

import org.netropy.connectivity.NeuronTable;
import org.netropy.task.TaskData;

/**
 * One two-layer network in plain Java (THEORY §2):
 * {@code h_i = w_i·u + v_i·c + b_i}, {@code y = factor · Σ_i z_i φ(h_i) + c_out}, with
 * {@code factor = α s(N)}. Training runs on ND4J ({@link EnsembleEngine}); this class is the
 * exact reference used for the gains, the regime metrics, the closed-form tangent kernel and the
 * tests (finite differences, hand-derived updates).
 *
 * @param w          N × D stimulus weights
 * @param v          N × C context weights
 * @param b          N hidden biases
 * @param z          N readout weights in the network's own convention
 * @param outputBias c_out
 * @param factor     α s(N)
 * @param activation φ
 */
public record Network(double[][] w, double[][] v, double[] b, double[] z, double outputBias, double factor,
                      Activation activation) {

    public int hidden() {
        return z.length;
    }

    public int features() {
        return w[0].length;
    }

    public int contexts() {
        return v[0].length;
    }

    /** Hidden pre-activations h[μ][i]. */
    public double[][] preactivations(TaskData data) {
        int p = data.size();
        int n = hidden();
        double[][] h = new double[p][n];
        for (int s = 0; s < p; s++) {
            double[] u = data.stimuli()[s];
            double[] c = data.cues()[s];
            for (int i = 0; i < n; i++) {
                double a = b[i];
                double[] wi = w[i];
                for (int j = 0; j < wi.length; j++) {
                    a += wi[j] * u[j];
                }
                double[] vi = v[i];
                for (int k = 0; k < vi.length; k++) {
                    a += vi[k] * c[k];
                }
                h[s][i] = a;
            }
        }
        return h;
    }

    /** Hidden activity φ(h)[μ][i]. */
    public double[][] activity(TaskData data) {
        double[][] h = preactivations(data);
        for (double[] row : h) {
            for (int i = 0; i < row.length; i++) {
                row[i] = activation.apply(row[i]);
            }
        }
        return h;
    }

    /** Outputs f(x_μ), uncentred. */
    public double[] outputs(TaskData data) {
        return outputs(data, null);
    }

    /** Outputs with the neurons whose {@code ablated[i]} is true removed (ablation analysis). */
    public double[] outputs(TaskData data, boolean[] ablated) {
        double[][] a = activity(data);
        double[] y = new double[a.length];
        for (int s = 0; s < a.length; s++) {
            double sum = 0;
            for (int i = 0; i < z.length; i++) {
                if (ablated == null || !ablated[i]) {
                    sum += z[i] * a[s][i];
                }
            }
            y[s] = factor * sum + outputBias;
        }
        return y;
    }

    /** Loss {@code scale · ½ Σ (f − offset − y*)²}; offset may be null (no centring). */
    public double loss(TaskData data, double[] offset, double scale) {
        double[] y = outputs(data);
        double l = 0;
        for (int s = 0; s < y.length; s++) {
            double r = y[s] - (offset == null ? 0 : offset[s]) - data.targets()[s];
            l += r * r;
        }
        return 0.5 * scale * l;
    }

    /**
     * Exact gradient of {@link #loss} by hand-derived back-propagation:
     * {@code ∂L/∂z_i = factor Σ e_μ φ(h_iμ)}, {@code ∂L/∂h_iμ = e_μ factor z_i φ'(h_iμ)},
     * {@code e_μ = scale (y_μ − y*_μ)}. Bias gradients are zeroed when the bias is not trained.
     */
    public Network gradient(TaskData data, double[] offset, double scale, boolean hiddenBias, boolean trainOutputBias) {
        double[][] h = preactivations(data);
        double[] y = outputs(data);
        int n = hidden();
        double[][] gw = new double[n][features()];
        double[][] gv = new double[n][contexts()];
        double[] gb = new double[n];
        double[] gz = new double[n];
        double gc = 0;
        for (int s = 0; s < y.length; s++) {
            double e = scale * (y[s] - (offset == null ? 0 : offset[s]) - data.targets()[s]);
            gc += e;
            double[] u = data.stimuli()[s];
            double[] c = data.cues()[s];
            for (int i = 0; i < n; i++) {
                gz[i] += factor * e * activation.apply(h[s][i]);
                double dh = e * factor * z[i] * activation.slope(h[s][i]);
                for (int j = 0; j < u.length; j++) {
                    gw[i][j] += dh * u[j];
                }
                for (int k = 0; k < c.length; k++) {
                    gv[i][k] += dh * c[k];
                }
                gb[i] += dh;
            }
        }
        if (!hiddenBias) {
            java.util.Arrays.fill(gb, 0);
        }
        return new Network(gw, gv, gb, gz, trainOutputBias ? gc : 0, factor, activation);
    }

    /** {@code this − rate · g} on every parameter. */
    public Network minus(Network g, double rate) {
        int n = hidden();
        double[][] w2 = new double[n][features()];
        double[][] v2 = new double[n][contexts()];
        double[] b2 = new double[n];
        double[] z2 = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < features(); j++) {
                w2[i][j] = w[i][j] - rate * g.w[i][j];
            }
            for (int k = 0; k < contexts(); k++) {
                v2[i][k] = v[i][k] - rate * g.v[i][k];
            }
            b2[i] = b[i] - rate * g.b[i];
            z2[i] = z[i] - rate * g.z[i];
        }
        return new Network(w2, v2, b2, z2, outputBias - rate * g.outputBias, factor, activation);
    }

    /** Gains {@code g_ik = mean over the stimuli of context k of φ'(h_i)} (THEORY §5). */
    public double[][] gains(TaskData data) {
        double[][] h = preactivations(data);
        int n = hidden();
        int c = data.contexts();
        double[][] g = new double[n][c];
        int[] count = new int[c];
        for (int s = 0; s < h.length; s++) {
            int k = data.context()[s];
            count[k]++;
            for (int i = 0; i < n; i++) {
                g[i][k] += activation.slope(h[s][i]);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                g[i][k] = count[k] == 0 ? Double.NaN : g[i][k] / count[k];
            }
        }
        return g;
    }

    /** The shared single-neuron table, z in the mean-field convention ({@code z_mf = N · factor · z}). */
    public NeuronTable toTable(TaskData data) {
        int n = hidden();
        double[] zmf = new double[n];
        for (int i = 0; i < n; i++) {
            zmf[i] = n * factor * z[i];
        }
        return NeuronTable.of(deepCopy(w), deepCopy(v), b.clone(), zmf, gains(data));
    }

    /** A network from a table (mean-field z), for {@code --init-from}. */
    public static Network fromTable(NeuronTable t, double factor, double outputBias, Activation activation) {
        int n = t.size();
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = t.z()[i] / (n * factor);
        }
        return new Network(deepCopy(t.w()), deepCopy(t.v()), t.b().clone(), z, outputBias, factor, activation);
    }

    /** Parameters as one vector: w (row-major), v, b, z, c. */
    public double[] flatten() {
        int n = hidden();
        int d = features();
        int c = contexts();
        double[] x = new double[n * (d + c + 2) + 1];
        int q = 0;
        for (double[] row : w) {
            for (double a : row) {
                x[q++] = a;
            }
        }
        for (double[] row : v) {
            for (double a : row) {
                x[q++] = a;
            }
        }
        for (double a : b) {
            x[q++] = a;
        }
        for (double a : z) {
            x[q++] = a;
        }
        x[q] = outputBias;
        return x;
    }

    /** Inverse of {@link #flatten} with this network's shape. */
    public Network unflatten(double[] x) {
        int n = hidden();
        int d = features();
        int c = contexts();
        double[][] w2 = new double[n][d];
        double[][] v2 = new double[n][c];
        double[] b2 = new double[n];
        double[] z2 = new double[n];
        int q = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                w2[i][j] = x[q++];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < c; k++) {
                v2[i][k] = x[q++];
            }
        }
        for (int i = 0; i < n; i++) {
            b2[i] = x[q++];
        }
        for (int i = 0; i < n; i++) {
            z2[i] = x[q++];
        }
        return new Network(w2, v2, b2, z2, x[q], factor, activation);
    }

    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
