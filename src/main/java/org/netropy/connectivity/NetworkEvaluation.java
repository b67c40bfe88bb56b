package org.netropy.connectivity;

import java.util.function.DoubleUnaryOperator;
import org.netropy.task.StimulusSet;
import org.netropy.task.TaskMatrix;

/**
 * Runs the actual nonlinear network of a single-neuron table on a stimulus set
 * (THEORY §2 mean-field readout {@code y(u,k) = (1/N) Σ_i z_i φ(w_i·u + v_ik + b_i)}) and
 * regresses its output on the target {@code A[:,k]·u} in every context: a network that solves
 * the task has slope 1, intercept 0 and a small MSE.
 *
 * @param slopes     per-context regression slope of y on the target
 * @param intercepts per-context intercept
 * @param mse        per-context mean squared error {@code mean (y − y*)²}
 * @param overallMse MSE over all contexts and stimuli
 */
public record NetworkEvaluation(double[] slopes, double[] intercepts, double[] mse, double overallMse) {

    public static NetworkEvaluation of(NeuronTable net, DoubleUnaryOperator activation, TaskMatrix task, StimulusSet stimuli) {
        int c = task.contexts();
        int d = task.features();
        org.netropy.io.InvalidInputException.require(net.features() == d && net.contexts() == c, "neuron table",
                "D=" + d + " and C=" + c + " to match the task", "D=" + net.features() + ", C=" + net.contexts());
        int n = net.size();
        int p = stimuli.size();
        double[] slopes = new double[c];
        double[] intercepts = new double[c];
        double[] mse = new double[c];
        double total = 0;
        double[] wu = new double[n];
        double[][] outputs = new double[c][p];
        for (int s = 0; s < p; s++) {
            double[] u = stimuli.stimuli()[s];
            for (int i = 0; i < n; i++) {
                double h = 0;
                for (int j = 0; j < d; j++) {
                    h += net.w()[i][j] * u[j];
                }
                wu[i] = h;
            }
            for (int k = 0; k < c; k++) {
                double y = 0;
                for (int i = 0; i < n; i++) {
                    y += net.z()[i] * activation.applyAsDouble(wu[i] + net.v()[i][k] + net.b()[i]);
                }
                outputs[k][s] = y / n;
            }
        }
        for (int k = 0; k < c; k++) {
            double mt = 0;
            double my = 0;
            double[] target = new double[p];
            for (int s = 0; s < p; s++) {
                target[s] = task.target(stimuli.stimuli()[s], k);
                mt += target[s];
                my += outputs[k][s];
            }
            mt /= p;
            my /= p;
            double cov = 0;
            double var = 0;
            double err = 0;
            for (int s = 0; s < p; s++) {
                cov += (target[s] - mt) * (outputs[k][s] - my);
                var += (target[s] - mt) * (target[s] - mt);
                double e = outputs[k][s] - target[s];
                err += e * e;
            }
            slopes[k] = var > 0 ? cov / var : Double.NaN;
            intercepts[k] = my - (var > 0 ? slopes[k] : 0) * mt;
            mse[k] = err / p;
            total += err;
        }
        return new NetworkEvaluation(slopes, intercepts, mse, total / (p * (double) c));
    }

    /** {@code Â = (1/N) Σ_i z_i w_i g_iᵀ}: the task the table's linearised network computes (D × C). */
    public static double[][] linearisedTask(NeuronTable net) {
        int d = net.features();
        int c = net.contexts();
        double[][] a = new double[d][c];
        for (int i = 0; i < net.size(); i++) {
            for (int j = 0; j < d; j++) {
                double zw = net.z()[i] * net.w()[i][j];
                for (int k = 0; k < c; k++) {
                    a[j][k] += zw * net.gain()[i][k];
                }
            }
        }
        for (double[] row : a) {
            for (int k = 0; k < c; k++) {
                row[k] /= net.size();
            }
        }
        return a;
    }
}
