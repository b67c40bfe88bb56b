package org.netropy.report;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.netropy.experiment.FigureSpec;
import org.netropy.io.AtomicFiles;
import org.netropy.io.InvalidInputException;

/**
 * Draws a paper figure declared in a spec from the experiment's tidy table alone (never from run
 * folders): one page of lettered panels with a shared legend ({@link FigurePage}) and the plotted
 * numbers beside it as CSV, so every point of a figure can be checked.
 *
 * <p>Series: one per (measure, value of the panel's series column). A reference measure (a
 * prediction) is drawn dashed in the colour of the measured series with the same series value.
 * Intervals follow {@link DrawnInterval}: none from fewer than three seeds (the seeds are drawn),
 * Wilson for proportions, log-scale on a logarithmic axis.
 */
public final class FigureMaker {
    private FigureMaker() {}

    /** A claim of the spec: its id and the measure it is about (for captions). */
    public record ClaimRef(String id, String measure) {}

    /**
     * Draws one figure from a table into {@code dir} as {@code <id>.pdf/.svg/.png} (the formats of
     * the options) and {@code <id>.csv}; returns the files written.
     */
    public static List<Path> draw(List<Map<String, String>> table, FigureSpec figure, Path dir, FigureOptions options) {
        return draw(table, figure, dir, options, Map.of());
    }

    /**
     * {@link #draw(List, FigureSpec, Path, FigureOptions)} with the order of the spec's sweep
     * values per column ({@code ExperimentSpec.sweepOrder}): a categorical axis keeps it.
     */
    public static List<Path> draw(List<Map<String, String>> table, FigureSpec figure, Path dir, FigureOptions options,
                                  Map<String, List<String>> sweepOrder) {
        List<Plot.Panel> panels = new ArrayList<>();
        Palette palette = new Palette(figure, table);
        List<Plot.LegendEntry> legend = new ArrayList<>();
        for (int i = 0; i < figure.panels().size(); i++) {
            panels.add(panel(table, figure, i, palette, legend, sweepOrder));
        }
        panels = sharedHeatmapScales(panels, figure.columns());
        List<Path> files = new ArrayList<>(FigurePage.write(panels, figure.columns(), options.width(figure.width()),
                dedupe(legend), options, dir, figure.id()));
        Path csv = dir.resolve(figure.id() + ".csv");
        AtomicFiles.writeString(csv, Plot.csv(panels));
        files.add(csv);
        return files;
    }

