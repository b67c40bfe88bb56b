package org.netropy.maxent;

import org.netropy.io.InvalidInputException;
import org.netropy.task.TaskMatrix;

/**
 * A maximum-entropy problem (THEORY §3): the task constraints {@code E_P[z g_k w_j] = A_jk}
 * (eq. 1) and the reference law {@code π = N(w; 0, σ_w² S) N(z; 0, σ_z²) π_G(g)}, with S = I unless
 * a structured {@link WeightPrior} is given (THEORY §3, "structured reference law").
 *
 * @param task    the task matrix A (D × C), already normalised
 * @param sigmaW  σ_w, scale of the stimulus weights in the reference law
 * @param sigmaZ  σ_z, scale of the readout in the reference law
 * @param prior   the gain prior π_G over C contexts
 * @param weights the shape S of the stimulus-weight reference law (trace D; isotropic by default)
 */
public record MaxEntProblem(TaskMatrix task, double sigmaW, double sigmaZ, GainPrior prior, WeightPrior weights) {

    public MaxEntProblem {
        InvalidInputException.positive("sigma-w", sigmaW);
        InvalidInputException.positive("sigma-z", sigmaZ);
        InvalidInputException.require(prior.contexts() == task.contexts(), "gain prior",
                "one gain per context of the task (" + task.contexts() + ")", prior.contexts());
        InvalidInputException.require(weights != null, "weight prior", "given (WeightPrior.ISOTROPIC by default)", "null");
        InvalidInputException.require(weights.isotropic() || weights.dimension() == task.features(), "reference covariance",
                "D x D with D = " + task.features() + " stimulus features", weights.dimension() + " x " + weights.dimension());
    }

    /** The isotropic reference law {@code N(0, σ_w² I)}. */
    public MaxEntProblem(TaskMatrix task, double sigmaW, double sigmaZ, GainPrior prior) {
        this(task, sigmaW, sigmaZ, prior, WeightPrior.ISOTROPIC);
    }

    /** The default problem: A = I_C (normalised), σ_w = σ_z = σ, uniform binary gains. */
    public static MaxEntProblem of(TaskMatrix task, double sigma, GainPrior prior) {
        return new MaxEntProblem(task, sigma, sigma, prior);
    }

    /** σ_w = σ_z = σ with a structured stimulus-weight reference law. */
    public static MaxEntProblem of(TaskMatrix task, double sigma, GainPrior prior, WeightPrior weights) {
        return new MaxEntProblem(task, sigma, sigma, prior, weights);
    }

    public int features() {
        return task.features();
    }

    public int contexts() {
        return task.contexts();
    }

    /** κ = σ_w² σ_z². */
    public double kappa() {
        return sigmaW * sigmaW * sigmaZ * sigmaZ;
    }

    /** The same problem with both scales multiplied by {@code factor} (continuation, norm matching). */
    public MaxEntProblem withScaleFactor(double factor) {
        return new MaxEntProblem(task, sigmaW * factor, sigmaZ * factor, prior, weights);
    }

    /** The same problem with another gain prior (a refined quadrature of the same law). */
    public MaxEntProblem withPrior(GainPrior other) {
        return new MaxEntProblem(task, sigmaW, sigmaZ, other, weights);
    }

    /** The same problem at σ_w = σ_z = sigma. */
    public MaxEntProblem withSigma(double sigma) {
        return new MaxEntProblem(task, sigma, sigma, prior, weights);
    }

    /** The same problem at σ_w = sigmaW, σ_z = sigmaZ (a scan keeps the task and both priors). */
    public MaxEntProblem withSigmas(double newSigmaW, double newSigmaZ) {
        return new MaxEntProblem(task, newSigmaW, newSigmaZ, prior, weights);
    }
}
