package org.netropy.report;

import java.awt.Color;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * What a figure draws, independent of where the numbers came from (a spec's tidy table or a
 * comparison): panels of series of points. {@link FigurePage} lays the panels out and writes
 * them; {@link #csv} writes exactly the plotted numbers beside the figure.
 */
public final class Plot {
    private Plot() {}

    /** How a series is drawn. */
    public enum Style {
        /** solid line with hollow markers and intervals */
        MEASURED,
        /** thinner dashed line without markers, in the colour of its partner (a prediction) */
        REFERENCE,
        /** markers only (scatter of summary points) */
        POINTS,
        /** small translucent dots (a scatter of many neurons) */
        DOTS,
        /** bars from yLow to y (stems, bars, stacked bars) */
        BAR,
        /**
         * a histogram's outline as a stair line over the bins (point width), its interval a light
         * band: overlapping distributions stay readable where filled bars would hide each other
         */
        STEP,
        /** a reference histogram (a prediction): dashed stairs in its partner's colour, no band */
        REFERENCE_STEP
    }

    /**
     * One point: x (numeric; for a category panel the category index), y, its drawn interval,
     * seed values drawn instead of an interval (fewer than three seeds), the bar's base and width.
     */
    public record Point(double x, String xText, double y, DrawnInterval interval, double[] seeds, int n, double base, double width) {
        public static Point of(double x, String xText, double y, DrawnInterval interval, double[] seeds, int n) {
            return new Point(x, xText, y, interval, seeds, n, 0, Double.NaN);
        }
    }

    /** A series: legend label (may repeat across panels), colour, marker index and style. */
    public record Series(String label, Color colour, int shape, Style style, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /**
     * A heat map (e.g. a representational dissimilarity matrix): values[row][column], with the
     * row/column tick labels (an empty label: no tick) and the colour-bar label; the colour scale
     * spans [low, high], or the values' own range where those are NaN; the colour bar is drawn
     * beside the matrix if {@code colourBar}.
     */
    public record Heatmap(double[][] values, List<String> ticks, String scaleLabel, double low, double high, boolean colourBar) {
        /** A heat map with its colour bar, whose colour scale spans its own values. */
        public Heatmap(double[][] values, List<String> ticks, String scaleLabel) {
            this(values, ticks, scaleLabel, Double.NaN, Double.NaN, true);
        }

        /**
         * The same values on the colour scale [low, high] (shared by the heat maps of a figure),
         * with or without its colour bar (one bar per row of panels that share a scale is enough).
         */
        public Heatmap withScale(double low, double high, boolean bar) {
            return new Heatmap(values, ticks, scaleLabel, low, high, bar);
        }
    }

    /**
     * A panel.
     *
     * @param title      short title beside the panel letter (may be empty)
     * @param xLabel     x-axis label
     * @param yLabel     y-axis label
     * @param logX       logarithmic x
     * @param logY       logarithmic y
     * @param categories category names of a categorical x axis (null for numeric x)
     * @param yRange     the y range allowed {low, high} (the axis shrinks to the data within it), or null
     * @param series     the series
     * @param heatmap    a heat map instead of series (or null)
     * @param xTickUnit  spacing of x ticks (e.g. 90 for degrees; 0 for whole numbers only), or NaN for automatic
     * @param translucentBars fill bars lightly (overlapping histograms) instead of solidly
     */
    public record Panel(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<String> categories,
                        double[] yRange, List<Series> series, Heatmap heatmap, double xTickUnit, boolean translucentBars) {
        public Panel {
            series = List.copyOf(series);
        }

        /** A panel of series with automatic x ticks and solid bars. */
        public Panel(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<String> categories,
                     double[] yRange, List<Series> series, Heatmap heatmap) {
            this(title, xLabel, yLabel, logX, logY, categories, yRange, series, heatmap, Double.NaN, false);
        }
    }

    /** A legend entry shared by the panels of a figure; entries of one group (e.g. a column) stand together. */
    public record LegendEntry(String label, Color colour, int shape, Style style, String group) {}

    /** The plotted numbers of every panel as CSV: one line per point, the panel by its letter. */
    public static String csv(List<Panel> panels) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("panel", "series", "x", "y", "low", "high", "interval", "n_seeds", "seed_values").setRecordSeparator('\n').build())) {
            for (int i = 0; i < panels.size(); i++) {
                Panel panel = panels.get(i);
                String letter = String.valueOf((char) ('a' + i));
                if (panel.heatmap() != null) {
                    Heatmap h = panel.heatmap();
                    for (int r = 0; r < h.values().length; r++) {
                        for (int c = 0; c < h.values()[r].length; c++) {
                            p.printRecord(letter, h.ticks().get(r), h.ticks().get(c), text(h.values()[r][c]), "", "", "", "", "");
                        }
                    }
                }
                for (Series s : panel.series()) {
                    for (Point pt : s.points()) {
                        StringBuilder seeds = new StringBuilder();
                        for (double v : pt.seeds()) {
                            seeds.append(seeds.length() == 0 ? "" : ";").append(v);
                        }
                        DrawnInterval d = pt.interval();
                        p.printRecord(letter, s.label(), pt.xText(), text(pt.y()), d == null ? "" : text(d.low()), d == null ? "" : text(d.high()),
                                d == null ? "" : d.method(), pt.n() > 0 ? pt.n() : "", seeds);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String text(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
