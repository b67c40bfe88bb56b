package org.netropy.gd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.linalg.EffectiveRank;
import org.netropy.linalg.Svd;
import org.netropy.task.FleschTreesTask;
import org.netropy.task.TaskData;

/**
 * How far training moved a network from its initial state (THEORY §4): the rich ↔ lazy
 * diagnostics of one run, computed in plain Java from the initial and final {@link Network}.
 * The JSON record of metrics.json ({@link #toJson}) and the flat table columns
 * ({@link #toRow}, {@link #COLUMNS}) are both read off these fields, here alone.
 *
 * @param initialLoss             loss of the initial network
 * @param finalLoss               loss of the final network
 * @param accuracy                sign accuracy of the final outputs
 * @param accuracyPerContext      sign accuracy per context
 * @param relativeChange          {@code ‖X_T − X_0‖_F / ‖X_0‖_F} per block
 * @param normChange              Flesch et al. change of norm per block
 * @param ntkAlignment            cosine of the initial and final tangent kernels (all parameters)
 * @param ntkAlignmentStimulus    the same for the stimulus weights alone
 * @param representationAlignment cosine of the initial and final hidden Gram matrices
 * @param cka                     centred kernel alignment of the hidden representations
 * @param activationHamming       fraction of (sample, neuron) activation signs that flipped
 * @param conservedDrift          drift of the conserved q_i (NaN unless homogeneous φ with plain GD)
 * @param effectiveRankInit       effective ranks of the initial stimulus weights, by measure
 * @param effectiveRankFinal      the same for the final stimulus weights
 * @param flesch                  the Flesch et al. analyses on the trees task, else null
 */
