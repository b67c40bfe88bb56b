package org.netropy.gd;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netropy.linalg.EffectiveRank;
import org.netropy.linalg.Svd;
import org.netropy.task.FleschTreesTask;
import org.netropy.task.TaskData;

/**
 * How far training moved a network from its initial state (THEORY §4): the rich ↔ lazy
 * diagnostics. All are computed in plain Java from the initial and final {@link Network}.
 */
public final class RegimeMetrics {
    private RegimeMetrics() {}

    /** Relative change {@code ‖X_T − X_0‖_F / ‖X_0‖_F} (NaN when X_0 = 0). */
    public static double relativeChange(double[][] x0, double[][] x1) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < x0.length; i++) {
            for (int j = 0; j < x0[i].length; j++) {
                double dlt = x1[i][j] - x0[i][j];
                num += dlt * dlt;
                den += x0[i][j] * x0[i][j];
            }
        }
        return den == 0 ? Double.NaN : Math.sqrt(num / den);
    }

    public static double relativeChange(double[] x0, double[] x1) {
        return relativeChange(new double[][] {x0}, new double[][] {x1});
    }

    /**
     * Flesch et al. 2022 change-of-norm statistic, {@code (‖X_T‖_F − ‖X_0‖_F)/‖X_0‖_F}: how much
     * the weight norm grew (rich learning grows small weights; lazy learning barely changes them).
     */
    public static double normChange(double[][] x0, double[][] x1) {
        double n0 = Svd.frobenius(x0);
        return n0 == 0 ? Double.NaN : (Svd.frobenius(x1) - n0) / n0;
    }

    /** Fraction of (sample, neuron) pairs whose pre-activation changed sign (activation pattern). */
    public static double activationHamming(Network a, Network b, TaskData data) {
        double[][] h0 = a.preactivations(data);
        double[][] h1 = b.preactivations(data);
        long diff = 0;
        long total = 0;
        for (int s = 0; s < h0.length; s++) {
            for (int i = 0; i < h0[s].length; i++) {
                total++;
                if ((h0[s][i] > 0) != (h1[s][i] > 0)) {
                    diff++;
                }
            }
        }
        return (double) diff / total;
    }

    /** Per-neuron {@code q_i = |w_i|² + |v_i|² + b_i² − z_i²}, conserved by gradient flow for ReLU with equal rates. */
    public static double[] conservedQuantity(Network net) {
        double[] q = new double[net.hidden()];
        for (int i = 0; i < q.length; i++) {
            q[i] = org.netropy.linalg.Vectors.dot(net.w()[i], net.w()[i]) + org.netropy.linalg.Vectors.dot(net.v()[i], net.v()[i])
                    + net.b()[i] * net.b()[i] - net.z()[i] * net.z()[i];
        }
        return q;
    }

    /** {@code max_i |q_i(T) − q_i(0)|} divided by the mean initial per-neuron squared norm. */
    public static double conservedDrift(Network a, Network b) {
        double[] q0 = conservedQuantity(a);
        double[] q1 = conservedQuantity(b);
        double max = 0;
        double scale = 0;
        for (int i = 0; i < q0.length; i++) {
            max = Math.max(max, Math.abs(q1[i] - q0[i]));
            scale += (org.netropy.linalg.Vectors.dot(a.w()[i], a.w()[i]) + org.netropy.linalg.Vectors.dot(a.v()[i], a.v()[i])
                    + a.b()[i] * a.b()[i] + a.z()[i] * a.z()[i]) / q0.length;
        }
        return scale == 0 ? Double.NaN : max / scale;
    }

    /** Every metric of one run, keyed by name (JSON-friendly). */
    public static Map<String, Object> compute(GdRunSpec spec, Network init, Network fin, double[] offset) {
        TaskData data = spec.task().data();
        Map<String, Object> m = new LinkedHashMap<>();
        double scale = spec.loss().factor(data.size());
        m.put("initialLoss", init.loss(data, offset, scale));
        m.put("finalLoss", fin.loss(data, offset, scale));
        double[] y = centred(fin.outputs(data), offset);
        m.put("accuracy", data.signAccuracy(y));
        double[] accCtx = new double[data.contexts()];
        for (int k = 0; k < accCtx.length; k++) {
            accCtx[k] = data.signAccuracy(y, k);
        }
        m.put("accuracyPerContext", accCtx);
        Map<String, Double> rel = new LinkedHashMap<>();
        rel.put("stimulus", relativeChange(init.w(), fin.w()));
        rel.put("context", relativeChange(init.v(), fin.v()));
        rel.put("hiddenBias", relativeChange(init.b(), fin.b()));
        rel.put("readout", relativeChange(init.z(), fin.z()));
        rel.put("hidden", relativeChange(hiddenLayer(init), hiddenLayer(fin)));
        m.put("relativeChange", rel);
        Map<String, Double> norm = new LinkedHashMap<>();
        norm.put("stimulus", normChange(init.w(), fin.w()));
        norm.put("hidden", normChange(hiddenLayer(init), hiddenLayer(fin)));
        norm.put("readout", normChange(new double[][] {init.z()}, new double[][] {fin.z()}));
        m.put("normChange", norm);
        m.put("ntkAlignment", RepresentationSimilarity.cosine(
                TangentKernel.full(init, data, spec.hiddenBias(), spec.outputBias()),
                TangentKernel.full(fin, data, spec.hiddenBias(), spec.outputBias())));
        m.put("ntkAlignmentStimulus", RepresentationSimilarity.cosine(
                TangentKernel.stimulusOnly(init, data), TangentKernel.stimulusOnly(fin, data)));
        double[][] g0 = RepresentationSimilarity.gram(init.activity(data));
        double[][] g1 = RepresentationSimilarity.gram(fin.activity(data));
        m.put("representationAlignment", RepresentationSimilarity.cosine(g0, g1));
        m.put("cka", RepresentationSimilarity.cka(g0, g1));
        m.put("activationHamming", activationHamming(init, fin, data));
        m.put("conservedDrift", spec.activation().homogeneous() && spec.optimizer() == Optimizer.GD
                ? conservedDrift(init, fin) : Double.NaN);
        m.put("effectiveRankInit", EffectiveRank.all(init.w()));
        m.put("effectiveRankFinal", EffectiveRank.all(fin.w()));
        if (spec.task() instanceof FleschTreesTask) {
            m.put("flesch", FleschAnalysis.analyse(fin, data, offset));
        }
        return m;
    }

    static double[] centred(double[] y, double[] offset) {
        if (offset == null) {
            return y;
        }
        double[] c = new double[y.length];
        for (int s = 0; s < y.length; s++) {
            c[s] = y[s] - offset[s];
        }
        return c;
    }

    /** Rows [w_i, v_i, b_i]: the whole input-to-hidden layer. */
    static double[][] hiddenLayer(Network net) {
        int d = net.features();
        int c = net.contexts();
        double[][] a = new double[net.hidden()][d + c + 1];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(net.w()[i], 0, a[i], 0, d);
            System.arraycopy(net.v()[i], 0, a[i], d, c);
            a[i][d + c] = net.b()[i];
        }
        return a;
    }
}
