package org.netropy.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.netropy.experiment.FigureSpec;
import org.netropy.io.AtomicFiles;
import org.netropy.io.InvalidInputException;

/**
 * Draws a figure declared in a spec from the experiment's tidy table alone (never from run
 * folders), as PNG and SVG with XChart, and writes the plotted numbers beside it as CSV so every
 * point of a figure can be checked. Error bars are the 95% confidence intervals of the table.
 *
 * <p>A numeric x column gives a line chart with markers; a text x column (e.g. a population
 * name) gives a bar chart. On a logarithmic axis, points that are not positive cannot be drawn and
 * are left out of the picture (they stay in the CSV), and error bars are cut at the axis floor.
 */
public final class FigureMaker {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 6f}, 0f);
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;

    /** One plotted line: its name and points. */
    record Series(String name, boolean reference, List<String> x, List<Double> y, List<Double> ciLow, List<Double> ciHigh, List<Integer> n) {}

    private FigureMaker() {}

    /**
     * Draws one figure from a table into {@code dir} as {@code <id>.png}, {@code <id>.svg} and
     * {@code <id>.csv}; returns the PNG path.
     */
    public static Path draw(List<Map<String, String>> table, FigureSpec figure, Path dir) {
        List<Series> series = select(table, figure);
        if (series.isEmpty()) {
            throw new InvalidInputException("figure " + figure.id() + ": no table rows match y = " + figure.measures()
                    + (figure.filter().isEmpty() ? "" : " and filter " + figure.filter()));
        }
        boolean numericX = series.stream().allMatch(s -> s.x().stream().allMatch(v -> ExperimentTable.parse(v) != null));
        Chart<?, ?> chart = numericX ? xyChart(figure, series) : categoryChart(figure, series);
        try {
            Files.createDirectories(dir);
            String base = dir.resolve(figure.id()).toString();
            BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            Path svg = dir.resolve(figure.id() + ".svg");
            AtomicFiles.writeString(svg, compactSvg(Files.readString(svg)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + figure.id() + " in " + dir, e);
        }
        AtomicFiles.writeString(dir.resolve(figure.id() + ".csv"), dataCsv(figure, series));
        return dir.resolve(figure.id() + ".png");
    }

    /**
     * XChart draws text as glyph outlines with coordinates to 1/64 px, which makes SVGs of about
     * 1 MB; a tenth of a pixel on a 900 x 600 canvas is invisible and halves the size.
     */
    static String compactSvg(String svg) {
        return DECIMALS.matcher(svg).replaceAll("$1");
    }

    private static final java.util.regex.Pattern DECIMALS = java.util.regex.Pattern.compile("(\\d+\\.\\d)\\d+");

    /** The table rows of the figure, one series per (measure, series value), sorted along x. */
    static List<Series> select(List<Map<String, String>> table, FigureSpec f) {
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, String> r : table) {
            if (f.measures().contains(r.get("measure")) && matches(r, f.filter())) {
                rows.add(r);
            }
        }
        rows.sort((a, b) -> {
            int c = f.series() == null ? 0 : ExperimentTable.compareCells(a.get(f.series()), b.get(f.series()));
            return c != 0 ? c : ExperimentTable.compareCells(a.get(f.x()), b.get(f.x()));
        });
        List<String> measures = f.measures();
        for (String measure : measures) {
            for (Map<String, String> r : rows) {
                if (!measure.equals(r.get("measure"))) {
                    continue;
                }
                String name = f.series() == null ? measure
                        : (measures.size() > 1 ? measure + ", " : "") + f.series() + " = " + r.get(f.series());
                groups.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
            }
        }
        List<Series> out = new ArrayList<>();
        groups.forEach((name, rs) -> {
            List<String> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> lo = new ArrayList<>();
            List<Double> hi = new ArrayList<>();
            List<Integer> n = new ArrayList<>();
            for (Map<String, String> r : rs) {
                if (x.contains(r.get(f.x()))) {
                    throw new InvalidInputException("figure " + f.id() + ": several table rows for " + f.x() + " = " + r.get(f.x())
                            + " in series '" + name + "'; add a 'series' column or a 'filter' that picks one slice");
                }
                x.add(r.get(f.x()));
                y.add(number(r.get("mean")));
                lo.add(number(r.get("ci95_low")));
                hi.add(number(r.get("ci95_high")));
                n.add(Integer.parseInt(r.get("n_seeds")));
            }
            out.add(new Series(name, f.reference().contains(rs.get(0).get("measure")), x, y, lo, hi, n));
        });
        return out;
    }

    private static boolean matches(Map<String, String> row, Map<String, Object> filter) {
        for (Map.Entry<String, Object> e : filter.entrySet()) {
            String cell = row.get(e.getKey());
            String want = String.valueOf(e.getValue());
            Double a = ExperimentTable.parse(cell);
            Double b = ExperimentTable.parse(want);
            boolean same = a != null && b != null ? a.doubleValue() == b.doubleValue() : want.equals(cell);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static double number(String s) {
        Double d = ExperimentTable.parse(s);
        return d == null ? Double.NaN : d;
    }

    private static XYChart xyChart(FigureSpec f, List<Series> series) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(f.title())
                .xAxisTitle(f.xLabel()).yAxisTitle(f.yLabel()).build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(f.logX());
        chart.getStyler().setYAxisLogarithmic(f.logY());
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        for (Series s : series) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            List<Double> errs = new ArrayList<>();
            for (int i = 0; i < s.x().size(); i++) {
                double x = number(s.x().get(i));
                double y = s.y().get(i);
                if (!Double.isFinite(y) || (f.logX() && x <= 0) || (f.logY() && y <= 0)) {
                    continue;
                }
                double err = Double.isFinite(s.ciHigh().get(i)) ? s.ciHigh().get(i) - y : 0;
                if (f.logY()) {
                    err = Math.min(err, 0.999 * y); // a log axis has no room below zero
                }
                xs.add(x);
                ys.add(y);
                errs.add(err);
            }
            if (xs.isEmpty()) {
                continue;
            }
            if (s.reference()) {
                XYSeries line = chart.addSeries(s.name(), xs, ys);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineStyle(DASHED);
            } else {
                chart.addSeries(s.name(), xs, ys, errs).setLineStyle(new BasicStroke(2f));
            }
        }
        return chart;
    }

    private static CategoryChart categoryChart(FigureSpec f, List<Series> series) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(f.title())
                .xAxisTitle(f.xLabel()).yAxisTitle(f.yLabel()).build();
        style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(f.logY());
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        for (Series s : series) {
            List<Double> errs = new ArrayList<>();
            for (int i = 0; i < s.y().size(); i++) {
                errs.add(Double.isFinite(s.ciHigh().get(i)) ? s.ciHigh().get(i) - s.y().get(i) : 0.0);
            }
            chart.addSeries(s.name(), s.x(), s.y(), errs);
        }
        return chart;
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setChartTitleBoxVisible(false);
        styler.setLegendBorderColor(Color.WHITE);
        if (styler instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            a.setPlotGridLinesColor(new Color(225, 225, 225));
            a.setYAxisDecimalPattern("0.###E0");
        }
    }

    private static String dataCsv(FigureSpec f, List<Series> series) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("series", f.x(), "mean", "ci95_low", "ci95_high", "n_seeds").setRecordSeparator('\n').build())) {
            for (Series s : series) {
                for (int i = 0; i < s.x().size(); i++) {
                    p.printRecord(s.name(), s.x().get(i), text(s.y().get(i)), text(s.ciLow().get(i)), text(s.ciHigh().get(i)), s.n().get(i));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String text(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /** A one-page index of an experiment's figures with their pass criteria (figures.md). */
    public static String index(String experiment, String description, List<FigureSpec> figures) {
        StringBuilder md = new StringBuilder("# Figures of " + experiment + "\n\n" + description.strip() + "\n\n");
        md.append("| figure | shows | pass criterion |\n|---|---|---|\n");
        for (FigureSpec f : figures) {
            md.append(String.format(Locale.ROOT, "| [%s](%s.png) ([svg](%s.svg), [data](%s.csv)) | %s against %s%s | %s |\n",
                    f.id(), f.id(), f.id(), f.id(), String.join(", ", f.y())
                            + (f.reference().isEmpty() ? "" : " (dashed: " + String.join(", ", f.reference()) + ")"), f.x(),
                    f.series() == null ? "" : " per " + f.series(), f.pass().isEmpty() ? "(none stated)" : f.pass()));
        }
        return md.toString();
    }
}
