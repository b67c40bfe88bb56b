package org.netropy.gd;

import org.netropy.task.TaskData;

/**
 * Closed-form neural tangent kernel of the two-layer network (THEORY §4):
 * {@code K(x,x') = F² [Σ_i φ_i(x)φ_i(x') + (x·x' + 1_b) Σ_i z_i² φ'_i(x)φ'_i(x')] + 1_c}
 * with F = α s(N), x the stimulus followed by the context cue, 1_b/1_c present when the hidden /
 * output biases are trained. The stimulus-weights-only kernel keeps the term
 * {@code F² (u·u') Σ_i z_i² φ'_i φ'_i}. Tests check both against finite differences.
 */
public final class TangentKernel {
    private TangentKernel() {}

    public static double[][] full(Network net, TaskData data, boolean hiddenBias, boolean outputBias) {
        return kernel(net, data, hiddenBias, outputBias, false);
    }

    public static double[][] stimulusOnly(Network net, TaskData data) {
        return kernel(net, data, false, false, true);
    }

    private static double[][] kernel(Network net, TaskData data, boolean hiddenBias, boolean outputBias, boolean stimulusOnly) {
        double[][] h = net.preactivations(data);
        int p = data.size();
        int n = net.hidden();
        double f2 = net.factor() * net.factor();
        double[][] phi = new double[p][n];
        double[][] zs = new double[p][n];
        for (int s = 0; s < p; s++) {
            for (int i = 0; i < n; i++) {
                phi[s][i] = net.activation().apply(h[s][i]);
                zs[s][i] = net.z()[i] * net.activation().slope(h[s][i]);
            }
        }
        double[][] k = new double[p][p];
        for (int s = 0; s < p; s++) {
            for (int t = s; t < p; t++) {
                double inner = org.netropy.linalg.Vectors.dot(data.stimuli()[s], data.stimuli()[t]);
                if (!stimulusOnly) {
                    inner += org.netropy.linalg.Vectors.dot(data.cues()[s], data.cues()[t]) + (hiddenBias ? 1 : 0);
                }
                double back = org.netropy.linalg.Vectors.dot(zs[s], zs[t]);
                double val = f2 * inner * back;
                if (!stimulusOnly) {
                    val += f2 * org.netropy.linalg.Vectors.dot(phi[s], phi[t]) + (outputBias ? 1 : 0);
                }
                k[s][t] = val;
                k[t][s] = val;
            }
        }
        return k;
    }
}
