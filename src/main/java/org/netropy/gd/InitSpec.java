package org.netropy.gd;

import org.netropy.io.InvalidInputException;
import org.netropy.linalg.EffectiveRank;

/**
 * Initial weights (THEORY §4; separate scales as in Flesch et al. 2022): w ~ N(0, σ_w²),
 * v ~ N(0, σ_v²), b = b₀ + σ_b ξ, z ~ N(0, σ_z²) in the network's own readout convention, output
 * bias c₀. σ_w is the rich ↔ lazy knob (σ₀ of the mean-field learning rate).
 *
 * @param stimulusScale   σ_w ≥ 0
 * @param contextScale    σ_v ≥ 0
 * @param biasMean        b₀
 * @param biasScale       σ_b ≥ 0
 * @param readoutScale    σ_z ≥ 0
 * @param outputBiasInit  c₀
 * @param symmetric       mirror pairs: neuron 2j+1 copies neuron 2j with z negated, so y₀ ≡ 0
 * @param lowRank         structure of the stimulus-weight matrix
 * @param rankMeasure     measure used by {@link LowRankSpec.Mode#EFFECTIVE}
 */
public record InitSpec(double stimulusScale, double contextScale, double biasMean, double biasScale,
                       double readoutScale, double outputBiasInit, boolean symmetric, LowRankSpec lowRank,
                       EffectiveRank rankMeasure) {

    public InitSpec {
        InvalidInputException.nonNegative("--init-scale", stimulusScale);
        InvalidInputException.nonNegative("--context-scale", contextScale);
        InvalidInputException.require(Double.isFinite(biasMean), "--bias-init", "a finite number", biasMean);
        InvalidInputException.nonNegative("--bias-scale", biasScale);
        InvalidInputException.nonNegative("--readout-scale", readoutScale);
        InvalidInputException.require(Double.isFinite(outputBiasInit), "--output-bias-init", "a finite number", outputBiasInit);
        if (lowRank == null) {
            lowRank = LowRankSpec.FULL;
        }
        if (rankMeasure == null) {
            rankMeasure = EffectiveRank.ENTROPY;
        }
    }

    /** Every block N(0, σ²), no biases: the mean-field default of THEORY §4. */
    public static InitSpec uniform(double sigma) {
        return new InitSpec(sigma, sigma, 0, 0, sigma, 0, false, LowRankSpec.FULL, EffectiveRank.ENTROPY);
    }

    public InitSpec withStimulusScale(double s) {
        return new InitSpec(s, contextScale, biasMean, biasScale, readoutScale, outputBiasInit, symmetric, lowRank, rankMeasure);
    }

    public InitSpec withLowRank(LowRankSpec l) {
        return new InitSpec(stimulusScale, contextScale, biasMean, biasScale, readoutScale, outputBiasInit, symmetric, l, rankMeasure);
    }

    public InitSpec withSymmetric(boolean sym) {
        return new InitSpec(stimulusScale, contextScale, biasMean, biasScale, readoutScale, outputBiasInit, sym, lowRank, rankMeasure);
    }
}
