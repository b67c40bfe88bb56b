package org.netropy.experiment.kinds;

import java.util.List;
import java.util.Map;
import org.netropy.connectivity.NeuronTableCsv;
import org.netropy.options.ParameterSchema;
import org.netropy.options.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.RunContext;
import org.netropy.experiment.RunKind;
import org.netropy.gd.FleschAnalysis;
import org.netropy.gd.TaskAnalyses;
import org.netropy.gd.GdOptions;
import org.netropy.gd.GdResult;
import org.netropy.io.InvalidInputException;
import org.netropy.gd.GdRunSpec;
import org.netropy.gd.GdTrainer;
import org.netropy.random.RandomStreams;

/**
 * One network trained by gradient descent (figures 7 and 8): the regime metrics of THEORY §4
 * (weight change per layer, kernel alignment, CKA, ...) and, for the Flesch task, unit classes,
 * RSA betas and ablations. The initial and final single-neuron tables can be kept in the run
 * folder.
 */
public final class GdTrainKind implements RunKind {
    private static final ParameterSchema SCHEMA = GdOptions.SCHEMA.plus(List.of(
            ParameterSpec.flag("save_tables", false, "write neurons_init.csv and neurons.csv into the run folder"),
            ParameterSpec.text("rdm_scales", "", "flesch: input initial scales (comma-separated) whose runs also give the"
                    + " hidden and model RDMs of 18 conditions as rows (rdm_row, rdm_col); empty: none")));

    /** Row keys of the RDM rows: condition numbers 1..18; {@link #NO_CELL} on the other rows. */
    public static final String RDM_ROW = "rdm_row";
    public static final String RDM_COL = "rdm_col";
    public static final String NO_CELL = "-";

    @Override
    public String name() {
        return "gd-train";
    }

    @Override
    public String description() {
        return "train one network by gradient descent (DL4J/ND4J) and report its regime metrics";
    }

    @Override
    public ParameterSchema parameters() {
        return SCHEMA;
    }

    /** Row key of the loss curve: a step number, or {@link #FINAL} for the row of end-of-training metrics. */
    public static final String STEP = "step";
    public static final String FINAL = "final";

    @Override
    public List<String> rowKeys() {
        return List.of(STEP, RDM_ROW, RDM_COL);
    }

    @Override
    public List<String> measures() {
        List<String> m = new java.util.ArrayList<>(org.netropy.gd.RegimeMetrics.COLUMNS);
        m.add("loss");
        m.add("rdm_hidden");
        for (String model : FleschAnalysis.MODELS) {
            m.add("rdm_model_" + model);
        }
        return m;
    }

    @Override
    public void validate(ResolvedParameters p) {
        GdOptions.validate(p);
        List<Double> scales = rdmScales(p);
        InvalidInputException.require(scales.isEmpty() || drawsRdms(p.string("task")), "rdm_scales",
                "empty unless the task's analysis draws RDMs (task flesch: its 50 conditions)", p.string("rdm_scales"));
    }

    /** Whether the analysis a task declares on its registry line draws RDMs. */
    private static boolean drawsRdms(String task) {
        String name = org.netropy.task.TaskRegistry.analysis(task);
        return TaskAnalyses.all().stream().anyMatch(a -> a.name().equals(name) && a.drawsRdms());
    }

    /** The scales of {@code rdm_scales}, refused with the field's name if one is not a number. */
    static List<Double> rdmScales(ResolvedParameters p) {
        List<Double> out = new java.util.ArrayList<>();
        String text = p.string("rdm_scales").strip();
        for (String part : text.isEmpty() ? new String[0] : text.split(",")) {
            try {
                out.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("rdm_scales must be comma-separated numbers, e.g. '0.01, 3.0' (got '" + text + "')");
            }
        }
        return out;
    }

    /** What a run computes with: the training run and whether it writes its tables. */
    record Options(GdRunSpec spec, boolean saveTables) {}

    @Override
    public Options resolve(ResolvedParameters p) {
        return new Options(GdOptions.runSpec(p, new RandomStreams(p.seed())), p.flag("save_tables"));
    }

    @Override
    public List<Map<String, Object>> run(ResolvedParameters p, RandomStreams random, RunContext context) {
        Options o = resolve(p);
        GdResult r = GdTrainer.train(o.spec(), random);
        if (o.saveTables()) {
            NeuronTableCsv.write(context.file("neurons_init.csv"), r.initialTable());
            NeuronTableCsv.write(context.file("neurons.csv"), r.finalTable());
        }
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        Map<String, Object> metrics = new java.util.LinkedHashMap<>();
        metrics.put(STEP, FINAL);
        metrics.put(RDM_ROW, NO_CELL);
        metrics.put(RDM_COL, NO_CELL);
        metrics.putAll(r.metricsRow());
        rows.add(metrics);
        for (int step : org.netropy.linalg.Grid.oneTwoFive(r.lossCurve().length - 1)) {
            rows.add(Map.of(STEP, step, RDM_ROW, NO_CELL, RDM_COL, NO_CELL, "loss", r.lossCurve()[step]));
        }
        if (rdmScales(p).contains(p.number("init_scale"))) {
            rows.addAll(rdmRows(TaskAnalyses.of(r.spec().task()).rdms(r.last(), r.spec().task().data())));
        }
        return rows;
    }

    /**
     * The RDMs as rows of their upper triangle with the diagonal (the heat map mirrors it):
     * conditions numbered 1..P in task sample order (context-major, then the branchiness level,
     * then the leafiness level of FleschTreesTask; see {@link FleschAnalysis#coarseConditions}).
     */
    static List<Map<String, Object>> rdmRows(Map<String, double[][]> rdms) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        int n = rdms.get("hidden").length;
        for (int s = 0; s < n; s++) {
            for (int t = s; t < n; t++) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                row.put(STEP, FINAL);
                row.put(RDM_ROW, s + 1);
                row.put(RDM_COL, t + 1);
                row.put("rdm_hidden", rdms.get("hidden")[s][t]);
                for (String model : FleschAnalysis.MODELS) {
                    row.put("rdm_model_" + model, rdms.get(model)[s][t]);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
