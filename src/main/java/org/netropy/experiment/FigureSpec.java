package org.netropy.experiment;

import java.util.List;
import java.util.Map;

/**
 * A figure declared in a spec, drawn by {@code netropy figures} from the experiment's tidy table.
 *
 * @param id     file name stem of the figure (PNG, SVG and the CSV of the plotted data)
 * @param title  chart title
 * @param x      column on the x axis (a parameter or a row key)
 * @param y      measures on the y axis (one series per measure and series value)
 * @param series column whose values make separate lines, or null
 * @param filter column = value pairs that select a slice of the table (e.g. sigma: 1.0)
 * @param logX   logarithmic x axis
 * @param logY   logarithmic y axis
 * @param xLabel x-axis label (defaults to the column name)
 * @param yLabel y-axis label (defaults to the measure names)
 * @param pass   the pass criterion in words, as in REPRODUCE.md (e.g. "slope -1 on log-log axes")
 */
public record FigureSpec(String id, String title, String x, List<String> y, String series, Map<String, Object> filter,
                         boolean logX, boolean logY, String xLabel, String yLabel, String pass) {
    public FigureSpec {
        y = List.copyOf(y);
        filter = Map.copyOf(filter);
    }
}