public record RegimeMetrics(double initialLoss, double finalLoss, double accuracy, double[] accuracyPerContext,
                            RelativeChange relativeChange, NormChange normChange, double ntkAlignment,
                            double ntkAlignmentStimulus, double representationAlignment, double cka,
                            double activationHamming, double conservedDrift, Map<String, Double> effectiveRankInit,
                            Map<String, Double> effectiveRankFinal, FleschAnalysis.Result flesch) {

    /** Relative change per block: stimulus w, context v, hidden bias b, readout z, the whole hidden layer [w, v, b]. */
    public record RelativeChange(double stimulus, double context, double hiddenBias, double readout, double hidden) {}

    /** Change of norm per block: stimulus w, the hidden layer [w, v, b], readout z. */
    public record NormChange(double stimulus, double hidden, double readout) {}

    /** The table columns of {@link #toRow}, snake_case (THEORY §4); the last fourteen only on the Flesch task. */
    public static final List<String> COLUMNS = List.of("final_loss", "accuracy", "diverged", "relative_change_stimulus",
            "relative_change_context", "relative_change_readout", "norm_change_stimulus", "ntk_alignment",
            "ntk_alignment_stimulus", "representation_alignment", "cka", "activation_hamming", "conserved_drift",
            "erank_init", "erank_final", "units_dead", "units_context1_only", "units_context2_only", "units_mixed",
            "rsa_grid", "rsa_orthogonal", "rsa_parallel", "ablation_context1_only_context1", "ablation_context1_only_context2",
            "ablation_mixed_context1", "ablation_mixed_context2");

    /** The flat table row ({@link #COLUMNS}); {@code diverged} is the run's, recorded beside its metrics. */
    public Map<String, Object> toRow(boolean diverged) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("final_loss", finalLoss);
        row.put("accuracy", accuracy);
        row.put("diverged", diverged ? 1.0 : 0.0);
        row.put("relative_change_stimulus", relativeChange.stimulus());
        row.put("relative_change_context", relativeChange.context());
        row.put("relative_change_readout", relativeChange.readout());
        row.put("norm_change_stimulus", normChange.stimulus());
        row.put("ntk_alignment", ntkAlignment);
        row.put("ntk_alignment_stimulus", ntkAlignmentStimulus);
        row.put("representation_alignment", representationAlignment);
        row.put("cka", cka);
        row.put("activation_hamming", activationHamming);
        row.put("conserved_drift", conservedDrift);
        row.put("erank_init", erank(effectiveRankInit));
        row.put("erank_final", erank(effectiveRankFinal));
        if (flesch != null) {
            Map<String, Integer> classes = flesch.unitClasses();
            double total = classes.values().stream().mapToDouble(Integer::doubleValue).sum();
            row.put("units_dead", classes.get("dead") / total);
            row.put("units_context1_only", classes.get("context1-only") / total);
            row.put("units_context2_only", classes.get("context2-only") / total);
            row.put("units_mixed", classes.get("mixed") / total);
            row.put("rsa_grid", flesch.rsaBetas().get("grid"));
            row.put("rsa_orthogonal", flesch.rsaBetas().get("orthogonal"));
            row.put("rsa_parallel", flesch.rsaBetas().get("parallel"));
            double[] c1 = flesch.ablationAccuracyPerContext().get("context1-only");
            double[] mixed = flesch.ablationAccuracyPerContext().get("mixed");
            row.put("ablation_context1_only_context1", c1[0]);
            row.put("ablation_context1_only_context2", c1[1]);
            row.put("ablation_mixed_context1", mixed[0]);
            row.put("ablation_mixed_context2", mixed[1]);
        }
        return row;
    }

    private static double erank(Map<String, Double> ranks) {
        Double e = ranks.get(EffectiveRank.ENTROPY.label());
        return e == null ? Double.NaN : e;
    }

    /** The record in metrics.json (keys and nesting as the notebooks read them). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("initialLoss", initialLoss);
        m.put("finalLoss", finalLoss);
        m.put("accuracy", accuracy);
        m.put("accuracyPerContext", accuracyPerContext);
        Map<String, Double> rel = new LinkedHashMap<>();
        rel.put("stimulus", relativeChange.stimulus());
        rel.put("context", relativeChange.context());
        rel.put("hiddenBias", relativeChange.hiddenBias());
        rel.put("readout", relativeChange.readout());
        rel.put("hidden", relativeChange.hidden());
        m.put("relativeChange", rel);
        Map<String, Double> norm = new LinkedHashMap<>();
        norm.put("stimulus", normChange.stimulus());
        norm.put("hidden", normChange.hidden());
        norm.put("readout", normChange.readout());
        m.put("normChange", norm);
        m.put("ntkAlignment", ntkAlignment);
        m.put("ntkAlignmentStimulus", ntkAlignmentStimulus);
        m.put("representationAlignment", representationAlignment);
        m.put("cka", cka);
        m.put("activationHamming", activationHamming);
        m.put("conservedDrift", conservedDrift);
        m.put("effectiveRankInit", effectiveRankInit);
        m.put("effectiveRankFinal", effectiveRankFinal);
        if (flesch != null) {
            m.put("flesch", flesch.toJson());
        }
        return m;
    }

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

    /** Every metric of one run. */
    public static RegimeMetrics compute(GdRunSpec spec, Network init, Network fin, double[] offset) {
        TaskData data = spec.task().data();
        double scale = spec.loss().factor(data.size());
        double[] y = centred(fin.outputs(data), offset);
        double[] accCtx = new double[data.contexts()];
        for (int k = 0; k < accCtx.length; k++) {
            accCtx[k] = data.signAccuracy(y, k);
        }
        RelativeChange rel = new RelativeChange(relativeChange(init.w(), fin.w()), relativeChange(init.v(), fin.v()),
                relativeChange(init.b(), fin.b()), relativeChange(init.z(), fin.z()),
                relativeChange(hiddenLayer(init), hiddenLayer(fin)));
        NormChange norm = new NormChange(normChange(init.w(), fin.w()), normChange(hiddenLayer(init), hiddenLayer(fin)),
                normChange(new double[][] {init.z()}, new double[][] {fin.z()}));
        double ntk = RepresentationSimilarity.cosine(TangentKernel.full(init, data, spec.hiddenBias(), spec.outputBias()),
                TangentKernel.full(fin, data, spec.hiddenBias(), spec.outputBias()));
        double ntkStimulus = RepresentationSimilarity.cosine(TangentKernel.stimulusOnly(init, data), TangentKernel.stimulusOnly(fin, data));
        double[][] g0 = RepresentationSimilarity.gram(init.activity(data));
        double[][] g1 = RepresentationSimilarity.gram(fin.activity(data));
        return new RegimeMetrics(init.loss(data, offset, scale), fin.loss(data, offset, scale), data.signAccuracy(y), accCtx,
                rel, norm, ntk, ntkStimulus, RepresentationSimilarity.cosine(g0, g1), RepresentationSimilarity.cka(g0, g1),
                activationHamming(init, fin, data),
                spec.activation().homogeneous() && spec.optimizer() == Optimizer.GD ? conservedDrift(init, fin) : Double.NaN,
                EffectiveRank.all(init.w()), EffectiveRank.all(fin.w()),
                spec.task() instanceof FleschTreesTask ? FleschAnalysis.analyse(fin, data, offset) : null);
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
