package org.netropy.gd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.netropy.linalg.EffectiveRank;
import org.netropy.linalg.Svd;
import org.netropy.task.TaskData;

/**
 * How far training moved a network from its initial state (THEORY §4): the rich ↔ lazy
 * diagnostics of one run, computed in plain Java from the initial and final {@link Network}.
 * The JSON record of metrics.json ({@link #toJson}) and the flat table columns
 * ({@link #toRow}, {@link #COLUMNS}) are both read off one field list ({@link #FIELDS}), here alone;
 * the task's own analysis ({@link TaskAnalysis}) follows in both.
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
 * @param analysis                the representation analysis the task declares (e.g. Flesch et al.'s), else null
 * @param analysisKey             its key in metrics.json (null without an analysis)
 */
public record RegimeMetrics(double initialLoss, double finalLoss, double accuracy, double[] accuracyPerContext,
                            RelativeChange relativeChange, NormChange normChange, double ntkAlignment,
                            double ntkAlignmentStimulus, double representationAlignment, double cka,
                            double activationHamming, double conservedDrift, Map<String, Double> effectiveRankInit,
                            Map<String, Double> effectiveRankFinal, TaskAnalysis.Result analysis, String analysisKey) {

    public RegimeMetrics {
        if ((analysis == null) != (analysisKey == null)) {
            throw new IllegalArgumentException("an analysis result needs its JSON key and vice versa");
        }
    }

    /** Relative change per block: stimulus w, context v, hidden bias b, readout z, the whole hidden layer [w, v, b]. */
    public record RelativeChange(double stimulus, double context, double hiddenBias, double readout, double hidden) {}

    /** Change of norm per block: stimulus w, the hidden layer [w, v, b], readout z. */
    public record NormChange(double stimulus, double hidden, double readout) {}

    /**
     * One reported quantity: its path in metrics.json ("block.key" nests; null: not in the JSON)
     * and its flat column (null: not in the table), with the value each format records.
     */
    private record Field(String json, Function<RegimeMetrics, Object> jsonValue, String column, RowValue rowValue) {
        static Field both(String json, String column, Function<RegimeMetrics, Object> value) {
            return new Field(json, value, column, (m, diverged) -> value.apply(m));
        }

        static Field json(String json, Function<RegimeMetrics, Object> value) {
            return new Field(json, value, null, null);
        }
    }

    /** A table cell; {@code diverged} is the run's, recorded beside its metrics. */
    private interface RowValue {
        Object of(RegimeMetrics m, boolean diverged);
    }

    /** Every field in output order (the JSON keys and the table columns each keep their order). */
    private static final List<Field> FIELDS = List.of(
            Field.json("initialLoss", RegimeMetrics::initialLoss),
            Field.both("finalLoss", "final_loss", RegimeMetrics::finalLoss),
            Field.both("accuracy", "accuracy", RegimeMetrics::accuracy),
            new Field(null, null, "diverged", (m, diverged) -> diverged ? 1.0 : 0.0),
            Field.json("accuracyPerContext", RegimeMetrics::accuracyPerContext),
            Field.both("relativeChange.stimulus", "relative_change_stimulus", m -> m.relativeChange().stimulus()),
            Field.both("relativeChange.context", "relative_change_context", m -> m.relativeChange().context()),
            Field.json("relativeChange.hiddenBias", m -> m.relativeChange().hiddenBias()),
            Field.both("relativeChange.readout", "relative_change_readout", m -> m.relativeChange().readout()),
            Field.json("relativeChange.hidden", m -> m.relativeChange().hidden()),
            Field.both("normChange.stimulus", "norm_change_stimulus", m -> m.normChange().stimulus()),
            Field.json("normChange.hidden", m -> m.normChange().hidden()),
            Field.json("normChange.readout", m -> m.normChange().readout()),
            Field.both("ntkAlignment", "ntk_alignment", RegimeMetrics::ntkAlignment),
            Field.both("ntkAlignmentStimulus", "ntk_alignment_stimulus", RegimeMetrics::ntkAlignmentStimulus),
            Field.both("representationAlignment", "representation_alignment", RegimeMetrics::representationAlignment),
            Field.both("cka", "cka", RegimeMetrics::cka),
            Field.both("activationHamming", "activation_hamming", RegimeMetrics::activationHamming),
            Field.both("conservedDrift", "conserved_drift", RegimeMetrics::conservedDrift),
            new Field("effectiveRankInit", RegimeMetrics::effectiveRankInit, "erank_init", (m, d) -> erank(m.effectiveRankInit())),
            new Field("effectiveRankFinal", RegimeMetrics::effectiveRankFinal, "erank_final", (m, d) -> erank(m.effectiveRankFinal())));

    /** The table columns of {@link #toRow}, snake_case (THEORY §4), then those of every task analysis (only on its task). */
    public static final List<String> COLUMNS = columns();

    private static List<String> columns() {
        List<String> cols = new ArrayList<>();
        for (Field f : FIELDS) {
            if (f.column() != null) {
                cols.add(f.column());
            }
        }
        cols.addAll(TaskAnalyses.columns());
        return List.copyOf(cols);
    }

    /** The flat table row ({@link #COLUMNS}); {@code diverged} is the run's, recorded beside its metrics. */
    public Map<String, Object> toRow(boolean diverged) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            if (f.column() != null) {
                row.put(f.column(), f.rowValue().of(this, diverged));
            }
        }
        if (analysis != null) {
            row.putAll(analysis.toRow());
        }
        return row;
    }

    private static double erank(Map<String, Double> ranks) {
        Double e = ranks.get(EffectiveRank.ENTROPY.label());
        return e == null ? Double.NaN : e;
    }

    /** The record in metrics.json (keys and nesting as the notebooks read them). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Field f : FIELDS) {
            if (f.json() == null) {
                continue;
            }
            int dot = f.json().indexOf('.');
            Map<String, Object> block = dot < 0 ? m
                    : (Map<String, Object>) m.computeIfAbsent(f.json().substring(0, dot), k -> new LinkedHashMap<String, Object>());
            block.put(dot < 0 ? f.json() : f.json().substring(dot + 1), f.jsonValue().apply(this));
        }
        if (analysis != null) {
            m.put(analysisKey, analysis.toJson());
        }
        return m;
    }

    /** Relative change {@code ‖X_T − X_0‖_F / ‖X_0‖_F} (NaN when X_0 = 0). */
    public static double relativeChange(double[][] x0, double[][] x1) {
        return org.netropy.linalg.Vectors.relativeDistance(x1, x0);
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
        TaskAnalysis analysis = TaskAnalyses.of(spec.task());
        return new RegimeMetrics(init.loss(data, offset, scale), fin.loss(data, offset, scale), data.signAccuracy(y), accCtx,
                rel, norm, ntk, ntkStimulus, RepresentationSimilarity.cosine(g0, g1), RepresentationSimilarity.cka(g0, g1),
                activationHamming(init, fin, data),
                spec.activation().homogeneous() && spec.optimizer() == Optimizer.GD ? conservedDrift(init, fin) : Double.NaN,
                EffectiveRank.all(init.w()), EffectiveRank.all(fin.w()),
                analysis == null ? null : analysis.analyse(fin, data, offset), analysis == null ? null : analysis.jsonKey());
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
