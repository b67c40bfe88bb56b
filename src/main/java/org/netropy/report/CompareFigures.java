package org.netropy.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.netropy.compare.Comparison;
import org.netropy.compare.GainPatterns;
import org.netropy.compare.PopulationStatistics;
import org.netropy.compare.SignCanonicalisation;
import org.netropy.connectivity.NeuronTable;
import org.netropy.io.AtomicFiles;

/**
 * The figure set of {@code netropy compare --out}: what the comparison's numbers summarise, drawn
 * for both sides (a = observed, b = reference) in one page.
 *
 * <ol>
 *   <li>population fractions as bars with the comparator's simultaneous intervals;</li>
 *   <li>per population (the most frequent ones), the neurons' {@code (w·b̂_g, z)} with
 *       {@code b̂_g} the unit direction of the reference's {@code E[zw|g]} (THEORY §3: max-ent
 *       populations are Gaussian with {@code E[zw|g] ∝ b_g}), both sides overlaid;</li>
 *   <li>the marginals of {@code w_1} and {@code z} (sign-canonical, as compared);</li>
 *   <li>the selectivity-angle histograms of both sides, when the task defines them.</li>
 * </ol>
 * The plotted numbers are written beside the figure (comparison-figures.csv).
 */
public final class CompareFigures {
    /** File stem of the figure. */
    public static final String STEM = "comparison-figures";
    private static final int MAX_POPULATION_PANELS = 4;
    private static final int MAX_DOTS = 1500;
    private static final int BINS = 30;
    private static final Color A = FigureStyle.OKABE_ITO.get(0);
    private static final Color B = FigureStyle.OKABE_ITO.get(1);

    private CompareFigures() {}

    /**
     * Draws the set for a comparison of table a with table (or model sample) b into {@code dir};
     * returns the files written.
     */
    public static List<Path> write(Comparison c, NeuronTable a, NeuronTable b, double threshold, Path dir, FigureOptions options) {
        return write(c, a, b, threshold, List.of(), dir, options);
    }

    /**
     * As {@link #write(Comparison, NeuronTable, NeuronTable, double, Path, FigureOptions)}, with the
     * training loss curves of side a (one per ensemble member, loss at steps 0, 1, …) as a last panel.
     */
    public static List<Path> write(Comparison c, NeuronTable a, NeuronTable b, double threshold, List<double[][]> lossCurves,
                                   Path dir, FigureOptions options) {
        String labelA = "a: " + shortName(c.a().source());
        String labelB = "b: " + shortName(c.b().source());
        List<Plot.Panel> panels = new ArrayList<>();
        panels.add(fractions(c, labelA, labelB));
        String[] pa = GainPatterns.of(a, threshold);
        String[] pb = GainPatterns.of(b, threshold);
        List<String> frequent = new ArrayList<>(c.populationFractions().keySet());
        frequent.sort(Comparator.comparingDouble((String g) -> -c.populationFractions().get(g).a()).thenComparing(g -> g));
        SplittableRandom rng = new SplittableRandom(c.seed() ^ 0x5eed5eedL);
        for (String g : frequent.subList(0, Math.min(MAX_POPULATION_PANELS, frequent.size()))) {
            double[] dir0 = direction(c, g);
            if (dir0 != null) {
                panels.add(scatter(g, dir0, a, pa, b, pb, labelA, labelB, rng));
            }
        }
        NeuronTable ca = SignCanonicalisation.canonicalise(a);
        NeuronTable cb = SignCanonicalisation.canonicalise(b);
        panels.add(marginal("w_1", "stimulus weight w₁", ca.column("w_1"), cb.column("w_1"), labelA, labelB));
        panels.add(marginal("z", "readout weight z", ca.column("z"), cb.column("z"), labelA, labelB));
        if (c.selectivityAngles() != null) {
            panels.add(angles(c.selectivityAngles(), labelA, labelB));
        }
        if (!lossCurves.isEmpty()) {
            panels.add(loss(lossCurves));
        }
        List<Plot.LegendEntry> legend = List.of(new Plot.LegendEntry(labelA, A, 0, Plot.Style.BAR, "side"),
                new Plot.LegendEntry(labelB, B, 1, Plot.Style.BAR, "side"));
        List<Path> files = new ArrayList<>(FigurePage.write(panels, 3, options.width("double"), legend, options, dir, STEM));
        Path csv = dir.resolve(STEM + ".csv");
        AtomicFiles.writeString(csv, Plot.csv(panels));
        files.add(csv);
        AtomicFiles.writeString(dir.resolve("figures.md"), index(panels, options));
        return files;
    }

