package org.netropy.gd;

import java.util.List;
import java.util.Map;
import org.netropy.task.TaskData;

/**
 * A representation analysis of a trained network that a task's paper reports (e.g. Flesch et
 * al. 2022's unit classes and RSA, {@link FleschAnalysis}). A task asks for one by name on its
 * {@link org.netropy.task.TaskRegistry} line; {@link TaskAnalyses} keeps them by that name, so
 * the metrics never test for a concrete task.
 */
public interface TaskAnalysis {

    /** The name a task declares ({@link org.netropy.task.TaskRegistry.Entry#analysis}). */
    String name();

    /** Key of the result in metrics.json. */
    String jsonKey();

    /** The flat table columns it adds after the regime metrics (snake_case; each needs a Codebook entry). */
    List<String> columns();

    /** The analysis of the final network (outputs centred by {@code offset}, null for none). */
    Result analyse(Network net, TaskData data, double[] offset);

    /**
     * Representational dissimilarity matrices of the final network that the task's paper draws
     * (Flesch et al. 2022, Fig. 2: the network's and the model RDMs), by name; empty when the
     * analysis draws none (then a spec's {@code rdm_scales} is refused).
     */
    default Map<String, double[][]> rdms(Network net, TaskData data) {
        return Map.of();
    }

    /** Whether {@link #rdms} gives matrices. */
    default boolean drawsRdms() {
        return false;
    }

    /** One network's analysis, in the two formats of the run's outputs. */
    interface Result {
        /** The record under {@link TaskAnalysis#jsonKey} in metrics.json. */
        Map<String, Object> toJson();

        /** The values of {@link TaskAnalysis#columns}, in that order. */
        Map<String, Object> toRow();
    }
}
