package org.netropy.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 logarithmic axis labelled as journals do: powers of ten (10⁻², 10⁰, 10³) when the
 * axis spans three decades or more, otherwise the 1–2–5 sequence as plain decimals (1, 2, 5, 10,
 * 20) so that a short axis still has several labelled ticks, and 2.5 × 10ᵏ as well on an axis
 * shorter than a decade. Minor ticks mark 2…9 × 10ᵏ.
 * Labels are plain strings (superscript digits), so SVG and PDF keep them as text.
 */
final class JournalLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    JournalLogAxis(String label) {
        super(label);
        setBase(10);
        setMinorTickMarksVisible(true);
        setSmallestValue(1e-300);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : edge == RectangleEdge.BOTTOM ? TextAnchor.TOP_CENTER
                : edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT;
        List<NumberTick> ticks = new ArrayList<>();
        for (Tick t : ticks(getLowerBound(), getUpperBound())) {
            ticks.add(new NumberTick(t.major() ? TickType.MAJOR : TickType.MINOR, t.value(), t.label(), anchor, anchor, 0.0));
        }
        return ticks;
    }

    /** One tick: value, label ("" for minor ticks) and whether it is a major tick. */
    record Tick(double value, String label, boolean major) {}

    /** The ticks of a base-10 axis from {@code low} to {@code high} (both > 0). */
    static List<Tick> ticks(double low, double high) {
        List<Tick> out = new ArrayList<>();
        if (!(low > 0) || !(high > low)) {
            return out;
        }
        int k0 = (int) Math.floor(Math.log10(low) + 1e-9);
        int k1 = (int) Math.ceil(Math.log10(high) - 1e-9);
        int decades = k1 - k0;
        boolean powers = Math.log10(high / low) >= 2.5;
        int step = decades > 8 ? 2 : 1;
        for (int k = k0; k <= k1; k++) {
            double decade = Math.pow(10, k);
            for (int m = 1; m <= 9; m++) {
                double v = m * decade;
                if (v < low * (1 - 1e-9) || v > high * (1 + 1e-9)) {
                    continue;
                }
                boolean major = powers ? m == 1 && Math.floorMod(k, step) == 0 : m == 1 || m == 2 || m == 5;
                if (!major && decades > 5 && m != 1) {
                    continue; // minor ticks of many decades would be a grey smear
                }
                out.add(new Tick(v, major ? (powers ? power(k) : plain(m, k)) : "", major));
            }
            // within one decade 1-2-5 can leave the first point unlabelled (0.25 on 0.25..2): 2.5 is labelled too
            double quarter = 2.5 * decade;
            if (Math.log10(high / low) < 1 && quarter >= low * (1 - 1e-9) && quarter <= high * (1 + 1e-9)) {
                out.add(new Tick(quarter, new java.math.BigDecimal("2.5").scaleByPowerOfTen(k).stripTrailingZeros().toPlainString(),
                        true));
            }
        }
        return out;
    }

    /** "10" with the exponent in superscript digits; 10⁰ and 10¹ read as 1 and 10. */
    static String power(int k) {
        if (k == 0) {
            return "1";
        }
        if (k == 1) {
            return "10";
        }
        StringBuilder s = new StringBuilder("10");
        if (k < 0) {
            s.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
            s.append(SUPERSCRIPTS.charAt(c - '0'));
        }
        return s.toString();
    }

    /** m × 10^k as a plain decimal (0.02, 5, 200). */
    static String plain(int m, int k) {
        return k >= 0 ? String.format(Locale.ROOT, "%d", m * (long) Math.pow(10, k))
                : new java.math.BigDecimal(m).scaleByPowerOfTen(k).toPlainString();
    }
}
