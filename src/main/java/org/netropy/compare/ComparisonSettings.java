package org.netropy.compare;

import java.util.List;
import org.netropy.io.InvalidInputException;
import org.netropy.task.TaskMatrix;

/**
 * Everything a comparison depends on besides its inputs and seed; echoed into comparison.json.
 *
 * @param threshold             gain threshold defining the binary pattern (gain ≥ threshold → '1')
 * @param sensitivityThresholds thresholds at which fractions are also reported (first and last bound the ambiguous band)
 * @param confidence            joint coverage of the fraction intervals
 * @param task                  task matrix A for the alignment and selectivity angles, or null (not reported)
 * @param jointColumns          columns of the joint distribution (energy distance) and of the clustering; empty → w_1..w_D, z
 * @param clustering            label-free clustering settings
 * @param energySample          at most this many neurons per table enter the O(n²) energy distance
 * @param modelSampleSize       neurons sampled from a {@link PopulationModel} (0: as many as the trained table)
 * @param minPopulation         populations with fewer neurons get no cross-covariance error or covariance KL
 * @param tolerances            pass criteria of the verdicts (equivalence margins)
 * @param verdicts              how the verdicts' confidence bounds are computed
 */
public record ComparisonSettings(double threshold, List<Double> sensitivityThresholds, double confidence, TaskMatrix task,
                                 List<String> jointColumns, PopulationClustering.Settings clustering, int energySample,
                                 int modelSampleSize, int minPopulation, Tolerances tolerances,
                                 VerdictBootstrap verdicts) {

    /**
     * The design-respecting bootstrap behind the verdicts' confidence bounds.
     *
     * @param replicates   bootstrap replicates
     * @param pairedRows   rows 2i and 2i+1 form one resampling unit (the mirror pairs of symmetric
     *                     gradient-descent initialisation and of the max-ent sampler's antithetic
     *                     draws); also valid, if slightly conservative, for independent rows
     * @param familyErrorRate the family-wise rate of false "not reproduced" verdicts of the overall
     *                     verdict (Bonferroni over its verdicts); each "reproduced" is at this level too
     */
    public record VerdictBootstrap(int replicates, boolean pairedRows, double familyErrorRate) {
        public VerdictBootstrap {
            InvalidInputException.inRange("--verdict-bootstrap", replicates, 50, 100_000);
            InvalidInputException.require(familyErrorRate > 0 && familyErrorRate < 0.5, "--error-rate", "a number in (0, 0.5)", familyErrorRate);
        }

        /** The defaults declared in {@link ComparisonOptions#SCHEMA}. */
        public static VerdictBootstrap defaults() {
            return ComparisonSettings.defaults().verdicts();
        }
    }

    public ComparisonSettings {
        InvalidInputException.require(threshold > 0 && threshold < 1, "--threshold", "a number in (0, 1)", threshold);
        InvalidInputException.require(sensitivityThresholds.size() >= 2, "sensitivity thresholds", "at least two numbers", sensitivityThresholds);
        for (double t : sensitivityThresholds) {
            InvalidInputException.require(t > 0 && t < 1, "sensitivity thresholds", "numbers in (0, 1)", sensitivityThresholds);
        }
        sensitivityThresholds = sensitivityThresholds.stream().sorted().toList();
        InvalidInputException.require(confidence > 0 && confidence < 1, "--confidence", "a number in (0, 1)", confidence);
        jointColumns = jointColumns == null ? List.of() : List.copyOf(jointColumns);
        InvalidInputException.inRange("--energy-sample", energySample, 10, 1_000_000);
        InvalidInputException.inRange("--model-sample", modelSampleSize, 0, 100_000_000);
        InvalidInputException.inRange("--min-population", minPopulation, 2, 1_000_000);
    }

    /**
     * Equivalence margins. A verdict is "reproduced" when the upper confidence bound of its
     * distance is below the margin, "not reproduced" when the lower bound is above it, and
     * "inconclusive" otherwise (docs/COMPARATOR.md gives the reasons for the values).
     *
     * @param totalVariation            TV between population fractions (fraction of neurons that would change population)
     * @param crossCovariance           fraction-weighted relative L2 error of E[zw|g]
     * @param marginalKs                largest KS statistic over the w and z marginals
     * @param energyCoefficient         H = energy/(2E|X−Y|) on the joint
     * @param stabilityZ                z above which clustering structure counts as present
     */
    public record Tolerances(double totalVariation, double crossCovariance, double marginalKs, double energyCoefficient,
                             double stabilityZ) {
        public Tolerances {
            InvalidInputException.probability("--tol-tv", totalVariation);
            InvalidInputException.positive("--tol-crosscov", crossCovariance);
            InvalidInputException.probability("--tol-ks", marginalKs);
            InvalidInputException.probability("--tol-energy", energyCoefficient);
            InvalidInputException.positive("--tol-stability-z", stabilityZ);
        }

        /** The defaults declared in {@link ComparisonOptions#SCHEMA}. */
        public static Tolerances defaults() {
            return ComparisonSettings.defaults().tolerances();
        }
    }

    /** The defaults declared in {@link ComparisonOptions#SCHEMA} (threshold 0.5, 95% intervals, ...), with no task matrix. */
    public static ComparisonSettings defaults() {
        return ComparisonOptions.settings(ComparisonOptions.SCHEMA.resolve(java.util.Map.of(), org.netropy.options.Naming.SPEC), null);
    }

    public ComparisonSettings withJointColumns(List<String> columns) {
        return new ComparisonSettings(threshold, sensitivityThresholds, confidence, task, columns, clustering,
                energySample, modelSampleSize, minPopulation, tolerances, verdicts);
    }

    public ComparisonSettings withTask(TaskMatrix newTask) {
        return new ComparisonSettings(threshold, sensitivityThresholds, confidence, newTask, jointColumns, clustering,
                energySample, modelSampleSize, minPopulation, tolerances, verdicts);
    }
}
