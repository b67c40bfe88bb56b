package org.netropy.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The look of every figure, sized in points (1/72 inch) for print: fonts readable at one journal
 * column (7–8 pt at 85 mm), the colour-blind-safe Okabe–Ito palette for categories and a
 * viridis-like ramp for ordered numeric series, hollow markers of distinct shapes so that series
 * which coincide (e.g. populations equal by symmetry) stay visible.
 */
final class FigureStyle {
    private FigureStyle() {}

    static final String FAMILY = Font.SANS_SERIF;
    static final Font TICK = new Font(FAMILY, Font.PLAIN, 1).deriveFont(6.5f);
    static final Font AXIS = new Font(FAMILY, Font.PLAIN, 1).deriveFont(7.5f);
    static final Font LEGEND = new Font(FAMILY, Font.PLAIN, 1).deriveFont(7f);
    static final Font TITLE = new Font(FAMILY, Font.PLAIN, 1).deriveFont(7.5f);
    static final Font LETTER = new Font(FAMILY, Font.BOLD, 1).deriveFont(9f);

    static final BasicStroke LINE = new BasicStroke(1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke REFERENCE = new BasicStroke(0.75f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {3f, 2f}, 0f);
    static final BasicStroke MARKER = new BasicStroke(0.7f);
    static final BasicStroke AXIS_LINE = new BasicStroke(0.5f);

    /**
     * Okabe &amp; Ito (2008) without black (kept for a panel's lone series), yellow darkened and last:
     * it is pale on white.
     */
    static final List<Color> OKABE_ITO = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0xB8A800));

    /** Viridis at 0, 0.1, …, 1, the palest end trimmed when used. */
    private static final int[] VIRIDIS = {0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779,
            0x6DCD59, 0xB4DE2C, 0xFDE725};

    /** n colours along the ramp, dark to light (the palest end left out: it vanishes on white). */
    static List<Color> rampColours(int n) {
        List<Color> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ramp(n == 1 ? 0.45 : 0.88 * i / (n - 1)));
        }
        return out;
    }

    /** The viridis-like ramp at t in [0, 1]. */
    static Color ramp(double t) {
        double u = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) u, VIRIDIS.length - 2);
        double f = u - i;
        Color a = new Color(VIRIDIS[i]);
        Color b = new Color(VIRIDIS[i + 1]);
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Marker i (circle, square, triangle up, diamond, triangle down, …), about {@code size} pt across. */
    static Shape marker(int i, double size) {
        double h = size / 2;
        return switch (Math.floorMod(i, 6)) {
            case 0 -> new Ellipse2D.Double(-h, -h, size, size);
            case 1 -> new Rectangle2D.Double(-h * 0.9, -h * 0.9, size * 0.9, size * 0.9);
            case 2 -> polygon(new double[] {0, h, -h}, new double[] {-h * 1.1, h * 0.8, h * 0.8});
            case 3 -> polygon(new double[] {0, h * 1.1, 0, -h * 1.1}, new double[] {-h * 1.1, 0, h * 1.1, 0});
            case 4 -> polygon(new double[] {0, h, -h}, new double[] {h * 1.1, -h * 0.8, -h * 0.8});
            default -> polygon(new double[] {-h, h, h, -h}, new double[] {-h * 0.5, -h * 0.5, h * 0.5, h * 0.5});
        };
    }

    private static Shape polygon(double[] x, double[] y) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < x.length; i++) {
            p.lineTo(x[i], y[i]);
        }
        p.closePath();
        return p;
    }
}
