package org.netropy.experiment;

import java.util.List;
import java.util.Map;

/**
 * A figure declared in a spec, drawn by {@code netropy figures} from the experiment's tidy table.
 *
 * @param id     file name stem of the figure (PNG, SVG and the CSV of the plotted data)
 * @param title  chart title
 * @param x      column on the x axis (a parameter or a row key)
 * @param y      measures on the y axis (one series per measure and series value), with 95% CI error bars
 * @param reference measures drawn as dashed lines without markers or error bars, e.g. a theory's
 *               prediction beside the measured values; may be empty
 * @param series column whose values make separate lines, or null
 * @param filter column = value pairs that select a slice of the table (e.g. sigma: 1.0)
 * @param logX   logarithmic x axis
 * @param logY   logarithmic y axis
 * @param xLabel x-axis label (defaults to the column name)
 * @param yLabel y-axis label (defaults to the measure names)
 * @param pass   the pass criterion in words, as in REPRODUCE.md (e.g. "slope -1 on log-log axes")
 */
public record FigureSpec(String id, String title, String x, List<String> y, List<String> reference, String series, Map<String, Object> filter,
                         boolean logX, boolean logY, String xLabel, String yLabel, String pass) {
    public FigureSpec {
        y = List.copyOf(y);
        reference = List.copyOf(reference);
        filter = Map.copyOf(filter);
    }

    /** Measured and reference measures, in that order. */
    public List<String> measures() {
        List<String> all = new java.util.ArrayList<>(y);
        all.addAll(reference);
        return all;
    }
}
