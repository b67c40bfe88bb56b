package org.netropy.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The statistics of a comparison, in verdict order (THEORY §5, docs/COMPARATOR.md): the three
 * primary equivalence decisions (population fractions, E[zw|g], marginals) and the two
 * descriptive ones (joint energy, clustering). The comparator computes, bootstraps and decides
 * each, the report writes their verdict rows and the gd-maxent rows their columns, all by
 * iterating this list. To add a statistic, implement {@link ConnectivityStatistic} and add one line.
 */
public final class ConnectivityStatistics {
    private ConnectivityStatistics() {}

    public static final String REPRODUCED = "reproduced";
    public static final String NOT_REPRODUCED = "not reproduced";
    public static final String INCONCLUSIVE = "inconclusive";

    /** TV between the population fractions, equivalence on design-bootstrap bounds. */
    public static final ConnectivityStatistic POPULATION_FRACTIONS = new ConnectivityStatistic() {
        @Override
        public String name() {
            return "populationFractions";
        }

        @Override
        public String primaryLabel() {
            return "fractions";
        }

        @Override
        public String valueColumn() {
            return "total_variation";
        }

        @Override
        public String lowerColumn() {
            return "total_variation_lower";
        }

        @Override
        public String upperColumn() {
            return "total_variation_upper";
        }

        @Override
        public Replicator replicator(ComparisonEvidence e) {
            return r -> Distances.totalVariation(r.fractionsA(), r.fractionsB());
        }

        @Override
        public Comparison.Verdict verdict(ComparisonEvidence e, double[] replicates) {
            double margin = e.settings().tolerances().totalVariation();
            double tv = e.totalVariation();
            return equivalence(name(), "total variation", tv, margin,
                    DesignBootstrap.bounds(tv, replicates, e.alphaNotReproduced(), e.alphaReproduced()), e.alphaNotReproduced(),
                    "TV < " + margin + ": at most that fraction of neurons would have to change population." + e.design());
        }
    };

    /** Fraction-weighted relative L2 error of E[zw|g], equivalence on bounds of the squared scale. */
    public static final ConnectivityStatistic CROSS_COVARIANCE = new ConnectivityStatistic() {
        @Override
        public String name() {
            return "crossCovariance";
        }

        @Override
        public String primaryLabel() {
            return "E[zw|g]";
        }

        @Override
        public String valueColumn() {
            return "cross_covariance_error_weighted";
        }

        @Override
        public String lowerColumn() {
            return "cross_covariance_error_lower";
        }

        @Override
        public String upperColumn() {
            return "cross_covariance_error_upper";
        }

        @Override
        public Replicator replicator(ComparisonEvidence e) {
            return r -> DesignBootstrap.weightedError(r.crossCovarianceA(), r.fractionsB(), r.crossCovarianceB(), e.usedPatterns());
        }

        @Override
        public Comparison.Verdict verdict(ComparisonEvidence e, double[] replicates) {
            double margin = e.settings().tolerances().crossCovariance();
            Double weighted = e.crossCovarianceErrorWeighted();
            double[] bounds = weighted == null ? new double[] {Double.NaN, Double.NaN}
                    : DesignBootstrap.boundsSquared(weighted, replicates, e.alphaNotReproduced(), e.alphaReproduced());
            return equivalence(name(), "weighted relative L2 error of E[zw|g]", weighted, margin, bounds, e.alphaNotReproduced(),
                    "error < " + margin + ": the task-bearing covariance E[zw|g] of each population predicted within that relative error."
                            + e.design());
        }
    };

    /** Largest KS over the sign-canonical w and z marginals, equivalence on design-bootstrap bounds. */
    public static final ConnectivityStatistic MARGINALS = new ConnectivityStatistic() {
        @Override
        public String name() {
            return "marginals";
        }

        @Override
        public String primaryLabel() {
            return "marginals";
        }

        @Override
        public String valueColumn() {
            return "marginal_ks";
        }

        @Override
        public Replicator replicator(ComparisonEvidence e) {
            List<DesignBootstrap.MergedColumn> merged = new ArrayList<>();
            for (String col : ConnectivityComparator.selectivityColumns(e.tableA().features())) {
                merged.add(DesignBootstrap.MergedColumn.of(e.canonicalA().column(col), e.canonicalB().column(col)));
            }
            return r -> {
                double ks = 0;
                for (DesignBootstrap.MergedColumn m : merged) {
                    ks = Math.max(ks, m.ks(r.weightA(), r.weightB(), r.totalA(), r.totalB()));
                }
                return ks;
            };
        }

        @Override
        public Comparison.Verdict verdict(ComparisonEvidence e, double[] replicates) {
            double margin = e.settings().tolerances().marginalKs();
            double ksMax = 0;
            for (String col : ConnectivityComparator.selectivityColumns(e.tableA().features())) {
                ksMax = Math.max(ksMax, e.marginals().get(col).ks());
            }
            return equivalence(name(), "largest KS over the w and z marginals", ksMax, margin,
                    DesignBootstrap.bounds(ksMax, replicates, e.alphaNotReproduced(), e.alphaReproduced()), e.alphaNotReproduced(),
                    "KS < " + margin + ": a shift of a quarter standard deviation of a Gaussian gives KS = 0.10; "
                            + "v, b and gains are excluded (sampler conventions of max-ent)." + e.design());
        }
    };

    /** Energy coefficient H on the joint columns, descriptive. */
    public static final ConnectivityStatistic JOINT = new ConnectivityStatistic() {
        @Override
        public String name() {
            return "joint";
        }

        @Override
        public String valueColumn() {
            return "energy_coefficient";
        }

        @Override
        public Comparison.Verdict verdict(ComparisonEvidence e, double[] replicates) {
            double margin = e.settings().tolerances().energyCoefficient();
            return descriptive(name(), "energy coefficient H on " + e.energy().columns(), e.energy().coefficient(), margin, null,
                    "descriptive, not part of overall, no stated error rate. H <= " + margin
                            + ": a half-standard-deviation shift of a 1-D Gaussian gives H = 0.058");
        }
    };

