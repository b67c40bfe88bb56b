package org.netropy.gd;

import org.netropy.io.InvalidInputException;

/**
 * Structure of the initial stimulus-weight matrix W (N × D), THEORY §4 (Liu et al. 2023).
 * All variants start from the same Gaussian G of the seed, so ranks are paired across a sweep.
 *
 * <ul>
 *   <li>FULL: W = G.</li>
 *   <li>RANK r: top-r SVD truncation of G, rescaled to ‖G‖_F.</li>
 *   <li>SPECTRAL r: top-r truncation without rescaling (keeps ‖G‖₂; avoids the confound that the
 *       Frobenius-matched variant raises the top singular value as r falls).</li>
 *   <li>EFFECTIVE e: G's singular vectors (Haar) with spectrum s_i ∝ i^−γ, γ by bisection so that
 *       the chosen effective-rank measure equals e, at ‖G‖_F.</li>
 *   <li>ALIGNED r / ANTI_ALIGNED r: G projected on (or orthogonally to) the span of the
 *       per-context input–target covariance directions, truncated to rank r, at ‖G‖_F.</li>
 * </ul>
 *
 * @param mode  variant
 * @param value rank r (integer) or target effective rank e
 */
public record LowRankSpec(Mode mode, double value) {

    public enum Mode { FULL, RANK, SPECTRAL, EFFECTIVE, ALIGNED, ANTI_ALIGNED }

    public LowRankSpec {
        InvalidInputException.require(mode != null, "low-rank mode", "set", "null");
        if (mode != Mode.FULL && mode != Mode.EFFECTIVE) {
            InvalidInputException.require(value >= 1 && value == Math.rint(value), "--rank", "an integer >= 1", value);
        }
        if (mode == Mode.EFFECTIVE) {
            InvalidInputException.require(Double.isFinite(value) && value >= 1, "--rank", "a number >= 1 (init_rank effective)", value);
        }
    }

    public static final LowRankSpec FULL = new LowRankSpec(Mode.FULL, 0);

    public static LowRankSpec rank(int r) {
        return new LowRankSpec(Mode.RANK, r);
    }

    public int rank() {
        return (int) value;
    }

    public String describe() {
        return mode == Mode.FULL ? "full" : mode.name().toLowerCase().replace('_', '-') + " " + (mode == Mode.EFFECTIVE ? value : (int) value);
    }
}
