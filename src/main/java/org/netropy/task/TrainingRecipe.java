package org.netropy.task;

import org.netropy.io.InvalidInputException;

/**
 * How a task's reference networks are trained when a run does not say otherwise: the defaults of
 * its paper, declared once with the task (its {@link TaskRegistry} line) and read by the
 * gradient-descent engine, the CLI and the spec kinds alike. Names are the engine's option values
 * (the task layer does not depend on the engine).
 *
 * @param hiddenBias     trained hidden biases b_i
 * @param outputBias     trained output bias c
 * @param readout        "mean-field" (1/N, THEORY §4) or "unit" (a plain dense readout)
 * @param learningRate   base learning rate η
 * @param lrScaling      "mean-field" (η scaled with N, THEORY §4) or "plain"
 * @param loss           "mean" or "sum" squared error
 * @param biasInit       initial value of the hidden and output biases
 * @param contextScale   initial std of the context weights; NaN: the stimulus-weight scale σ₀
 * @param readoutScale   initial std of the readout weights; NaN: σ₀
 * @param mirrorPairs    mirror-pair initialisation by default in specs (zero initial output)
 */
public record TrainingRecipe(boolean hiddenBias, boolean outputBias, String readout, double learningRate, String lrScaling,
                             String loss, double biasInit, double contextScale, double readoutScale, boolean mirrorPairs) {

    public TrainingRecipe {
        InvalidInputException.require(readout.equals("mean-field") || readout.equals("unit"), "recipe readout",
                "mean-field or unit", readout);
        InvalidInputException.require(lrScaling.equals("mean-field") || lrScaling.equals("plain"), "recipe lr scaling",
                "mean-field or plain", lrScaling);
        InvalidInputException.require(loss.equals("mean") || loss.equals("sum"), "recipe loss", "mean or sum", loss);
        InvalidInputException.require(learningRate > 0 && Double.isFinite(learningRate), "recipe learning rate", "> 0", learningRate);
    }

    /** Mean-field training of THEORY §4: no biases, readout 1/N, η = 0.05 with mean-field scaling, mean squared error, all blocks N(0, σ₀²). */
    public static final TrainingRecipe MEAN_FIELD = new TrainingRecipe(false, false, "mean-field", 0.05, "mean-field", "mean", 0.0,
            Double.NaN, Double.NaN, true);

    /** The context scale for a stimulus-weight scale σ₀. */
    public double contextScale(double sigma0) {
        return Double.isNaN(contextScale) ? sigma0 : contextScale;
    }

    /** The readout scale for a stimulus-weight scale σ₀. */
    public double readoutScale(double sigma0) {
        return Double.isNaN(readoutScale) ? sigma0 : readoutScale;
    }
}
