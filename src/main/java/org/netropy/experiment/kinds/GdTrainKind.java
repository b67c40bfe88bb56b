package org.netropy.experiment.kinds;

import java.util.List;
import java.util.Map;
import org.netropy.connectivity.NeuronTableCsv;
import org.netropy.experiment.ParameterSchema;
import org.netropy.experiment.ParameterSpec;
import org.netropy.experiment.ResolvedParameters;
import org.netropy.experiment.RunContext;
import org.netropy.experiment.RunKind;
import org.netropy.gd.GdResult;
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
    private static final ParameterSchema SCHEMA = GdParameters.schema(
            ParameterSpec.flag("save_tables", false, "write neurons_init.csv and neurons.csv into the run folder"));

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
        return List.of(STEP);
    }

    @Override
    public List<String> measures() {
        List<String> m = new java.util.ArrayList<>(GdParameters.METRICS);
        m.add("loss");
        return m;
    }

    @Override
    public void validate(ResolvedParameters p) {
        GdParameters.validate(p);
    }

    /** What a run computes with: the training run and whether it writes its tables. */
    record Options(GdRunSpec spec, boolean saveTables) {}

    @Override
    public Options resolve(ResolvedParameters p) {
        return new Options(GdParameters.resolve(p, SCHEMA), p.flag("save_tables"));
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
        metrics.putAll(GdParameters.metrics(r));
        rows.add(metrics);
        for (int step : org.netropy.linalg.Grid.oneTwoFive(r.lossCurve().length - 1)) {
            rows.add(Map.of(STEP, step, "loss", r.lossCurve()[step]));
        }
        return rows;
    }
}
