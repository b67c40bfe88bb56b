package org.netropy.task;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netropy.io.InvalidInputException;

/**
 * Context-dependent input selection (THEORY §1): every stimulus of the set is shown in every
 * context k with a one-hot cue, and the target is {@code y*(u,k) = A[:,k]·u}. The task matrix is
 * shared with the maximum-entropy engine, so both engines solve literally the same task.
 *
 * @param matrix       task matrix A (already normalised; D × C)
 * @param stimuli      the stimulus set (P_u × D)
 * @param stimulusKind "grid" or "gaussian", recorded
 * @param normalisation the target normalisation that was applied to A, recorded
 */
public record InputSelectionTask(TaskMatrix matrix, StimulusSet stimuli, String stimulusKind,
                                 TargetNormalisation normalisation) implements Task {

    public static final String NAME = "input-selection";

    public InputSelectionTask {
        InvalidInputException.require(matrix.features() == stimuli.features(), "stimulus set",
                "D = " + matrix.features() + " features (rows of the task matrix)", stimuli.features());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String paper() {
        return "Hruza & Ostojic 2026 (arXiv:2605.25607); Dubreuil et al. 2022, Nat. Neurosci.";
    }

    @Override
    public String description() {
        return "In context k report A[:,k]·u: select (or mix) the stimulus features the context asks for.";
    }

    @Override
    public int features() {
        return matrix.features();
    }

    @Override
    public int contexts() {
        return matrix.contexts();
    }

    /** Samples ordered context-major: all stimuli in context 1, then in context 2, ... */
    @Override
    public TaskData data() {
        int pu = stimuli.size();
        int c = contexts();
        int p = pu * c;
        double[][] u = new double[p][];
        double[][] cue = new double[p][];
        int[] ctx = new int[p];
        double[] y = new double[p];
        for (int k = 0; k < c; k++) {
            for (int s = 0; s < pu; s++) {
                int i = k * pu + s;
                u[i] = stimuli.stimuli()[s].clone();
                cue[i] = new double[c];
                cue[i][k] = 1.0;
                ctx[i] = k;
                y[i] = matrix.target(stimuli.stimuli()[s], k);
            }
        }
        return new TaskData(u, cue, ctx, y);
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", NAME);
        m.put("features", features());
        m.put("contexts", contexts());
        m.put("taskMatrix", matrix.entries());
        m.put("targetNormalisation", normalisation.label());
        m.put("stimulusSet", stimulusKind);
        m.put("stimuli", stimuli.stimuli());
        return m;
    }
}