    /** The table rows of a panel: its measures, matching its filter. */
    static List<Map<String, String>> rows(List<Map<String, String>> table, FigureSpec.Panel p) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> r : table) {
            // a row no seed gave a value (e.g. a measure of another row key) has nothing to draw
            boolean empty = "0".equals(r.get("n_seeds")) || r.get("mean") == null || r.get("mean").isEmpty();
            if (!empty && p.measures().contains(r.get("measure")) && matches(r, p.filter())) {
                rows.add(r);
            }
        }
        rows.sort((a, b) -> {
            int c = p.series() == null ? 0 : ExperimentTable.compareCells(a.get(p.series()), b.get(p.series()));
            return c != 0 ? c : ExperimentTable.compareCells(a.get(p.x()), b.get(p.x()));
        });
        return rows;
    }

    private static Plot.Panel panel(List<Map<String, String>> table, FigureSpec f, int panelIndex, Palette palette,
                                    List<Plot.LegendEntry> legend, Map<String, List<String>> sweepOrder) {
        FigureSpec.Panel p = f.panels().get(panelIndex);
        List<Map<String, String>> rows = rows(table, p);
        if (rows.isEmpty()) {
            throw new InvalidInputException("figure " + f.id() + ": no table rows match y = " + p.measures()
                    + (p.filter().isEmpty() ? "" : " and filter " + p.filter()));
        }
        if (p.mark().equals("heatmap")) {
            return heatmap(f, p, rows);
        }
        // group rows: measure -> series value -> rows, in the spec's measure order
        Map<String, Map<String, List<Map<String, String>>>> groups = new LinkedHashMap<>();
        for (String m : p.measures()) {
            groups.put(m, new LinkedHashMap<>());
        }
        for (Map<String, String> r : rows) {
            String key = p.series() == null ? "" : r.get(p.series());
            List<Map<String, String>> g = groups.get(r.get("measure")).computeIfAbsent(key, k -> new ArrayList<>());
            for (Map<String, String> other : g) {
                if (other.get(p.x()).equals(r.get(p.x()))) {
                    throw new InvalidInputException("figure " + f.id() + ": several table rows for " + p.x() + " = " + r.get(p.x())
                            + " in series '" + r.get("measure") + (key.isEmpty() ? "" : ", " + p.series() + " = " + key)
                            + "'; add a 'series' column or a 'filter' that picks one slice");
                }
            }
            g.add(r);
        }
        boolean categorical = !p.mark().equals("stacked") && rows.stream().anyMatch(r -> ExperimentTable.parse(r.get(p.x())) == null);
        if (categorical && !p.mark().equals("bars")) {
            throw new InvalidInputException("figure " + f.id() + ": x = " + p.x() + " has text values; use mark: bars");
        }
        List<String> categories = null;
        if (categorical) {
            categories = categories(f, p.x(), rows, sweepOrder.getOrDefault(p.x(), List.of()));
        }
        List<Plot.Series> series = new ArrayList<>();
        int seriesCount = 0;
        for (Map<String, List<Map<String, String>>> bySeries : groups.values()) {
            seriesCount += bySeries.size();
        }
        double spacing = spacing(rows, p);
        // many values (e.g. P(m) for m = 0..100): overlaid translucent bars, side by side would be hairlines
        boolean crowded = p.mark().equals("stem") && rows.stream().map(r -> r.get(p.x())).distinct().count() * seriesCount > 60;
        int index = 0;
        Map<String, Double> stack = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<Map<String, String>>>> byMeasure : groups.entrySet()) {
            String measure = byMeasure.getKey();
            boolean reference = p.reference().contains(measure);
            for (Map.Entry<String, List<Map<String, String>>> e : byMeasure.getValue().entrySet()) {
                if (e.getValue().stream().noneMatch(r -> Double.isFinite(number(r.get("mean"))))) {
                    continue; // nothing to draw (e.g. a pattern no run has)
                }
                String colourKey = colourKey(panelIndex, p, measure, e.getKey());
                Color colour = palette.colour(colourKey);
                int shape = palette.shape(colourKey);
                String label = seriesLabel(f, p, measure, e.getKey());
                // a crowded stem plot (e.g. P(m) for m = 0..100 in four series) reads as histograms
                boolean histogram = p.mark().equals("histogram") || crowded;
                Plot.Style style = reference ? (histogram ? Plot.Style.REFERENCE_STEP : Plot.Style.REFERENCE)
                        : p.mark().equals("line") ? Plot.Style.MEASURED : histogram ? Plot.Style.STEP : Plot.Style.BAR;
                List<Plot.Point> points = new ArrayList<>();
                for (Map<String, String> r : e.getValue()) {
                    String xText = r.get(p.x());
                    double x = categorical ? categories.indexOf(xText) : number(xText);
                    double mean = number(r.get("mean"));
                    double sd = number(r.get("sd"));
                    int n = Integer.parseInt(r.get("n_seeds"));
                    DrawnInterval iv = DrawnInterval.of(mean, sd, n, number(r.get("ci95_high")) - mean, p.proportion(), p.logY() || p.positive());
                    double[] seeds = DrawnInterval.seedValues(mean, sd, n);
                    Plot.Point pt = Plot.Point.of(x, xText, mean, iv, seeds, n);
                    pt = switch (p.mark()) {
                        case "stem", "bars" -> crowded ? bin(x, xText, mean, iv, n, spacing)
                                : dodge(pt, index, seriesCount, spacing, p.logX(), p.mark().equals("stem") ? 0.45 : 0.85);
                        case "histogram" -> bin(x, xText, mean, iv, n, spacing);
                        case "stacked" -> {
                            double base = stack.getOrDefault(xText, 0.0);
                            stack.put(xText, base + (Double.isFinite(mean) ? mean : 0));
                            yield new Plot.Point(x, xText, base + mean, null, new double[0], n, base, 0.6 * spacing);
                        }
                        default -> pt;
                    };
                    points.add(pt);
                }
                if (categorical) {
                    points.sort(java.util.Comparator.comparingDouble(Plot.Point::x)); // the plotted data in the axis's order
                }
                series.add(new Plot.Series(label, colour, shape, style, points));
                String group = p.series() != null ? p.series() : "measure" + panelIndex;
                if (p.series() != null && reference) {
                    // the colour entry of the partner names it; the grey style entries below say which line is which
                    legend.add(new Plot.LegendEntry(seriesLabel(f, p, p.y().get(0), e.getKey()), colour, shape,
                            p.mark().equals("line") ? Plot.Style.MEASURED : histogram ? Plot.Style.STEP : Plot.Style.BAR, group));
                } else if (p.series() != null || p.measures().size() > 1) {
                    legend.add(new Plot.LegendEntry(label, colour, shape, style, group));
                }
                index++;
            }
        }
        if (!p.reference().isEmpty() && p.series() != null) {
            // colours name the series; one grey entry per line style says which is which
            boolean steps = p.mark().equals("histogram");
            for (String m : p.y()) {
                legend.add(new Plot.LegendEntry(measureLabel(f, m), Color.DARK_GRAY, 0, steps ? Plot.Style.STEP : Plot.Style.MEASURED, "style"));
            }
            for (String m : p.reference()) {
                legend.add(new Plot.LegendEntry(measureLabel(f, m), Color.DARK_GRAY, 0, steps ? Plot.Style.REFERENCE_STEP : Plot.Style.REFERENCE, "style"));
            }
        }
        double[] yRange = p.proportion() && !p.logY() ? new double[] {-0.02, 1.02} : null;
        if (p.mark().equals("stacked") && p.proportion()) {
            yRange = new double[] {0, 1.0};
        }
        boolean histogram = p.mark().equals("histogram") || crowded;
        boolean wholeX = !categorical && rows.stream().allMatch(r -> {
            double v = number(r.get(p.x()));
            return v == Math.rint(v) && Math.abs(v) < 1e9;
        });
        // angles: -180, -90, 0, 90, 180; counts (ranks, contexts, neurons): whole-number ticks only
        double xTicks = histogram && p.x().endsWith("_deg") ? 90 : wholeX && !p.logX() ? 0 : Double.NaN;
        List<String> categoryNames = categories == null ? null : categories.stream()
                .map(c -> f.labels().containsKey(p.x()) ? valueLabel(f, p.x(), c) : c).toList();
        return new Plot.Panel(p.title(), p.xLabel(), p.yLabel(), p.logX(), p.logY(), categoryNames, yRange, series, null, xTicks, histogram);
    }

    /**
     * The categories of a text x axis in the order the figure's labels declare them (the reader's
     * order, e.g. GD before Adam), then in the order the spec sweeps them, then any others in the
     * table's order (numbers by value), never alphabetically by label.
     */
    static List<String> categories(FigureSpec f, String column, List<Map<String, String>> rows, List<String> sweepOrder) {
        Set<String> present = new TreeSet<>(ExperimentTable::compareCells);
        rows.forEach(r -> present.add(r.get(column)));
        List<String> out = new ArrayList<>();
        List<String> declaredOrder = new ArrayList<>(f.labels().getOrDefault(column, Map.of()).keySet());
        declaredOrder.addAll(sweepOrder);
        for (String declared : declaredOrder) {
            for (String c : present) {
                if (!out.contains(c) && sameCell(c, declared)) {
                    out.add(c);
                }
            }
        }
        present.stream().filter(c -> !out.contains(c)).forEach(out::add);
        return out;
    }

    /**
     * A heat-map panel (e.g. a representational dissimilarity matrix): the panel's one measure at
     * (row = series column, column = x column), rows and columns in the same order (numbers by
     * value) so that the matrix is square; a matrix given as one triangle is mirrored. Tick labels
     * come from the labels of the x column ("*": "" leaves all but the named ticks blank).
     */
    private static Plot.Panel heatmap(FigureSpec f, FigureSpec.Panel p, List<Map<String, String>> rows) {
        Set<String> keys = new TreeSet<>(ExperimentTable::compareCells);
        rows.forEach(r -> {
            keys.add(r.get(p.x()));
            keys.add(r.get(p.series()));
        });
        List<String> order = new ArrayList<>(keys);
        int n = order.size();
        double[][] values = new double[n][n];
        for (double[] row : values) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        boolean[][] given = new boolean[n][n];
        for (Map<String, String> r : rows) {
            int i = order.indexOf(r.get(p.series()));
            int j = order.indexOf(r.get(p.x()));
            if (given[i][j]) {
                throw new InvalidInputException("figure " + f.id() + ": several table rows for " + p.series() + " = " + r.get(p.series())
                        + ", " + p.x() + " = " + r.get(p.x()) + "; add a 'filter' that picks one slice");
            }
            given[i][j] = true;
            values[i][j] = number(r.get("mean"));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!given[i][j] && given[j][i]) {
                    values[i][j] = values[j][i];
                }
            }
        }
        String column = f.labels().containsKey(p.x()) ? p.x() : p.series();
        List<String> ticks = order.stream().map(k -> f.labels().containsKey(column) ? valueLabel(f, column, k) : k).toList();
        return new Plot.Panel(p.title(), p.xLabel(), p.xLabel(), false, false, null, null, List.of(),
                new Plot.Heatmap(values, ticks, p.yLabel()));
    }

    /**
     * Heat maps of one quantity (the same colour-bar label) in one figure share one colour scale,
     * from the smallest to the largest value among them, so that equal colours mean equal values
     * from panel to panel (e.g. a rich and a lazy network's RDM); its colour bar is drawn once per
     * row of panels, beside the row's last heat map of that quantity.
     */
    static List<Plot.Panel> sharedHeatmapScales(List<Plot.Panel> panels, int columns) {
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (Plot.Panel p : panels) {
            if (p.heatmap() != null) {
                double[] r = ranges.computeIfAbsent(p.heatmap().scaleLabel(), k -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
                for (double[] row : p.heatmap().values()) {
                    for (double v : row) {
                        if (Double.isFinite(v)) {
                            r[0] = Math.min(r[0], v);
                            r[1] = Math.max(r[1], v);
                        }
                    }
                }
            }
        }
        // the last heat map of each quantity in each row of the page carries the bar
        Map<String, Integer> lastInRow = new LinkedHashMap<>();
        for (int i = 0; i < panels.size(); i++) {
            if (panels.get(i).heatmap() != null) {
                lastInRow.put(i / columns + "|" + panels.get(i).heatmap().scaleLabel(), i);
            }
        }
        List<Plot.Panel> out = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            Plot.Panel p = panels.get(i);
            double[] r = p.heatmap() == null ? null : ranges.get(p.heatmap().scaleLabel());
            boolean bar = r != null && lastInRow.get(i / columns + "|" + p.heatmap().scaleLabel()) == i;
            out.add(r == null || !(r[1] > r[0]) ? p : new Plot.Panel(p.title(), p.xLabel(), p.yLabel(), p.logX(), p.logY(), p.categories(),
                    p.yRange(), p.series(), p.heatmap().withScale(r[0], r[1], bar), p.xTickUnit(), p.translucentBars()));
        }
        return out;
    }

    /** The series value's colour key: the series column's value, or the measure (references take their partner's). */
    private static String colourKey(int panel, FigureSpec.Panel p, String measure, String seriesValue) {
        if (p.series() != null) {
            return p.series() + "=" + seriesValue;
        }
        int i = p.reference().indexOf(measure);
        String m = i < 0 ? measure : p.y().size() == p.reference().size() ? p.y().get(i) : p.y().get(0);
        return "measure" + panel + "=" + m;
    }

    private static String seriesLabel(FigureSpec f, FigureSpec.Panel p, String measure, String seriesValue) {
        if (p.series() == null) {
            return measureLabel(f, measure);
        }
        String s = valueLabel(f, p.series(), seriesValue);
        boolean manyMeasures = p.y().size() > 1;
        return p.reference().contains(measure) ? s + " (" + measureLabel(f, measure) + ")" : manyMeasures ? measureLabel(f, measure) + ", " + s : s;
    }

    /** The human name of a measure (labels.measure), or the measure with spaces. */
    static String measureLabel(FigureSpec f, String measure) {
        Map<String, String> m = f.labels().get("measure");
        return m != null && m.containsKey(measure) ? m.get(measure) : measure.replace('_', ' ');
    }

    /** The human name of a column value (labels.column.value), or "column = value". */
    static String valueLabel(FigureSpec f, String column, String value) {
        Map<String, String> m = f.labels().get(column);
        if (m != null) {
            if (m.containsKey(value)) {
                return m.get(value);
            }
            Double v = ExperimentTable.parse(value);
            for (Map.Entry<String, String> e : m.entrySet()) {
                Double k = ExperimentTable.parse(e.getKey());
                if (v != null && k != null && v.doubleValue() == k.doubleValue()) {
                    return e.getValue();
                }
            }
            if (m.containsKey("*")) {
                return m.get("*").replace("{}", plainNumber(value));
            }
        }
        return column.replace('_', ' ') + " = " + plainNumber(value);
    }

    /** A number as a reader writes it ("1" for the table's "1.0", "0.05" stays); text unchanged. */
    static String plainNumber(String value) {
        Double v = ExperimentTable.parse(value);
        if (v == null || !Double.isFinite(v)) {
            return value;
        }
        return new java.math.BigDecimal(value.trim()).stripTrailingZeros().toPlainString();
    }

    /** Smallest gap between distinct x values (1 for a single value or categories); in log units on a log axis. */
    private static double spacing(List<Map<String, String>> rows, FigureSpec.Panel p) {
        TreeSet<Double> xs = new TreeSet<>();
        for (Map<String, String> r : rows) {
            Double x = ExperimentTable.parse(r.get(p.x()));
            if (x != null && (!p.logX() || x > 0)) {
                xs.add(p.logX() ? Math.log(x) : x);
            }
        }
        double gap = Double.POSITIVE_INFINITY;
        Double prev = null;
        for (double x : xs) {
            if (prev != null) {
                gap = Math.min(gap, x - prev);
            }
            prev = x;
        }
        return Double.isFinite(gap) && xs.size() > 1 && !rows.stream().anyMatch(r -> ExperimentTable.parse(r.get(p.x())) == null) ? gap : 1;
    }

    /**
     * A histogram bin of the given width. A density or probability is never negative: a t interval
     * reaching below zero is cut there (and the CSV's method says so).
     */
    private static Plot.Point bin(double x, String xText, double mean, DrawnInterval iv, int n, double width) {
        DrawnInterval cut = iv.drawn() && iv.low() < 0 && mean >= 0 ? new DrawnInterval(0, iv.high(), iv.method() + ", cut at 0") : iv;
        return new Plot.Point(x, xText, mean, cut, new double[0], n, 0, width);
    }

    /** Series i of k side by side around x within {@code fill} of the spacing. */
    private static Plot.Point dodge(Plot.Point pt, int i, int k, double spacing, boolean logX, double fill) {
        double slot = fill * spacing / k;
        double offset = (i - (k - 1) / 2.0) * slot;
        double x = logX ? pt.x() * Math.exp(offset) : pt.x() + offset;
        return new Plot.Point(x, pt.xText(), pt.y(), pt.interval(), pt.seeds(), pt.n(), 0, slot * 0.85);
    }

    private static List<Plot.LegendEntry> dedupe(List<Plot.LegendEntry> entries) {
        Map<String, Plot.LegendEntry> out = new LinkedHashMap<>();
        for (Plot.LegendEntry e : entries) {
            // the same series drawn with two marks in two panels is one entry; the grey style entries stay apart
            out.putIfAbsent(e.label() + "|" + e.colour().getRGB() + (e.group().equals("style") ? "|" + e.style() : ""), e);
        }
        List<Plot.LegendEntry> list = new ArrayList<>(out.values());
        // one entry alone (a single series) says nothing the axis label does not
        return list.size() == 1 ? List.of() : list;
    }

    private static boolean matches(Map<String, String> row, Map<String, Object> filter) {
        for (Map.Entry<String, Object> e : filter.entrySet()) {
            if (!sameCell(row.get(e.getKey()), String.valueOf(e.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /** Two cells are the same value: equal numbers (1 and 1.0) or equal text. */
    private static boolean sameCell(String cell, String want) {
        Double a = ExperimentTable.parse(cell);
        Double b = ExperimentTable.parse(want);
        return a != null && b != null ? a.doubleValue() == b.doubleValue() : want.equals(cell);
    }

    private static double number(String s) {
        Double d = ExperimentTable.parse(s);
        return d == null ? Double.NaN : d;
    }

    /**
     * Colours and marker shapes by colour key, shared by every panel of a figure so that a series
     * keeps its colour across panels; numeric series columns with many values get an ordered ramp.
     */
    private static final class Palette {
        private final Map<String, Color> colours = new LinkedHashMap<>();
        private final Map<String, Integer> shapes = new LinkedHashMap<>();

        Palette(FigureSpec f, List<Map<String, String>> table) {
            Map<String, Set<String>> keysByColumn = new LinkedHashMap<>();
            for (int i = 0; i < f.panels().size(); i++) {
                FigureSpec.Panel p = f.panels().get(i);
                for (Map<String, String> r : rows(table, p)) {
                    if (!Double.isFinite(number(r.get("mean")))) {
                        continue;
                    }
                    String key = colourKey(i, p, r.get("measure"), p.series() == null ? "" : r.get(p.series()));
                    String column = key.substring(0, key.indexOf('='));
                    keysByColumn.computeIfAbsent(column, c -> new TreeSet<>(FigureMaker::compareKeys)).add(key);
                }
            }
            // columns after the first continue the palette, so that a shared legend never gives
            // two different things one colour; a lone measure is drawn in black
            int offset = 0;
            for (Set<String> keys : keysByColumn.values()) {
                boolean ordered = keys.stream().allMatch(k -> ExperimentTable.parse(k.substring(k.indexOf('=') + 1)) != null);
                List<String> list = new ArrayList<>(keys);
                // an ordered numeric column gets the ramp when it has many values or the palette would wrap
                boolean ramp = ordered && (list.size() > 4 || offset + list.size() > FigureStyle.OKABE_ITO.size());
                List<Color> c = ramp ? FigureStyle.rampColours(list.size()) : List.of();
                for (int i = 0; i < list.size(); i++) {
                    boolean lone = list.size() == 1 && list.get(0).startsWith("measure");
                    colours.put(list.get(i), lone ? Color.BLACK : ramp ? c.get(i) : FigureStyle.OKABE_ITO.get((offset + i) % FigureStyle.OKABE_ITO.size()));
                    shapes.put(list.get(i), lone ? 0 : offset + i);
                }
                offset += ramp || (list.size() == 1 && list.get(0).startsWith("measure")) ? 0 : list.size();
            }
        }

        Color colour(String key) {
            return colours.getOrDefault(key, Color.BLACK);
        }

        int shape(String key) {
            return shapes.getOrDefault(key, 0);
        }
    }

    private static int compareKeys(String a, String b) {
        return ExperimentTable.compareCells(a.substring(a.indexOf('=') + 1), b.substring(b.indexOf('=') + 1));
    }

    /**
     * The page of an experiment's figures (figures.md): each figure's picture, links to its PDF,
     * SVG, PNG and plotted data (only the formats written), and a caption saying what each panel
     * shows, its pass criterion and the spec's claims about its measures.
     */
    public static String index(String experiment, String description, List<FigureSpec> figures, List<ClaimRef> claims,
                               FigureOptions options) {
        StringBuilder md = new StringBuilder("# Figures of " + experiment + "\n\n" + description.strip() + "\n\n");
        for (FigureSpec f : figures) {
            md.append("## ").append(f.id()).append("\n\n");
            if (options.formats().contains("png")) {
                md.append(String.format(Locale.ROOT, "![%s](%s.png)%n%n", f.id(), f.id()));
            }
            List<String> links = new ArrayList<>();
            for (String format : options.formats()) {
                links.add(String.format(Locale.ROOT, "[%s](%s.%s)", format.toUpperCase(Locale.ROOT), f.id(), format));
            }
            links.add(String.format(Locale.ROOT, "[plotted data](%s.csv)", f.id()));
            md.append(String.join(" · ", links)).append("\n\n");
            md.append("**").append(f.title().strip()).append(".** ");
            if (!f.caption().isBlank()) {
                md.append(f.caption().strip()).append(' ');
            }
            for (int i = 0; i < f.panels().size(); i++) {
                FigureSpec.Panel p = f.panels().get(i);
                md.append("**(").append((char) ('a' + i)).append(")** ");
                if (!p.title().isBlank() && f.panels().size() > 1) {
                    md.append(p.title().strip()).append(": ");
                }
                if (p.mark().equals("heatmap")) {
                    md.append("heat map of ").append(p.yLabel()).append(" for every pair (row, column) of ").append(p.xLabel());
                } else {
                    md.append(p.yLabel()).append(" against ").append(p.xLabel());
                }
                if (p.series() != null && !p.mark().equals("heatmap")) {
                    md.append(", one ").append(p.mark().equals("line") ? "line" : "colour").append(" per ").append(p.series().replace('_', ' '));
                }
                if (!p.reference().isEmpty()) {
                    md.append("; dashed: ");
                    List<String> refs = new ArrayList<>();
                    p.reference().forEach(m -> refs.add(measureLabel(f, m)));
                    md.append(String.join(", ", refs));
                }
                if (!p.filter().isEmpty()) {
                    List<String> fs = new ArrayList<>();
                    p.filter().forEach((k, v) -> fs.add(k + " = " + v));
                    md.append(" (").append(String.join(", ", fs)).append(')');
                }
                md.append(". ");
                if (!p.pass().isBlank()) {
                    md.append("Pass: ").append(p.pass().strip()).append(". ");
                }
                Set<String> ids = new LinkedHashSet<>(p.claims());
                for (ClaimRef c : claims) {
                    if (p.measures().contains(c.measure())) {
                        ids.add(c.id());
                    }
                }
                if (!ids.isEmpty()) {
                    List<String> quoted = new ArrayList<>();
                    ids.forEach(id -> quoted.add("`" + id + "`"));
                    md.append("Claims: ").append(String.join(", ", quoted)).append(". ");
                }
            }
            md.append("\n\n");
        }
        md.append("Markers are means over seeds. Intervals are 95%: Student t on linear axes, on the log scale on ")
                .append("logarithmic axes, Wilson (effective sample size of the seed mean) for proportions; with fewer ")
                .append("than ").append(DrawnInterval.MIN_SEEDS).append(" seeds no interval is drawn and the seeds are ")
                .append("shown as small dots. Hollow markers of different shapes keep series that coincide (e.g. populations ")
                .append("equal by symmetry) visible. Each figure's CSV lists every plotted number and the interval used.\n");
        return md.toString();
    }
}
