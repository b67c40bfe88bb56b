package org.netropy.task;

import org.netropy.io.InvalidInputException;

/**
 * The knobs a task factory may read (tasks ignore those that do not apply; the Flesch task has
 * none). Validated here so every entry point fails the same way.
 *
 * @param contexts       C (input selection)
 * @param taskMatrix     task matrix text "1,0;0,1", or null for the identity A = I_C
 * @param normalisation  target normalisation across contexts
 * @param stimulusSet    "grid", "gaussian" or "gaussian-pairs" (antithetic draws u, −u)
 * @param gridPoints     n points per feature on the grid
 * @param amplitude      stimulus amplitude (grid half-width or Gaussian std)
 * @param stimulusCount  number of Gaussian stimuli
 */
public record TaskOptions(int contexts, String taskMatrix, TargetNormalisation normalisation,
                          String stimulusSet, int gridPoints, double amplitude, int stimulusCount) {

    public TaskOptions {
        InvalidInputException.inRange("--contexts", contexts, 1, 4096);
        InvalidInputException.require(normalisation != null, "--normalisation", "none or sqrt-contexts", "null");
        InvalidInputException.require("grid".equals(stimulusSet) || "gaussian".equals(stimulusSet)
                        || "gaussian-pairs".equals(stimulusSet), "--stimuli", "grid, gaussian or gaussian-pairs", stimulusSet);
        InvalidInputException.inRange("--grid-points", gridPoints, 1, 1001);
        InvalidInputException.positive("--amplitude", amplitude);
        InvalidInputException.inRange("--stimulus-count", stimulusCount, 1, 10_000_000);
    }

    /** Defaults: C = 2, A = I, no normalisation, 5-point grid of amplitude 1, 100 Gaussian stimuli. */
    public static TaskOptions defaults() {
        return new TaskOptions(2, null, TargetNormalisation.NONE, "grid", 5, 1.0, 100);
    }

    public TaskOptions withContexts(int c) {
        return new TaskOptions(c, taskMatrix, normalisation, stimulusSet, gridPoints, amplitude, stimulusCount);
    }
}
