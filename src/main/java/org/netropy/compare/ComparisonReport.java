package org.netropy.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.netropy.io.AtomicFiles;
import org.netropy.io.Json;

/**
 * Writes a {@link Comparison} as comparison.json (every number), comparison.csv (one row per
 * quantity: {@code quantity,key,a,b,value}) and comparison.md (verdicts and the main tables).
 */
public final class ComparisonReport {
    private ComparisonReport() {}

    public static final String JSON = "comparison.json";
    public static final String CSV = "comparison.csv";
    public static final String MARKDOWN = "comparison.md";

    /** Writes the three files into {@code dir} (created if needed), each atomically. */
    public static void write(Comparison c, Path dir) {
        Json.write(dir.resolve(JSON), c);
        AtomicFiles.writeString(dir.resolve(CSV), csv(c));
        AtomicFiles.writeString(dir.resolve(MARKDOWN), markdown(c));
    }

    /** A few lines for the terminal. */
    public static String summary(Comparison c) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "a: %s (%d neurons), b: %s (%s, %d neurons)%n", c.a().source(), c.a().neurons(),
                c.b().source(), c.b().kind(), c.b().neurons()));
        sb.append(String.format(Locale.ROOT, "fractions: TV %.4f (noise95 %.4f), JS %.4f bits; E[zw|g] error %s; energy H %.4f (n=%d/%d)%n",
                c.totalVariation(), c.totalVariationNoise95(), c.jensenShannon(), num(c.crossCovarianceErrorWeighted()),
                c.energy().coefficient(), c.energy().sampleA(), c.energy().sampleB()));
        for (Comparison.Verdict v : c.verdicts()) {
            sb.append(String.format(Locale.ROOT, "  %-20s %-15s %s%s%n", v.name(), v.outcome(),
                    v.value() == null ? v.statistic() : v.statistic() + " = " + num(v.value()),
                    v.lower() == null && v.upper() == null ? "" : " [" + num(v.lower()) + ", " + num(v.upper()) + "] vs margin " + num(v.tolerance())));
        }
        sb.append("overall: ").append(c.overall()).append(" (").append(overallRule(c)).append(")\n");
        return sb.toString();
    }

    static String csv(Comparison c) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            out.printRecord("quantity", "key", "a", "b", "value");
            for (var e : c.populationFractions().entrySet()) {
                out.printRecord("fraction", e.getKey(), e.getValue().a(), e.getValue().b(), "");
                out.printRecord("fractionLow", e.getKey(), e.getValue().aLow(), cell(e.getValue().bLow()), "");
                out.printRecord("fractionHigh", e.getKey(), e.getValue().aHigh(), cell(e.getValue().bHigh()), "");
            }
            for (var e : c.populations().entrySet()) {
                var a = e.getValue().a();
                var b = e.getValue().b();
                out.printRecord("structure", e.getKey(), cell(a == null ? null : a.structure()), cell(b == null ? null : b.structure()), "");
                out.printRecord("taskAlignment", e.getKey(), cell(a == null ? null : a.taskAlignment()),
                        cell(b == null ? null : b.taskAlignment()), "");
            }
            for (var e : c.crossCovarianceError().entrySet()) {
                out.printRecord("crossCovarianceError", e.getKey(), "", "", cell(e.getValue()));
            }
            for (var e : c.covarianceKl().perPattern().entrySet()) {
                out.printRecord("covarianceKlNats", e.getKey(), "", "", e.getValue());
            }
            out.printRecord("totalVariation", "", "", "", c.totalVariation());
            out.printRecord("totalVariationNoise95", "", "", "", c.totalVariationNoise95());
            out.printRecord("jensenShannonBits", "", "", "", c.jensenShannon());
            out.printRecord("crossCovarianceErrorWeighted", "", "", "", cell(c.crossCovarianceErrorWeighted()));
            out.printRecord("covarianceKlMatchedNats", "", "", "", cell(c.covarianceKl().matchedBound()));
            for (var e : c.marginals().entrySet()) {
                out.printRecord("ks", e.getKey(), "", "", e.getValue().ks());
                out.printRecord("wasserstein1", e.getKey(), "", "", e.getValue().wasserstein1());
            }
            out.printRecord("energyDistance", String.join(" ", c.energy().columns()), c.energy().sampleA(), c.energy().sampleB(),
                    c.energyDistance());
            out.printRecord("energyCoefficient", "", "", "", c.energy().coefficient());
            var ca = c.clustering().get("a");
            var cb = c.clustering().get("b");
            if (ca != null && cb != null) {
                out.printRecord("clusteringK", "", ca.k(), cb.k(), "");
                out.printRecord("silhouette", "", cell(ca.silhouette()), cell(cb.silhouette()), "");
                out.printRecord("stabilityZ", "", cell(ca.stabilityZ()), cell(cb.stabilityZ()), "");
                out.printRecord("ariWithPatterns", "", ca.ariWithPatterns(), cb.ariWithPatterns(), "");
            }
            for (Comparison.Verdict v : c.verdicts()) {
                out.printRecord("verdict", v.name(), "", "", v.outcome());
                if (v.lower() != null || v.upper() != null) {
                    out.printRecord("verdictLowerBound", v.name(), "", "", cell(v.lower()));
                    out.printRecord("verdictUpperBound", v.name(), "", "", cell(v.upper()));
                }
            }
            out.printRecord("verdict", "overall", "", "", c.overall());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    static String markdown(Comparison c) {
        StringBuilder md = new StringBuilder();
        md.append("# Comparison\n\n");
        md.append("- a: ").append(c.a().source()).append(" (").append(c.a().kind()).append(", ").append(c.a().neurons())
                .append(" neurons, ").append(c.a().members()).append(" member(s))\n");
        md.append("- b: ").append(c.b().source()).append(" (").append(c.b().kind()).append(", ").append(c.b().neurons())
                .append(c.b().kind().equals("model") ? " sampled" : "").append(" neurons)\n");
        md.append("- D = ").append(c.a().features()).append(", C = ").append(c.a().contexts()).append(", gain threshold ")
                .append(c.settings().threshold()).append(", seed ").append(c.seed()).append("\n\n");
        md.append("**Overall: ").append(c.overall()).append("** (").append(overallRule(c)).append(").\n\n");
        md.append("| comparison | statistic | value | lower bound | upper bound | margin | verdict |\n|---|---|---|---|---|---|---|\n");
        for (Comparison.Verdict v : c.verdicts()) {
            md.append("| ").append(mdCell(v.name())).append(" | ").append(mdCell(v.statistic())).append(" | ").append(num(v.value()))
                    .append(" | ").append(num(v.lower())).append(" | ").append(num(v.upper())).append(" | ")
                    .append(num(v.tolerance())).append(" | ").append(mdCell(v.outcome())).append(" |\n");
        }
        md.append("\nCriteria:\n");
        for (Comparison.Verdict v : c.verdicts()) {
            md.append("- ").append(v.name()).append(": ").append(v.criterion()).append('\n');
        }
        md.append("\n## Populations\n\n| pattern | fraction a [CI] | fraction b | E[zw\\|g] rel. error | structure a | structure b | alignment a | alignment b |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (var e : c.populationFractions().entrySet()) {
            var f = e.getValue();
            var p = c.populations().get(e.getKey());
            md.append("| ").append(e.getKey()).append(" | ").append(num(f.a())).append(" [").append(num(f.aLow())).append(", ")
                    .append(num(f.aHigh())).append("] | ").append(num(f.b()));
            if (f.bLow() != null) {
                md.append(" [").append(num(f.bLow())).append(", ").append(num(f.bHigh())).append("]");
            }
            md.append(" | ").append(num(c.crossCovarianceError().get(e.getKey())))
                    .append(" | ").append(num(p.a() == null ? null : p.a().structure()))
                    .append(" | ").append(num(p.b() == null ? null : p.b().structure()))
                    .append(" | ").append(num(p.a() == null ? null : p.a().taskAlignment()))
                    .append(" | ").append(num(p.b() == null ? null : p.b().taskAlignment())).append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "%nTotal variation %s (95%% sampling noise %s), Jensen–Shannon %s bits, "
                        + "mixture-matched covariance KL %s nats (unmatched fraction of a: %s).%n",
                num(c.totalVariation()), num(c.totalVariationNoise95()), num(c.jensenShannon()),
                num(c.covarianceKl().matchedBound()), num(c.covarianceKl().unmatchedFractionA())));
        md.append("\nThreshold sensitivity (TV): ");
        List<String> parts = new ArrayList<>();
        c.thresholdSensitivity().forEach((t, s) -> parts.add(t + " → " + num(s.totalVariation())));
        md.append(String.join(", ", parts)).append(String.format(Locale.ROOT, "; ambiguous fraction a %s, b %s.%n",
                num(c.a().ambiguousFraction()), num(c.b().ambiguousFraction())));
        md.append("\n## Marginals (sign-canonical, z ≥ 0)\n\n| column | KS | Wasserstein-1 | KS p-value |\n|---|---|---|---|\n");
        for (Map.Entry<String, Comparison.Marginal> e : c.marginals().entrySet()) {
            md.append("| ").append(e.getKey()).append(" | ").append(num(e.getValue().ks())).append(" | ")
                    .append(num(e.getValue().wasserstein1())).append(" | ").append(num(e.getValue().ksPValue())).append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "%nEnergy distance on (%s): %s, coefficient H = %s (subsamples %d and %d).%n",
                String.join(", ", c.energy().columns()), num(c.energyDistance()), num(c.energy().coefficient()),
                c.energy().sampleA(), c.energy().sampleB()));
        var ca = c.clustering().get("a");
        var cb = c.clustering().get("b");
        if (ca == null || cb == null) {
            md.append("\nClustering without gain labels: skipped (too few neurons on one side).\n");
        } else {
            clusteringTable(md, ca, cb);
        }
        angleAndMembers(md, c);
        return md.toString();
    }

    /** The overall rule and its stated error rates. */
    static String overallRule(Comparison c) {
        double rate = c.settings().verdicts().familyErrorRate();
        var statistics = ConnectivityStatistics.of(c);
        return ConnectivityStatistics.primaryLabels(statistics, " and ") + ": reproduced if all "
                + ConnectivityStatistics.count((int) statistics.stream().filter(ConnectivityStatistic::primary).count()) + " upper bounds are below their margins (each bound"
                + " at the nominal one-sided level " + rate + "), not reproduced if any lower bound is above its margin (family-wise false"
                + " 'not reproduced' <= " + rate + ", Bonferroni)";
    }

    private static void clusteringTable(StringBuilder md, PopulationClustering.Result ca, PopulationClustering.Result cb) {
        md.append("\n## Clustering without gain labels\n\n| | a | b |\n|---|---|---|\n");
        row(md, "components (BIC)", ca.k(), cb.k());
        row(md, "silhouette", num(ca.silhouette()), num(cb.silhouette()));
        row(md, "stability (ARI, k=" + ca.stabilityK() + "/" + cb.stabilityK() + ")", num(ca.stability()), num(cb.stability()));
        row(md, "null stability mean ± sd", num(ca.nullStabilityMean()) + " ± " + num(ca.nullStabilitySd()),
                num(cb.nullStabilityMean()) + " ± " + num(cb.nullStabilitySd()));
        row(md, "stability z", num(ca.stabilityZ()), num(cb.stabilityZ()));
        row(md, "ARI mixture vs patterns", num(ca.ariWithPatterns()), num(cb.ariWithPatterns()));
        row(md, "ARI k-means vs patterns", num(ca.kmeansAriWithPatterns()), num(cb.kmeansAriWithPatterns()));
        row(md, "ARI Ward vs patterns (subsample " + ca.pairwiseSample() + "/" + cb.pairwiseSample() + ")",
                num(ca.wardAriWithPatterns()), num(cb.wardAriWithPatterns()));
    }

    private static void angleAndMembers(StringBuilder md, Comparison c) {
        if (c.selectivityAngles() != null) {
            md.append("\nSelectivity angles (w vs A g, degrees): KS ").append(num(c.selectivityAngles().ks()))
                    .append("; histogram a ").append(Arrays.toString(c.selectivityAngles().histogramA()))
                    .append(", b ").append(Arrays.toString(c.selectivityAngles().histogramB())).append(".\n");
        }
        for (var e : c.members().entrySet()) {
            var m = e.getValue();
            md.append(String.format(Locale.ROOT, "%nEnsemble %s (%d members), mean ± sd over members: TV %s ± %s, JS %s ± %s, E[zw|g] error %s ± %s.%n",
                    e.getKey(), m.members(), num(m.totalVariation().mean()), num(m.totalVariation().sd()),
                    num(m.jensenShannon().mean()), num(m.jensenShannon().sd()),
                    num(m.crossCovarianceError().mean()), num(m.crossCovarianceError().sd())));
        }
    }

    private static void row(StringBuilder md, String name, Object a, Object b) {
        md.append("| ").append(mdCell(name)).append(" | ").append(mdCell(String.valueOf(a))).append(" | ").append(mdCell(String.valueOf(b))).append(" |\n");
    }

    private static Object cell(Double x) {
        return x == null ? "" : x;
    }

    static String num(Double x) {
        if (x == null || x.isNaN()) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.4g", x);
    }

    /** A Markdown table cell: '|' escaped so it does not end the cell. */
    private static String mdCell(String text) {
        return text == null ? "" : text.replace("|", "\\|");
    }
}
