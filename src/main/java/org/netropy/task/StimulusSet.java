package org.netropy.task;

import java.util.SplittableRandom;
import org.netropy.io.InvalidInputException;

/**
 * The stimuli {@code u ∈ R^D} a task is evaluated on (THEORY §1): a grid
 * {@code linspace(-1,1,n)^D × amplitude} or Gaussian draws {@code u ~ N(0, amplitude² I)}.
 * The exact set is recorded with every run, so it is a plain matrix once built.
 *
 * @param stimuli P rows of D numbers
 */
public record StimulusSet(double[][] stimuli) {

    public StimulusSet {
        InvalidInputException.require(stimuli != null && stimuli.length > 0, "stimuli", "at least one stimulus", 0);
    }

    /** Full grid of n points per feature in [-amplitude, amplitude]; n^D stimuli. */
    public static StimulusSet grid(int features, int pointsPerFeature, double amplitude) {
        InvalidInputException.inRange("features", features, 1, 64);
        InvalidInputException.inRange("grid points", pointsPerFeature, 1, 1001);
        InvalidInputException.positive("stimulus amplitude", amplitude);
        double total = Math.pow(pointsPerFeature, features);
        InvalidInputException.require(total <= 1_000_000, "grid size (points^features)", "at most 1e6", (long) total);
        int p = (int) total;
        double[][] u = new double[p][features];
        for (int s = 0; s < p; s++) {
            int rest = s;
            for (int j = 0; j < features; j++) {
                int idx = rest % pointsPerFeature;
                rest /= pointsPerFeature;
                double x = pointsPerFeature == 1 ? 0 : -1 + 2.0 * idx / (pointsPerFeature - 1);
                u[s][j] = amplitude * x;
            }
        }
        return new StimulusSet(u);
    }

    /** {@code count} draws of N(0, amplitude² I_D) from the given stream. */
    public static StimulusSet gaussian(int features, int count, double amplitude, SplittableRandom random) {
        InvalidInputException.inRange("features", features, 1, 100_000);
        InvalidInputException.inRange("stimulus count", count, 1, 10_000_000);
        InvalidInputException.positive("stimulus amplitude", amplitude);
        double[][] u = new double[count][features];
        for (double[] row : u) {
            for (int j = 0; j < features; j++) {
                row[j] = amplitude * random.nextGaussian();
            }
        }
        return new StimulusSet(u);
    }

    /**
     * {@code count} (even) stimuli in antithetic pairs u, −u with u ~ N(0, amplitude² I_D): a set
     * symmetric about 0 like the grid, so a neuron's measured gain (fraction of stimuli on which it
     * is active) is at least 1/2 exactly when its operating point v_k + b is positive, and the
     * binarised pattern at threshold 1/2 is its sign pattern (THEORY §3).
     */
    public static StimulusSet gaussianPairs(int features, int count, double amplitude, SplittableRandom random) {
        InvalidInputException.require(count >= 2 && count % 2 == 0, "stimulus count", "an even number >= 2 (pairs u, -u)", count);
        double[][] half = gaussian(features, count / 2, amplitude, random).stimuli();
        double[][] u = new double[count][];
        for (int i = 0; i < half.length; i++) {
            u[2 * i] = half[i];
            u[2 * i + 1] = java.util.Arrays.stream(half[i]).map(x -> -x).toArray();
        }
        return new StimulusSet(u);
    }

    public int size() {
        return stimuli.length;
    }

    public int features() {
        return stimuli[0].length;
    }
}
