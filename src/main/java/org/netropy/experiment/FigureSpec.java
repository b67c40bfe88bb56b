package org.netropy.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paper figure declared in a spec, drawn by {@code netropy figures} from the experiment's tidy
 * table as one multi-panel page (PDF, SVG, PNG) with the plotted data beside it.
 *
 * @param id      file name stem of the figure
 * @param title   what the figure shows, first sentence of its caption
 * @param caption further caption text (may be empty)
 * @param width   "single" (one journal column, about 85 mm), "double" (about 180 mm) or a width in mm
 * @param columns panels per row
 * @param panels  the panels, lettered a, b, c … in this order
 * @param labels  column (or "measure") → value → the name a reader sees in legends, in the spec's
 *                order (a categorical axis keeps that order)
 */
public record FigureSpec(String id, String title, String caption, String width, int columns, List<Panel> panels,
                         Map<String, Map<String, String>> labels) {

    /** Marks a panel can draw. */
    public static final List<String> MARKS = List.of("line", "stem", "bars", "histogram", "stacked", "heatmap");

    public FigureSpec {
        panels = List.copyOf(panels);
        // in the spec's order: a categorical axis lists its categories in the order the labels declare them
        Map<String, Map<String, String>> ordered = new LinkedHashMap<>();
        labels.forEach((k, v) -> ordered.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        labels = Collections.unmodifiableMap(ordered);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("figure " + id + " has no panels");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1");
        }
    }

    /**
     * One panel.
     *
     * @param title     short panel title (may be empty)
     * @param x         column on the x axis (a parameter or a row key)
     * @param y         measures drawn with markers and intervals (one series per measure and series value)
     * @param reference measures drawn as dashed lines in their partner's colour (e.g. a theory's
     *                  prediction); may be empty
     * @param series    column whose values make separate series, or null
     * @param filter    column = value pairs that select a slice of the table
     * @param logX      logarithmic x axis
     * @param logY      logarithmic y axis
     * @param xLabel    x-axis label with symbol and unit
     * @param yLabel    y-axis label with symbol and unit
     * @param pass      the pass criterion in words, as in REPRODUCE.md
     * @param mark      one of {@link #MARKS}: line (numeric x), stem (a discrete distribution),
     *                  bars (categories), histogram (binned values, x = bin centre), stacked
     *                  (the y measures stacked per x, e.g. unit classes summing to 1), heatmap
     *                  (one measure as a matrix: x the column key, series the row key, y_label
     *                  the colour bar's label; a triangle is mirrored, e.g. an RDM)
     * @param proportion the y measures are proportions in [0, 1] (Wilson intervals)
     * @param positive  the y measures cannot be negative (an entropy, a distance): intervals on
     *                  the log scale of the mean, which stay above zero
     * @param claims    ids of the spec's claims this panel illustrates (may be empty)
     */
    public record Panel(String title, String x, List<String> y, List<String> reference, String series, Map<String, Object> filter,
                        boolean logX, boolean logY, String xLabel, String yLabel, String pass, String mark, boolean proportion,
                        boolean positive, List<String> claims) {

        /** A panel of a measure without a sign constraint beyond {@code proportion}. */
        public Panel(String title, String x, List<String> y, List<String> reference, String series, Map<String, Object> filter,
                     boolean logX, boolean logY, String xLabel, String yLabel, String pass, String mark, boolean proportion,
                     List<String> claims) {
            this(title, x, y, reference, series, filter, logX, logY, xLabel, yLabel, pass, mark, proportion, false, claims);
        }

        public Panel {
            y = List.copyOf(y);
            reference = List.copyOf(reference);
            filter = Map.copyOf(filter);
            claims = List.copyOf(claims);
            if (!MARKS.contains(mark)) {
                throw new IllegalArgumentException("mark must be one of " + MARKS + " (got " + mark + ")");
            }
        }

        /** A line panel with no claims, proportion flag off: the common case (tests, defaults). */
        public static Panel line(String x, List<String> y, List<String> reference, String series, Map<String, Object> filter,
                                 boolean logX, boolean logY, String xLabel, String yLabel) {
            return new Panel("", x, y, reference, series, filter, logX, logY, xLabel, yLabel, "", "line", false, List.of());
        }

        /** Measured and reference measures, in that order. */
        public List<String> measures() {
            List<String> all = new ArrayList<>(y);
            all.addAll(reference);
            return all;
        }
    }
}
