package org.netropy.report;

import java.util.List;
import org.netropy.io.InvalidInputException;

/**
 * How figures are written: page widths for one- and two-column figures (mm), or one width for
 * all, the PNG resolution and the formats.
 *
 * @param singleMm width of a one-column figure (journal default about 85 mm)
 * @param doubleMm width of a two-column figure (about 180 mm)
 * @param widthMm  a width for every figure instead (NaN: each figure's own)
 * @param dpi      PNG resolution in dots per inch (300 for print)
 * @param formats  subset of pdf, svg, png
 */
public record FigureOptions(double singleMm, double doubleMm, double widthMm, int dpi, List<String> formats) {
    public static final List<String> FORMATS = List.of("pdf", "svg", "png");
    public static final FigureOptions DEFAULT = new FigureOptions(85, 180, Double.NaN, 300, FORMATS);

    public FigureOptions {
        InvalidInputException.require(singleMm >= 30 && singleMm <= 500, "--single-column", "a width in mm from 30 to 500", singleMm);
        InvalidInputException.require(doubleMm >= 30 && doubleMm <= 500, "--double-column", "a width in mm from 30 to 500", doubleMm);
        InvalidInputException.require(Double.isNaN(widthMm) || (widthMm >= 30 && widthMm <= 500), "--width", "a width in mm from 30 to 500", widthMm);
        InvalidInputException.require(dpi >= 50 && dpi <= 2400, "--dpi", "a resolution from 50 to 2400", dpi);
        InvalidInputException.require(!formats.isEmpty() && FORMATS.containsAll(formats), "--formats",
                "a comma-separated subset of " + String.join(",", FORMATS), String.join(",", formats));
        formats = List.copyOf(new java.util.LinkedHashSet<>(formats));
    }

    /** The page width of a figure declared "single", "double" or in mm. */
    public double width(String declared) {
        if (!Double.isNaN(widthMm)) {
            return widthMm;
        }
        return switch (declared) {
            case "single" -> singleMm;
            case "double" -> doubleMm;
            default -> Double.parseDouble(declared);
        };
    }
}