    /** Label-free clustering structure present (or absent) on both sides, descriptive. */
    public static final ConnectivityStatistic CLUSTERING = new ConnectivityStatistic() {
        @Override
        public String name() {
            return "clustering";
        }

        @Override
        public Comparison.Verdict verdict(ComparisonEvidence e, double[] replicates) {
            PopulationClustering.Result a = e.clustering().get("a");
            PopulationClustering.Result b = e.clustering().get("b");
            double zMin = e.settings().tolerances().stabilityZ();
            if (a == null || b == null) {
                return new Comparison.Verdict(name(), "too few neurons to cluster", null, zMin, null, null, null, null, INCONCLUSIVE,
                        "label-free clustering needs at least 20 neurons (4 per column + 4) on each side");
            }
            boolean sa = a.k() >= 2 && a.stabilityZ() != null && a.stabilityZ() >= zMin;
            boolean sb = b.k() >= 2 && b.stabilityZ() != null && b.stabilityZ() >= zMin;
            boolean same = sa == sb && (!sa || a.k() == b.k());
            String stat = "k_a=" + a.k() + " (z=" + fmt(a.stabilityZ()) + "), k_b=" + b.k() + " (z=" + fmt(b.stabilityZ()) + ")";
            return new Comparison.Verdict(name(), stat, null, zMin, null, null, null, null, same ? REPRODUCED : NOT_REPRODUCED,
                    "descriptive, not part of overall, no stated error rate: label-free structure present on both sides (BIC k >= 2 and stability z >= "
                            + zMin + ") with the same k, or absent on both");
        }
    };

    private static final List<ConnectivityStatistic> ALL = new CopyOnWriteArrayList<>(List.of(
            POPULATION_FRACTIONS, CROSS_COVARIANCE, MARGINALS, JOINT, CLUSTERING));

    /** Every statistic, in verdict order. */
    public static List<ConnectivityStatistic> all() {
        return List.copyOf(ALL);
    }

    /** The primary statistics (those of the overall verdict), in order. */
    public static List<ConnectivityStatistic> primary() {
        return ALL.stream().filter(ConnectivityStatistic::primary).toList();
    }

    /** The statistics behind a comparison's verdicts (by name; a verdict of a withdrawn statistic is skipped). */
    static List<ConnectivityStatistic> of(Comparison c) {
        List<ConnectivityStatistic> out = new ArrayList<>();
        for (Comparison.Verdict v : c.verdicts()) {
            ConnectivityStatistic s = byName(v.name());
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every statistic's gd-maxent columns, in order. */
    public static List<String> columns() {
        List<String> out = new ArrayList<>();
        for (ConnectivityStatistic s : ALL) {
            out.addAll(s.columns());
        }
        return out;
    }

    /** A registration that can be withdrawn (a test adds a statistic for its own duration). */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Appends a statistic under a name not yet taken; closing the registration removes it. */
    public static synchronized Registration register(ConnectivityStatistic s) {
        if (ALL.stream().anyMatch(x -> x.name().equals(s.name()))) {
            throw new IllegalArgumentException("statistic " + s.name() + " is already registered");
        }
        ALL.add(s);
        return () -> ALL.remove(s);
    }

    /** The statistic of a verdict, by its name (null if none is registered under it). */
    public static ConnectivityStatistic byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * Descriptive decision against a noise level: reproduced if value and noise are within the
     * tolerance, not reproduced if the value is above it and above the noise, else inconclusive.
     */
    public static Comparison.Verdict descriptive(String name, String statistic, Double value, double tolerance, Double noise,
                                                 String criterion) {
        String outcome;
        if (value == null) {
            outcome = INCONCLUSIVE;
        } else if (value <= tolerance && (noise == null || noise <= tolerance)) {
            outcome = REPRODUCED;
        } else if (value > tolerance && (noise == null || value > noise)) {
            outcome = NOT_REPRODUCED;
        } else {
            outcome = INCONCLUSIVE;
        }
        return new Comparison.Verdict(name, statistic, value, tolerance, noise, null, null, null, outcome, criterion);
    }

    /** Equivalence decision: reproduced if the upper bound is below the margin, not reproduced if the lower bound is above it. */
    public static Comparison.Verdict equivalence(String name, String statistic, Double value, double margin, double[] bounds,
                                                 double errorRate, String criterion) {
        String outcome = value == null || !Double.isFinite(bounds[0]) || !Double.isFinite(bounds[1]) ? INCONCLUSIVE
                : bounds[1] < margin ? REPRODUCED : bounds[0] > margin ? NOT_REPRODUCED : INCONCLUSIVE;
        return new Comparison.Verdict(name, statistic, value, margin, null, finite(bounds[0]), finite(bounds[1]), errorRate, outcome,
                criterion);
    }

    /** The labels of the given statistics' primary ones as a list in words ("fractions, E[zw|g] and marginals"). */
    static String primaryLabels(List<ConnectivityStatistic> statistics, String lastSeparator) {
        List<String> labels = statistics.stream().filter(ConnectivityStatistic::primary).map(ConnectivityStatistic::primaryLabel).toList();
        if (labels.size() <= 1) {
            return String.join("", labels);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + lastSeparator + labels.get(labels.size() - 1);
    }

    /** A small count in words (as the overall rule states it). */
    static String count(int n) {
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        return n < words.length ? words[n] : Integer.toString(n);
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static String fmt(Double x) {
        return x == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", x);
    }
}
