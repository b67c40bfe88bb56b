package org.netropy.cli;

import java.util.ArrayList;
import java.util.List;
import org.netropy.io.InvalidInputException;
import org.netropy.linalg.Grid;

/**
 * Parses the range syntax shared by every sweep option: a single value {@code 3}, a list
 * {@code 1,2,4}, or an inclusive range {@code 1..8} (integers) / {@code 0.03..10} (numbers,
 * spaced by a point count, logarithmically by default).
 */
public final class Ranges {
    /** The most values one option may expand to (checked before any is built). */
    public static final int MAX_VALUES = 1_000_000;

    private Ranges() {}

    /** Integers: "3", "1,2,4" or "1..8"; each must lie in [min, max]. */
    public static int[] integers(String option, String text, int min, int max) {
        String allowed = "an integer, a list like 1,2,4 or a range like 1..8, within [" + min + ", " + max + "]";
        InvalidInputException.require(text != null && !text.isBlank(), option, allowed, "empty");
        List<Integer> values = new ArrayList<>();
        try {
            for (String part : text.split(",")) {
                part = part.strip();
                int dots = part.indexOf("..");
                if (dots >= 0) {
                    int lo = Integer.parseInt(part.substring(0, dots).strip());
                    int hi = Integer.parseInt(part.substring(dots + 2).strip());
                    InvalidInputException.require(lo <= hi, option, allowed, text);
                    InvalidInputException.require(lo >= min && hi <= max, option, allowed, text);
                    InvalidInputException.require((long) hi - lo + 1 + values.size() <= MAX_VALUES, option,
                            "at most " + MAX_VALUES + " values", ((long) hi - lo + 1) + " values in " + part);
                    for (int x = lo; x <= hi; x++) {
                        values.add(x);
                    }
                } else {
                    values.add(Integer.parseInt(part));
                }
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option + " must be " + allowed + " (got " + text + ")");
        }
        for (int x : values) {
            InvalidInputException.require(x >= min && x <= max, option, allowed, text);
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Numbers: "0.5", "0.1,1,10" or "0.03..10" spaced over {@code points} values (geometric if
     * {@code logarithmic}); each must be finite and &gt; 0 when {@code positive}.
     */
    public static double[] numbers(String option, String text, int points, boolean logarithmic, boolean positive) {
        String allowed = "a number, a list like 0.1,1,10 or a range like 0.03..10" + (positive ? " of finite numbers > 0" : "");
        InvalidInputException.require(text != null && !text.isBlank(), option, allowed, "empty");
        List<Double> values = new ArrayList<>();
        try {
            for (String part : text.split(",")) {
                part = part.strip();
                int dots = part.indexOf("..");
                if (dots >= 0) {
                    double lo = Double.parseDouble(part.substring(0, dots).strip());
                    double hi = Double.parseDouble(part.substring(dots + 2).strip());
                    InvalidInputException.require(lo <= hi, option, allowed, text);
                    InvalidInputException.require(points >= 1 && points <= MAX_VALUES, "--points", "an integer in [1, " + MAX_VALUES + "]", points);
                    for (double x : Grid.spaced(lo, hi, points, logarithmic)) {
                        values.add(x);
                    }
                } else {
                    values.add(Double.parseDouble(part));
                }
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option + " must be " + allowed + " (got " + text + ")");
        }
        for (double x : values) {
            InvalidInputException.require(Double.isFinite(x) && (!positive || x > 0), option, allowed, text);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
