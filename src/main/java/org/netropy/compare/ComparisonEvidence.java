package org.netropy.compare;

import java.util.List;
import java.util.Map;
import org.netropy.connectivity.NeuronTable;

/**
 * What a {@link ConnectivityStatistic} reads: the two sides (tables as given and sign-canonical,
 * gain patterns, population statistics; for a model b its sample and exact populations), the
 * resolved settings, the quantities the comparator has already computed for comparison.json, and
 * the error rates of the verdicts' bounds.
 */
public final class ComparisonEvidence {
    private final NeuronTable tableA;
    private final NeuronTable tableB;
    private final NeuronTable canonicalA;
    private final NeuronTable canonicalB;
    private final String[] patternsA;
    private final String[] patternsB;
    private final boolean modelB;
    private final Map<String, PopulationStatistics.Population> populationsA;
    private final Map<String, PopulationStatistics.Population> populationsB;
    private final ComparisonSettings settings;
    private final double totalVariation;
    private final Double crossCovarianceErrorWeighted;
    private final List<String> usedPatterns;
    private final Map<String, Comparison.Marginal> marginals;
    private final Comparison.Energy energy;
    private final Map<String, PopulationClustering.Result> clustering;
    private final double alphaNotReproduced;
    private final double alphaReproduced;
    private final String design;

    ComparisonEvidence(NeuronTable tableA, NeuronTable tableB, NeuronTable canonicalA, NeuronTable canonicalB, String[] patternsA,
                       String[] patternsB, boolean modelB, Map<String, PopulationStatistics.Population> populationsA,
                       Map<String, PopulationStatistics.Population> populationsB, ComparisonSettings settings, double totalVariation,
                       Double crossCovarianceErrorWeighted, List<String> usedPatterns, Map<String, Comparison.Marginal> marginals,
                       Comparison.Energy energy, Map<String, PopulationClustering.Result> clustering, double alphaNotReproduced,
                       double alphaReproduced, String design) {
        this.tableA = tableA;
        this.tableB = tableB;
        this.canonicalA = canonicalA;
        this.canonicalB = canonicalB;
        this.patternsA = patternsA;
        this.patternsB = patternsB;
        this.modelB = modelB;
        this.populationsA = populationsA;
        this.populationsB = populationsB;
        this.settings = settings;
        this.totalVariation = totalVariation;
        this.crossCovarianceErrorWeighted = crossCovarianceErrorWeighted;
        this.usedPatterns = usedPatterns;
        this.marginals = marginals;
        this.energy = energy;
        this.clustering = clustering;
        this.alphaNotReproduced = alphaNotReproduced;
        this.alphaReproduced = alphaReproduced;
        this.design = design;
    }

    /** Table a as given. */
    public NeuronTable tableA() {
        return tableA;
    }

    /** Table b as given, or the sample drawn from model b. */
    public NeuronTable tableB() {
        return tableB;
    }

    /** Table a with the sign symmetry removed (z ≥ 0, {@link SignCanonicalisation}). */
    public NeuronTable canonicalA() {
        return canonicalA;
    }

    public NeuronTable canonicalB() {
        return canonicalB;
    }

    /** Gain pattern of each row of a at the main threshold. */
    public String[] patternsA() {
        return patternsA;
    }

    public String[] patternsB() {
        return patternsB;
    }

    /** Whether b is an analytic model (its populations are exact, its table a sample). */
    public boolean modelB() {
        return modelB;
    }

    public Map<String, PopulationStatistics.Population> populationsA() {
        return populationsA;
    }

    public Map<String, PopulationStatistics.Population> populationsB() {
        return populationsB;
    }

    /** The settings with defaults resolved (e.g. the joint columns). */
    public ComparisonSettings settings() {
        return settings;
    }

    public double totalVariation() {
        return totalVariation;
    }

    public Double crossCovarianceErrorWeighted() {
        return crossCovarianceErrorWeighted;
    }

    /** Patterns with enough neurons on both sides for the E[zw|g] comparison. */
    public List<String> usedPatterns() {
        return usedPatterns;
    }

    public Map<String, Comparison.Marginal> marginals() {
        return marginals;
    }

    public Comparison.Energy energy() {
        return energy;
    }

    /** "a"/"b" → label-free clustering (null for a side too small). */
    public Map<String, PopulationClustering.Result> clustering() {
        return clustering;
    }

    /** One-sided rate of a lower bound (a false "not reproduced"): the family rate over the primary statistics. */
    public double alphaNotReproduced() {
        return alphaNotReproduced;
    }

    /** One-sided rate of an upper bound (a false "reproduced"). */
    public double alphaReproduced() {
        return alphaReproduced;
    }

    /** How the bounds were computed, appended to an equivalence criterion. */
    public String design() {
        return design;
    }
}
