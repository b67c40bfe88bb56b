package org.netropy.gd;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * ½ Σ_outputs (y − y*)² per example, gradient y − y*: the engine's loss before the factor f_P
 * ({@link LossScale}). DL4J divides score and gradient by the minibatch size when the configuration
 * has {@code miniBatch(true)}, which gives f_P = 1/B ({@code mean}); {@code miniBatch(false)} gives
 * the summed loss ({@code sum}). DL4J's own MSE is (1/n_out) Σ (y − y*)², twice this, which would
 * need halved rates instead.
 */
final class HalfSquaredError implements ILossFunction {

    private static INDArray residual(INDArray labels, INDArray preOutput, IActivation activation) {
        return activation.getActivation(preOutput.dup(), true).subi(labels);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask, boolean average) {
        double s = computeScoreArray(labels, preOutput, activation, mask).sumNumber().doubleValue();
        return average ? s / labels.size(0) : s;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        INDArray r = residual(labels, preOutput, activation);
        return r.muli(r).sum(true, 1).muli(0.5);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activation, INDArray mask) {
        return activation.backprop(preOutput.dup(), residual(labels, preOutput, activation)).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activation,
                                                         INDArray mask, boolean average) {
        return Pair.of(computeScore(labels, preOutput, activation, mask, average), computeGradient(labels, preOutput, activation, mask));
    }

    @Override
    public String name() {
        return "half-squared-error";
    }

    @Override
    public String toString() {
        return name();
    }
}
