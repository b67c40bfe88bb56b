package org.netropy.task;

import org.netropy.io.InvalidInputException;

/**
 * The exact training set of a task (THEORY §1), one row per sample: stimulus {@code u ∈ R^D},
 * context cue {@code c ∈ R^C} (one-hot, possibly rescaled), the context index and the scalar
 * target. Every run records this object, so a result can be reproduced without re-deriving it.
 *
 * @param stimuli P × D stimuli as fed to the network (after any task normalisation)
 * @param cues    P × C context cues as fed to the network
 * @param context P context indices in [0, C)
 * @param targets P targets y*
 */
public record TaskData(double[][] stimuli, double[][] cues, int[] context, double[] targets) {

    public TaskData {
        int p = targets.length;
        InvalidInputException.require(p > 0, "task data", "at least one sample", 0);
        InvalidInputException.require(stimuli.length == p && cues.length == p && context.length == p,
                "task data", "stimuli, cues, contexts and targets of equal length",
                stimuli.length + "/" + cues.length + "/" + context.length + "/" + p);
        int c = cues[0].length;
        for (int k : context) {
            InvalidInputException.require(k >= 0 && k < c, "task data context index", "in [0, " + c + ")", k);
        }
    }

    public int size() {
        return targets.length;
    }

    public int features() {
        return stimuli[0].length;
    }

    public int contexts() {
        return cues[0].length;
    }

    /** Network input of sample μ: the stimulus followed by the context cue, length D + C. */
    public double[] input(int sample) {
        double[] x = new double[features() + contexts()];
        System.arraycopy(stimuli[sample], 0, x, 0, features());
        System.arraycopy(cues[sample], 0, x, features(), contexts());
        return x;
    }

    /** All inputs as a P × (D + C) matrix. */
    public double[][] inputs() {
        double[][] x = new double[size()][];
        for (int s = 0; s < x.length; s++) {
            x[s] = input(s);
        }
        return x;
    }

    /** Indices of the samples of context k. */
    public int[] samplesOfContext(int k) {
        return java.util.stream.IntStream.range(0, size()).filter(s -> context[s] == k).toArray();
    }

    /**
     * Sign accuracy: fraction of samples with a non-zero target whose output has the target's
     * sign (the Flesch et al. 2022 criterion; samples with target 0 are not scored).
     */
    public double signAccuracy(double[] outputs) {
        InvalidInputException.require(outputs.length == size(), "outputs", "one per sample (" + size() + ")", outputs.length);
        int scored = 0;
        int right = 0;
        for (int s = 0; s < size(); s++) {
            if (targets[s] != 0) {
                scored++;
                if (Math.signum(outputs[s]) == Math.signum(targets[s])) {
                    right++;
                }
            }
        }
        return scored == 0 ? Double.NaN : (double) right / scored;
    }

    /** Sign accuracy restricted to the samples of context k. */
    public double signAccuracy(double[] outputs, int k) {
        int scored = 0;
        int right = 0;
        for (int s = 0; s < size(); s++) {
            if (context[s] == k && targets[s] != 0) {
                scored++;
                if (Math.signum(outputs[s]) == Math.signum(targets[s])) {
                    right++;
                }
            }
        }
        return scored == 0 ? Double.NaN : (double) right / scored;
    }
}
