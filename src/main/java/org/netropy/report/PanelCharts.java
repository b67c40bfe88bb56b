package org.netropy.report;

import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One panel as a JFreeChart without title or legend (the page draws the letter and the shared
 * legend). Linear axes carry plain decimals, logarithmic axes powers of ten
 * ({@link JournalLogAxis}); points a logarithmic axis cannot show (≤ 0) are left out of the
 * picture but stay in the figure's CSV.
 */
final class PanelCharts {
    private PanelCharts() {}

    /** Points above which a line is drawn without markers. */
    static final int DENSE = 60;

    static JFreeChart chart(Plot.Panel p) {
        XYPlot plot = new XYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(new RectangleInsets(1, 1, 1, 1));
        plot.setInsets(new RectangleInsets(2, 0, 0, 4));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainAxis(p.categories() != null ? categoryAxis(p.xLabel(), p.categories()) : axis(p.xLabel(), p.logX()));
        ValueAxis y = axis(p.yLabel(), p.logY());
        plot.setRangeAxis(y);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(null);
        // JFreeChart underestimates wide tick labels by a point or two; the padding keeps the axis label inside the clip
        chart.setPadding(new RectangleInsets(0, 5, 0, 0));
        if (p.heatmap() != null) {
            heatmap(chart, plot, p.heatmap());
            return chart;
        }
        int index = 0;
        for (Plot.Series s : p.series()) {
            index = add(plot, index, s, p);
        }
        boolean bars = p.series().stream().anyMatch(s -> s.style() == Plot.Style.BAR);
        if (y instanceof NumberAxis n) {
            // bars stand on zero; markers on zero need the margin below it to be seen whole
            n.setAutoRangeIncludesZero(bars);
            n.setAutoRangeStickyZero(bars);
        }
        if (p.yRange() != null) {
            // within the allowed range, but no wider than the data need
            org.jfree.data.Range auto = y.getRange();
            double lo = Math.max(p.yRange()[0], auto.getLowerBound());
            double hi = Math.min(p.yRange()[1], auto.getUpperBound());
            y.setRange(hi > lo ? lo : p.yRange()[0], hi > lo ? hi : p.yRange()[1]);
        }
        if (plot.getDomainAxis() instanceof NumberAxis nx && p.categories() == null) {
            nx.setAutoRangeStickyZero(false);
        }
        if (p.categories() == null && !p.logX() && plot.getDomainAxis() instanceof NumberAxis nx) {
            nx.setAutoRangeIncludesZero(false);
            if (p.xTickUnit() == 0) {
                nx.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
            } else if (Double.isFinite(p.xTickUnit())) {
                nx.setTickUnit(new NumberTickUnit(p.xTickUnit(), new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
            }
        }
        return chart;
    }

    /** Adds the datasets and renderers of one series from index on; returns the next free index. */
    private static int add(XYPlot plot, int index, Plot.Series s, Plot.Panel p) {
        List<Plot.Point> pts = new ArrayList<>();
        for (Plot.Point pt : s.points()) {
            boolean drawable = Double.isFinite(pt.y()) && Double.isFinite(pt.x()) && !(p.logX() && pt.x() <= 0)
                    && !(p.logY() && pt.y() <= 0);
            if (drawable) {
                pts.add(pt);
            }
        }
        if (pts.isEmpty()) {
            return index;
        }
        Color c = s.colour();
        switch (s.style()) {
            case BAR -> {
                XYIntervalSeries bars = new XYIntervalSeries(s.label() + "#" + index);
                for (Plot.Point pt : pts) {
                    double half = pt.width() / 2;
                    double lo = p.logX() ? pt.x() / Math.exp(half) : pt.x() - half;
                    double hi = p.logX() ? pt.x() * Math.exp(half) : pt.x() + half;
                    double base = p.logY() && pt.base() <= 0 ? p.yRange() != null ? p.yRange()[0] : pt.y() * 1e-3 : pt.base();
                    bars.add(pt.x(), lo, hi, pt.y(), base, pt.y());
                }
                XYIntervalSeriesCollection ds = new XYIntervalSeriesCollection();
                ds.addSeries(bars);
                XYBarRenderer r = new XYBarRenderer(0);
                r.setBarPainter(new StandardXYBarPainter());
                r.setShadowVisible(false);
                r.setUseYInterval(true);
                r.setDrawBarOutline(true);
                r.setSeriesPaint(0, FigureStyle.translucent(c, p.translucentBars() ? 45 : 150));
                r.setSeriesOutlinePaint(0, c);
                r.setSeriesOutlineStroke(0, FigureStyle.MARKER);
                plot.setDataset(index, ds);
                plot.setRenderer(index, r);
                index++;
                index = intervals(plot, index, pts, c, s.label(), true);
                return index;
            }
            case STEP, REFERENCE_STEP -> {
                return steps(plot, index, pts, c, s.label(), p, s.style() == Plot.Style.REFERENCE_STEP);
            }
            case DOTS -> {
                XYSeries xy = new XYSeries(s.label() + "#" + index, false, true);
                pts.forEach(pt -> xy.add(pt.x(), pt.y()));
                XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
                r.setSeriesShape(0, FigureStyle.marker(0, 1.6));
                r.setSeriesPaint(0, FigureStyle.translucent(c, 90));
                plot.setDataset(index, new XYSeriesCollection(xy));
                plot.setRenderer(index, r);
                return index + 1;
            }
            default -> {
                boolean reference = s.style() == Plot.Style.REFERENCE;
                XYSeries xy = new XYSeries(s.label() + "#" + index, true, true);
                pts.forEach(pt -> xy.add(pt.x(), pt.y()));
                // markers on a dense curve (e.g. a loss at every step) would merge into a thick band
                boolean markers = !reference && (s.style() == Plot.Style.POINTS || pts.size() <= DENSE);
                XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(s.style() != Plot.Style.POINTS, markers);
                r.setSeriesPaint(0, c);
                r.setSeriesStroke(0, reference ? FigureStyle.REFERENCE : FigureStyle.LINE);
                r.setSeriesShape(0, FigureStyle.marker(s.shape(), 3.6));
                r.setUseOutlinePaint(false);
                r.setSeriesShapesFilled(0, false);
                r.setDrawOutlines(true);
                r.setUseFillPaint(true);
                r.setSeriesFillPaint(0, Color.WHITE);
                r.setSeriesOutlineStroke(0, FigureStyle.MARKER);
                plot.setDataset(index, new XYSeriesCollection(xy));
                plot.setRenderer(index, r);
                index++;
                if (!reference) {
                    index = intervals(plot, index, pts, c, s.label(), false);
                    index = seeds(plot, index, pts, c, s.label(), p.logY());
                }
                return index;
            }
        }
    }

    /**
     * A histogram as a stair line along the bin edges (x ± width/2), closed down to zero at both
     * ends, with the drawn intervals as a translucent band of the same stairs.
     */
    private static int steps(XYPlot plot, int index, List<Plot.Point> pts, Color c, String name, Plot.Panel p, boolean reference) {
        // in the order added: two vertices share each inner bin edge, and sorting could swap them
        YIntervalSeries stairs = new YIntervalSeries(name + "#steps" + index, false, true);
        double floor = p.logY() ? Double.NaN : 0;
        Plot.Point first = pts.get(0);
        if (Double.isFinite(floor)) {
            stairs.add(first.x() - first.width() / 2, floor, floor, floor);
        }
        for (Plot.Point pt : pts) {
            boolean drawn = !reference && pt.interval() != null && pt.interval().drawn();
            double lo = drawn ? pt.interval().low() : pt.y();
            double hi = drawn ? pt.interval().high() : pt.y();
            stairs.add(pt.x() - pt.width() / 2, pt.y(), lo, hi);
            stairs.add(pt.x() + pt.width() / 2, pt.y(), lo, hi);
        }
        Plot.Point last = pts.get(pts.size() - 1);
        if (Double.isFinite(floor)) {
            stairs.add(last.x() + last.width() / 2, floor, floor, floor);
        }
        YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
        ds.addSeries(stairs);
        org.jfree.chart.renderer.xy.DeviationRenderer r = new org.jfree.chart.renderer.xy.DeviationRenderer(true, false);
        r.setSeriesPaint(0, c);
        r.setSeriesFillPaint(0, c);
        r.setAlpha(0.22f);
        r.setSeriesStroke(0, reference ? FigureStyle.REFERENCE : FigureStyle.LINE);
        plot.setDataset(index, ds);
        plot.setRenderer(index, r);
        return index + 1;
    }

    /** Error bars of the points whose interval is drawn. */
    private static int intervals(XYPlot plot, int index, List<Plot.Point> pts, Color c, String name, boolean bars) {
        YIntervalSeries iv = new YIntervalSeries(name + "#ci" + index);
        for (Plot.Point pt : pts) {
            if (pt.interval() != null && pt.interval().drawn()) {
                iv.add(pt.x(), pt.y(), pt.interval().low(), pt.interval().high());
            }
        }
        if (iv.getItemCount() == 0) {
            return index;
        }
        YIntervalSeriesCollection ds = new YIntervalSeriesCollection();
        ds.addSeries(iv);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(false);
        r.setErrorPaint(bars ? Color.BLACK : c);
        r.setErrorStroke(FigureStyle.MARKER);
        r.setCapLength(2.5);
        plot.setDataset(index, ds);
        plot.setRenderer(index, r);
        return index + 1;
    }

    /** The individual seeds of points from fewer than three seeds, as small dots. */
    private static int seeds(XYPlot plot, int index, List<Plot.Point> pts, Color c, String name, boolean logY) {
        XYSeries xy = new XYSeries(name + "#seeds" + index, false, true);
        for (Plot.Point pt : pts) {
            if (pt.seeds().length > 1) {
                for (double v : pt.seeds()) {
                    if (Double.isFinite(v) && !(logY && v <= 0)) {
                        xy.add(pt.x(), v);
                    }
                }
            }
        }
        if (xy.getItemCount() == 0) {
            return index;
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        r.setSeriesShape(0, FigureStyle.marker(0, 1.8));
        r.setSeriesPaint(0, c);
        plot.setDataset(index, new XYSeriesCollection(xy));
        plot.setRenderer(index, r);
        return index + 1;
    }

    private static void heatmap(JFreeChart chart, XYPlot plot, Plot.Heatmap h) {
        int n = h.values().length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[][] xyz = new double[3][n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double v = h.values()[r][c];
                xyz[0][r * n + c] = c;
                xyz[1][r * n + c] = r;
                xyz[2][r * n + c] = v;
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (Double.isFinite(h.low()) && Double.isFinite(h.high())) {
            min = h.low();
            max = h.high();
        }
        if (!(max > min)) {
            max = min + 1;
        }
        DefaultXYZDataset ds = new DefaultXYZDataset();
        ds.addSeries("values", xyz);
        LookupPaintScale scale = new LookupPaintScale(min, max, Color.WHITE);
        for (int i = 0; i < 64; i++) {
            scale.add(min + (max - min) * i / 64.0, FigureStyle.ramp(i / 63.0));
        }
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        plot.setDataset(0, ds);
        plot.setRenderer(0, r);
        SymbolAxis x = new LabelledCells(plot.getDomainAxis().getLabel(), h.ticks());
        SymbolAxis y = new LabelledCells(plot.getRangeAxis().getLabel(), h.ticks());
        for (SymbolAxis a : List.of(x, y)) {
            a.setGridBandsVisible(false);
            a.setAutoTickUnitSelection(false);
            a.setTickUnit(new NumberTickUnit(1));
            a.setRange(-0.5, n - 0.5);
            style(a);
        }
        y.setInverted(true);
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        if (!h.colourBar()) {
            return;
        }
        NumberAxis scaleAxis = axis(h.scaleLabel(), false) instanceof NumberAxis a ? a : new NumberAxis();
        scaleAxis.setRange(min, max);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(5);
        legend.setAxisOffset(1);
        legend.setMargin(new RectangleInsets(4, 3, 4, 0));
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
    }

    /**
     * The axis of a heat map: a tick and label at every cell whose label is not empty, and no
     * other. SymbolAxis itself drops a label that would overlap its neighbour's, blank or not, so
     * sparse labels (one per block of conditions) would vanish.
     */
    private static final class LabelledCells extends SymbolAxis {
        private static final long serialVersionUID = 1L;

        LabelledCells(String label, List<String> cells) {
            super(label, cells.toArray(new String[0]));
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        public List refreshTicks(java.awt.Graphics2D g2, org.jfree.chart.axis.AxisState state, java.awt.geom.Rectangle2D dataArea,
                                 RectangleEdge edge) {
            boolean horizontal = RectangleEdge.isTopOrBottom(edge);
            org.jfree.chart.ui.TextAnchor anchor = horizontal
                    ? (edge == RectangleEdge.TOP ? org.jfree.chart.ui.TextAnchor.BOTTOM_CENTER : org.jfree.chart.ui.TextAnchor.TOP_CENTER)
                    : (edge == RectangleEdge.LEFT ? org.jfree.chart.ui.TextAnchor.CENTER_RIGHT : org.jfree.chart.ui.TextAnchor.CENTER_LEFT);
            List ticks = new ArrayList();
            String[] symbols = getSymbols();
            for (int i = 0; i < symbols.length; i++) {
                if (!symbols[i].isEmpty() && getRange().contains(i)) {
                    ticks.add(new org.jfree.chart.axis.NumberTick((double) i, symbols[i], anchor, anchor, 0.0));
                }
            }
            return ticks;
        }
    }

    /** A linear axis with plain decimal ticks, or a journal log axis. */
    static ValueAxis axis(String label, boolean log) {
        ValueAxis a;
        if (log) {
            a = new JournalLogAxis(label);
        } else {
            NumberAxis n = new NumberAxis(label);
            n.setStandardTickUnits(decimalTickUnits());
            n.setAutoRangeStickyZero(true);
            a = n;
        }
        style(a);
        return a;
    }

    private static SymbolAxis categoryAxis(String label, List<String> categories) {
        SymbolAxis a = new SymbolAxis(label, categories.toArray(new String[0]));
        a.setGridBandsVisible(false);
        a.setAutoTickUnitSelection(false); // every category gets its label, never every other one
        a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
        a.setRange(-0.6, categories.size() - 0.4);
        style(a);
        return a;
    }

    private static void style(ValueAxis a) {
        a.setLabelFont(FigureStyle.AXIS);
        a.setTickLabelFont(FigureStyle.TICK);
        a.setAxisLinePaint(Color.BLACK);
        a.setAxisLineStroke(FigureStyle.AXIS_LINE);
        a.setTickMarkPaint(Color.BLACK);
        a.setTickMarkStroke(FigureStyle.AXIS_LINE);
        a.setTickMarkInsideLength(0);
        a.setTickMarkOutsideLength(2.5f);
        a.setMinorTickMarkOutsideLength(1.5f);
        a.setLabelPaint(Color.BLACK);
        a.setTickLabelPaint(Color.BLACK);
        a.setTickLabelInsets(new RectangleInsets(1, 1, 1, 1));
        a.setLabelInsets(new RectangleInsets(1, 1, 1, 1));
    }

    /** Tick sizes 1, 2, 2.5, 5 × 10^k for k = −9 … 9, each labelled with just the decimals it needs. */
    private static TickUnits decimalTickUnits() {
        TickUnits units = new TickUnits();
        DecimalFormatSymbols sym = DecimalFormatSymbols.getInstance(Locale.ROOT);
        for (int k = -9; k <= 9; k++) {
            for (double m : new double[] {1, 2, 2.5, 5}) {
                double size = m * Math.pow(10, k);
                int decimals = Math.max(0, -k + (m == 2.5 ? 1 : 0));
                DecimalFormat f = new DecimalFormat(decimals == 0 ? "0" : "0." + "0".repeat(decimals), sym);
                units.add(new NumberTickUnit(size, f, m == 5 ? 5 : 2));
            }
        }
        return units;
    }
}
