package org.netropy.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The result of one comparison of a table "a" (observed, e.g. trained) with a reference "b"
 * (a second table or a {@link PopulationModel}); serialised as comparison.json with these keys.
 * Relative errors and KL divergences are taken with b as the reference. Null means "not
 * defined" (e.g. a population too small, or no task matrix given).
 *
 * @param seed                   root seed of every random choice (subsamples, model sample, clustering)
 * @param a                      summary of side a
 * @param b                      summary of side b
 * @param settings               the settings used
 * @param populationFractions    pattern → fractions of a and b with Goodman simultaneous intervals
 * @param totalVariation         ½ Σ|P_a − P_b| at the main threshold
 * @param totalVariationNoise95  95th percentile of the same statistic when both sides come from one law (sampling noise)
 * @param jensenShannon          Jensen–Shannon divergence of the fractions, in bits
 * @param thresholdSensitivity   threshold → fractions, TV and JS at that threshold
 * @param populations            pattern → per-population statistics of a and b
 * @param crossCovarianceError   pattern → |E_a[zw|g] − E_b[zw|g]| / |E_b[zw|g]|
 * @param crossCovarianceErrorWeighted √(Σ P_b |ΔE|²) / √(Σ P_b |E_b|²) over populations compared
 * @param crossCovarianceNoise   two standard errors of the weighted error (sampling noise)
 * @param covarianceKl           mixture-matched Gaussian KL of the (w, z) covariances
 * @param marginals              column → KS, Wasserstein-1 and KS p-value on sign-canonical tables
 * @param energyDistance         energy distance on the joint columns (V-statistic)
 * @param energy                 its scale-free coefficient and the subsample sizes
 * @param selectivityAngles      angles between w and the task direction A g (null without a task)
 * @param clustering             "a"/"b" → label-free clustering results
 * @param members                "a"/"b" → spread over ensemble members (only for sides with several members)
 * @param verdicts               one verdict per comparison with its pass criterion
 * @param overall                verdict on the primary predictions (fractions and cross-covariances)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Comparison(long seed, TableSummary a, TableSummary b, ComparisonSettings settings,
                         Map<String, FractionPair> populationFractions, double totalVariation,
                         double totalVariationNoise95, double jensenShannon,
                         Map<String, Sensitivity> thresholdSensitivity,
                         Map<String, PopulationPair> populations, Map<String, Double> crossCovarianceError,
                         Double crossCovarianceErrorWeighted, Double crossCovarianceNoise, CovarianceKl covarianceKl,
                         Map<String, Marginal> marginals, double energyDistance, Energy energy,
                         Angles selectivityAngles, Map<String, PopulationClustering.Result> clustering,
                         Map<String, MemberSpread> members, List<Verdict> verdicts, String overall) {

    /**
     * One side of the comparison.
     *
     * @param source             file name or model description
     * @param kind               "table" or "model"
     * @param neurons            neurons in the table (for a model: in its sample)
     * @param members            ensemble members (1 without a member column)
     * @param features           D
     * @param contexts           C
     * @param ambiguousFraction  neurons whose pattern changes within the sensitivity band
     * @param meanSquaredNorm    E[|w|² + z²] (the R² to norm-match a max-ent σ, THEORY §3)
     */
    public record TableSummary(String source, String kind, int neurons, int members, int features, int contexts,
                               double ambiguousFraction, double meanSquaredNorm) {}

    /** Fractions of one pattern (intervals null for an analytic model). */
    public record FractionPair(double a, double b, Double aLow, Double aHigh, Double bLow, Double bHigh) {}

    /** Population fractions at one threshold. */
    public record Sensitivity(Map<String, Double> a, Map<String, Double> b, double totalVariation, double jensenShannon) {}

    /** Statistics of one population on both sides (null where the side has no such neurons). */
    public record PopulationPair(PopulationStatistics.Population a, PopulationStatistics.Population b) {}

    /**
     * Mixture-matched Gaussian KL (Hershey &amp; Olsen 2007's matched bound), nats:
     * {@code KL(P_a‖P_b) + Σ_g P_a(g) KL(N(0,S_a,g)‖N(0,S_b,g))} over the populations both sides
     * have enough neurons in (fractions renormalised over them).
     */
    public record CovarianceKl(Map<String, Double> perPattern, Double matchedBound, double unmatchedFractionA) {}

    /** Two-sample distances of one column. */
    public record Marginal(double ks, double wasserstein1, double ksPValue) {}

    /** Energy distance details: H = energy/(2E|X−Y|) ∈ [0,1], subsample sizes and columns. */
    public record Energy(double coefficient, int sampleA, int sampleB, List<String> columns) {}

    /** Selectivity angles (degrees, in [0, 180]) between sign-canonical w and A g. */
    public record Angles(Map<String, Double> meanA, Map<String, Double> meanB, double ks, double binDegrees,
                         int[] histogramA, int[] histogramB) {}

    /** Mean, standard deviation, minimum and maximum over ensemble members. */
    public record Spread(double mean, double sd, double min, double max) {}

    /** Per-member statistics of a side with an ensemble, each against the other side. */
    public record MemberSpread(int members, Spread totalVariation, Spread jensenShannon, Spread crossCovarianceError,
                               Map<String, Spread> fractions) {}

    /**
     * A verdict. For the bootstrapped distances (fractions, E[zw|g]): "reproduced" when the upper
     * confidence bound is below the tolerance (the equivalence margin), "not reproduced" when the
     * lower bound is above it, otherwise "inconclusive"; {@code lower}/{@code upper} are the bounds
     * and {@code errorRate} the one-sided rate of a false "not reproduced". Secondary verdicts
     * (marginals, joint, clustering) keep a noise level and have no bounds (null).
     */
    public record Verdict(String name, String statistic, Double value, Double tolerance, Double noise, Double lower, Double upper,
                          Double errorRate, String outcome, String criterion) {}
}