    private static Plot.Panel fractions(Comparison c, String labelA, String labelB) {
        List<String> patterns = new ArrayList<>(c.populationFractions().keySet());
        patterns.sort(Comparator.naturalOrder());
        List<Plot.Point> pa = new ArrayList<>();
        List<Plot.Point> pb = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            Comparison.FractionPair f = c.populationFractions().get(patterns.get(i));
            pa.add(bar(i - 0.2, patterns.get(i), f.a(), f.aLow(), f.aHigh()));
            pb.add(bar(i + 0.2, patterns.get(i), f.b(), f.bLow(), f.bHigh()));
        }
        List<Plot.Series> series = List.of(new Plot.Series(labelA, A, 0, Plot.Style.BAR, pa), new Plot.Series(labelB, B, 1, Plot.Style.BAR, pb));
        return new Plot.Panel("population fractions", "gain pattern g", "fraction P(g)", false, false, patterns,
                new double[] {0, 1}, series, null);
    }

    private static Plot.Point bar(double x, String pattern, double y, Double low, Double high) {
        DrawnInterval iv = low == null || high == null ? new DrawnInterval(Double.NaN, Double.NaN, "none (exact)")
                : new DrawnInterval(low, high, "simultaneous");
        return new Plot.Point(x, pattern, y, iv, new double[0], 0, 0, 0.36);
    }

    /** Unit direction of the reference's E[zw|g] (or the observed one's if the reference has none). */
    private static double[] direction(Comparison c, String g) {
        Comparison.PopulationPair pair = c.populations().get(g);
        if (pair == null) {
            return null;
        }
        for (PopulationStatistics.Population p : Arrays.asList(pair.b(), pair.a())) {
            if (p != null && p.crossCovariance() != null) {
                double norm = Math.sqrt(Arrays.stream(p.crossCovariance()).map(v -> v * v).sum());
                if (norm > 0) {
                    return Arrays.stream(p.crossCovariance()).map(v -> v / norm).toArray();
                }
            }
        }
        return null;
    }

    private static Plot.Panel scatter(String g, double[] dir, NeuronTable a, String[] pa, NeuronTable b, String[] pb,
                                      String labelA, String labelB, SplittableRandom rng) {
        List<Plot.Series> series = List.of(
                new Plot.Series(labelA, FigureStyle.translucent(A, 255), 0, Plot.Style.DOTS, dots(a, pa, g, dir, rng)),
                new Plot.Series(labelB, FigureStyle.translucent(B, 255), 1, Plot.Style.DOTS, dots(b, pb, g, dir, rng)));
        return new Plot.Panel("population " + g, "projection w·b̂_g", "readout weight z", false, false, null, null, series, null);
    }

    private static List<Plot.Point> dots(NeuronTable t, String[] patterns, String g, double[] dir, SplittableRandom rng) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (patterns[i].equals(g)) {
                rows.add(i);
            }
        }
        // a uniform subsample keeps the file small; the density is what the eye reads
        for (int i = rows.size() - 1; i > 0 && rows.size() > MAX_DOTS; i--) {
            int j = rng.nextInt(i + 1);
            Integer tmp = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, tmp);
        }
        List<Plot.Point> out = new ArrayList<>();
        for (int i : rows.subList(0, Math.min(MAX_DOTS, rows.size()))) {
            double x = 0;
            for (int d = 0; d < dir.length; d++) {
                x += t.w()[i][d] * dir[d];
            }
            out.add(Plot.Point.of(x, String.format(Locale.ROOT, "%.6g", x), t.z()[i], null, new double[0], 0));
        }
        return out;
    }

    private static Plot.Panel marginal(String column, String label, double[] a, double[] b, String labelA, String labelB) {
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        Arrays.sort(pooled);
        double lo = pooled[(int) (0.005 * (pooled.length - 1))];
        double hi = pooled[(int) Math.ceil(0.995 * (pooled.length - 1))];
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        // stairs: two overlapping histograms stay readable where filled bars would hide each other
        List<Plot.Series> series = List.of(new Plot.Series(labelA, A, 0, Plot.Style.STEP, histogram(a, lo, hi)),
                new Plot.Series(labelB, B, 1, Plot.Style.STEP, histogram(b, lo, hi)));
        return new Plot.Panel("marginal of " + column, label + " (sign-canonical)", "density", false, false, null, null, series, null,
                Double.NaN, true);
    }

    /** Density histogram on [lo, hi] in {@link #BINS} bins (values outside are counted in the total, not drawn). */
    static List<Plot.Point> histogram(double[] v, double lo, double hi) {
        double width = (hi - lo) / BINS;
        int[] counts = new int[BINS];
        for (double x : v) {
            int k = (int) Math.floor((x - lo) / width);
            if (k >= 0 && k < BINS) {
                counts[k]++;
            } else if (x == hi) {
                counts[BINS - 1]++;
            }
        }
        List<Plot.Point> out = new ArrayList<>();
        for (int k = 0; k < BINS; k++) {
            double centre = lo + (k + 0.5) * width;
            out.add(new Plot.Point(centre, String.format(Locale.ROOT, "%.6g", centre), counts[k] / (v.length * width), null,
                    new double[0], 0, 0, width));
        }
        return out;
    }

    private static Plot.Panel angles(Comparison.Angles angles, String labelA, String labelB) {
        List<Plot.Series> series = List.of(new Plot.Series(labelA, A, 0, Plot.Style.STEP, angleBins(angles.histogramA(), angles.binDegrees())),
                new Plot.Series(labelB, B, 1, Plot.Style.STEP, angleBins(angles.histogramB(), angles.binDegrees())));
        return new Plot.Panel("selectivity angles", "angle of w to A g (degrees)", "density (per degree)", false, false, null, null,
                series, null, 45, true);
    }

    /** Loss against step on log-log axes, one line per member (at most eight), at the steps loss.csv kept. */
    private static Plot.Panel loss(List<double[][]> curves) {
        List<Plot.Series> series = new ArrayList<>();
        for (int m = 0; m < Math.min(8, curves.size()); m++) {
            double[][] curve = curves.get(m);
            List<Plot.Point> pts = new ArrayList<>();
            for (int k = 0; k < curve[0].length; k++) {
                long t = (long) curve[0][k];
                if (t > 0) { // a log axis has no step 0
                    pts.add(Plot.Point.of(t, Long.toString(t), curve[1][k], null, new double[0], 0));
                }
            }
            series.add(new Plot.Series("a: member " + m, curves.size() == 1 ? A : FigureStyle.rampColours(Math.min(8, curves.size())).get(m),
                    m, Plot.Style.MEASURED, pts));
        }
        return new Plot.Panel("training loss of a", "training step t", "loss", true, true, null, null, series, null);
    }

    private static List<Plot.Point> angleBins(int[] counts, double bin) {
        long total = Arrays.stream(counts).asLongStream().sum();
        List<Plot.Point> out = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            double centre = (k + 0.5) * bin;
            out.add(new Plot.Point(centre, String.format(Locale.ROOT, "%.6g", centre), total == 0 ? 0 : counts[k] / (total * bin), null,
                    new double[0], 0, 0, bin));
        }
        return out;
    }

    private static String shortName(String source) {
        String s = source == null ? "" : source;
        if (!s.contains(" ")) {
            // a file: its name, with its folder when the name says little (a gd run's neurons.csv)
            Path p = Path.of(s);
            Path name = p.getFileName();
            if (name != null) {
                s = name.toString().equals("neurons.csv") && p.getParent() != null && p.getParent().getFileName() != null
                        ? p.getParent().getFileName() + "/" + name : name.toString();
            }
        }
        return s.length() > 48 ? s.substring(0, 47) + "…" : s;
    }

    private static String index(List<Plot.Panel> panels, FigureOptions options) {
        StringBuilder md = new StringBuilder("# Comparison figures\n\n");
        if (options.formats().contains("png")) {
            md.append("![comparison](").append(STEM).append(".png)\n\n");
        }
        List<String> links = new ArrayList<>();
        for (String f : options.formats()) {
            links.add("[" + f.toUpperCase(Locale.ROOT) + "](" + STEM + "." + f + ")");
        }
        links.add("[plotted data](" + STEM + ".csv)");
        md.append(String.join(" · ", links)).append("\n\n");
        Map<String, String> what = new LinkedHashMap<>();
        for (int i = 0; i < panels.size(); i++) {
            Plot.Panel p = panels.get(i);
            what.put(String.valueOf((char) ('a' + i)), p.title() + ": " + p.yLabel() + " against " + p.xLabel());
        }
        what.forEach((k, v) -> md.append("**(").append(k).append(")** ").append(v).append(". "));
        md.append("\n\nFraction intervals are the comparator's simultaneous intervals (none for an analytic model, whose fractions "
                + "are exact). Scatter panels show up to " + MAX_DOTS + " neurons per side of one population; b̂_g is the unit "
                + "direction of the reference's E[zw|g].\n");
        return md.toString();
    }
}
