package org.netropy.report;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.netropy.io.AtomicFiles;

/**
 * Lays the panels of one figure out on a page of a journal width (grid of panels, bold letters
 * a, b, c …, one legend shared by all panels above them) and writes it as PDF and SVG with text
 * kept as text, and as PNG at a chosen resolution with that resolution recorded in the file.
 */
public final class FigurePage {
    static {
        System.setProperty("java.awt.headless", "true");
        // rotated labels (y axes) as drawString, not glyph outlines, so that SVG and PDF keep them as text
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private static final double PT_PER_MM = 72 / 25.4;
    private static final double PANEL_ASPECT = 0.78;
    private static final double LETTER_ROW = 12;
    private static final double GROUP_GAP = 10;
    private static final double LEGEND_ROW = 9.5;
    private static final double LEGEND_SAMPLE = 15;

    private FigurePage() {}

    /**
     * Writes {@code dir/stem.{pdf,svg,png}} (those in {@code options.formats()}); returns the
     * files written.
     */
    public static List<Path> write(List<Plot.Panel> panels, int columns, double widthMm, List<Plot.LegendEntry> legend,
                                   FigureOptions options, Path dir, String stem) {
        double width = widthMm * PT_PER_MM;
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        double cellW = width / cols;
        double cellH = LETTER_ROW + Math.min(cellW - 6, 200) * PANEL_ASPECT;
        List<List<Plot.LegendEntry>> legendRows = legendRows(legend, width - 8);
        double legendH = legendRows.isEmpty() ? 0 : legendRows.size() * LEGEND_ROW + 4;
        double height = legendH + rows * cellH + 2;
        List<JFreeChart> charts = new ArrayList<>();
        panels.forEach(p -> charts.add(PanelCharts.chart(p)));
        List<Rectangle2D> boxes = primeTickUnits(panels, charts, cellW, cellH);
        Painter painter = g -> paint(g, panels, charts, boxes, cols, cellW, cellH, legendRows, legendH, width, height);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (String format : options.formats()) {
                Path file = dir.resolve(stem + "." + format);
                byte[] bytes = switch (format) {
                    case "svg" -> svg(painter, width, height);
                    case "pdf" -> pdf(painter, width, height);
                    case "png" -> png(painter, width, height, options.dpi());
                    default -> throw new IllegalArgumentException(format);
                };
                AtomicFiles.writeBytes(file, bytes);
                written.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + stem + " in " + dir, e);
        }
        return written;
    }

    /**
     * Draws every chart once off-screen: JFreeChart reserves the axis space with the tick unit it
     * had before choosing one for the data, so a first drawing can clip a long tick label or the
     * axis label; the second (real) drawing reserves the space of the chosen unit. Returns each
     * chart's box within its cell: the whole cell below the letter, narrowed and shortened for a
     * heat map so that its data area is a square of the side every heat map of the page can have
     * (square cells, one matrix size from panel to panel, with or without a colour bar).
     */
    private static List<Rectangle2D> primeTickUnits(List<Plot.Panel> panels, List<JFreeChart> charts, double cellW, double cellH) {
        List<Rectangle2D> boxes = new ArrayList<>();
        List<Rectangle2D> data = new ArrayList<>();
        double side = Double.POSITIVE_INFINITY;
        for (int i = 0; i < charts.size(); i++) {
            Rectangle2D box = new Rectangle2D.Double(2, LETTER_ROW, cellW - 6, cellH - LETTER_ROW);
            Rectangle2D area = draw(charts.get(i), box);
            if (panels.get(i).heatmap() != null && area.getWidth() > 0 && area.getHeight() > 0) {
                side = Math.min(side, Math.min(area.getWidth(), area.getHeight()));
            }
            boxes.add(box);
            data.add(area);
        }
        for (int i = 0; i < charts.size(); i++) {
            if (panels.get(i).heatmap() != null && Double.isFinite(side) && data.get(i).getWidth() > 0) {
                Rectangle2D box = boxes.get(i);
                double dx = data.get(i).getWidth() - side;
                double dy = data.get(i).getHeight() - side;
                box = new Rectangle2D.Double(box.getX() + dx / 2, box.getY(), box.getWidth() - dx, box.getHeight() - dy);
                boxes.set(i, box);
                draw(charts.get(i), box);
            }
        }
        return boxes;
    }

    /** Draws a chart off-screen in a box of the given size; returns its data area. */
    private static Rectangle2D draw(JFreeChart chart, Rectangle2D box) {
        BufferedImage scratch = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.draw(g, new Rectangle2D.Double(0, 0, box.getWidth(), box.getHeight()), info);
        g.dispose();
        return info.getPlotInfo().getDataArea();
    }

    private interface Painter {
        void paint(Graphics2D g);
    }

    private static void paint(Graphics2D g, List<Plot.Panel> panels, List<JFreeChart> charts, List<Rectangle2D> boxes, int cols,
                              double cellW, double cellH, List<List<Plot.LegendEntry>> legendRows, double legendH, double width,
                              double height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setPaint(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        legend(g, legendRows, width);
        for (int i = 0; i < panels.size(); i++) {
            double x = (i % cols) * cellW;
            double y = legendH + (i / cols) * cellH;
            g.setPaint(Color.BLACK);
            g.setFont(FigureStyle.LETTER);
            FontMetrics fm = g.getFontMetrics();
            String letter = String.valueOf((char) ('a' + i));
            g.drawString(letter, (float) (x + 2), (float) (y + fm.getAscent()));
            String title = panels.get(i).title();
            if (title != null && !title.isEmpty()) {
                double lw = fm.stringWidth(letter) + 5;
                g.setFont(FigureStyle.TITLE);
                g.drawString(fit(g, title, cellW - lw - 4), (float) (x + 2 + lw), (float) (y + fm.getAscent()));
            }
            AffineTransform saved = g.getTransform();
            Rectangle2D box = boxes.get(i);
            charts.get(i).draw(g, new Rectangle2D.Double(x + box.getX(), y + box.getY(), box.getWidth(), box.getHeight()));
            g.setTransform(saved);
            g.setClip(null);
        }
    }

    /** Cuts a title that does not fit with an ellipsis (the caption carries the full text). */
    private static String fit(Graphics2D g, String s, double width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /** Entries wrapped into rows that fit the width, measured with the legend font. */
    private static List<List<Plot.LegendEntry>> legendRows(List<Plot.LegendEntry> entries, double width) {
        List<List<Plot.LegendEntry>> rows = new ArrayList<>();
        if (entries.isEmpty()) {
            return rows;
        }
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setFont(FigureStyle.LEGEND);
        List<Plot.LegendEntry> row = new ArrayList<>();
        double used = 0;
        for (Plot.LegendEntry e : entries) {
            double w = entryWidth(g, e) + (row.isEmpty() || row.get(row.size() - 1).group().equals(e.group()) ? 0 : GROUP_GAP);
            if (!row.isEmpty() && used + w > width) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(e);
            used += w;
        }
        rows.add(row);
        g.dispose();
        return rows;
    }

    private static double entryWidth(Graphics2D g, Plot.LegendEntry e) {
        return LEGEND_SAMPLE + 3 + g.getFontMetrics().getStringBounds(e.label(), g).getWidth() + 9;
    }

    private static void legend(Graphics2D g, List<List<Plot.LegendEntry>> rows, double width) {
        g.setFont(FigureStyle.LEGEND);
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < rows.size(); r++) {
            double total = 0;
            String group = null;
            for (Plot.LegendEntry e : rows.get(r)) {
                total += entryWidth(g, e) + (group == null || group.equals(e.group()) ? 0 : GROUP_GAP);
                group = e.group();
            }
            double x = Math.max(4, (width - total) / 2);
            double mid = 3 + r * LEGEND_ROW + LEGEND_ROW / 2;
            group = null;
            for (Plot.LegendEntry e : rows.get(r)) {
                x += group == null || group.equals(e.group()) ? 0 : GROUP_GAP;
                group = e.group();
                sample(g, e, x, mid);
                g.setPaint(Color.BLACK);
                g.drawString(e.label(), (float) (x + LEGEND_SAMPLE + 3), (float) (mid + fm.getAscent() / 2.0 - 1));
                x += entryWidth(g, e);
            }
        }
    }

    private static void sample(Graphics2D g, Plot.LegendEntry e, double x, double mid) {
        g.setPaint(e.colour());
        switch (e.style()) {
            case BAR -> {
                Rectangle2D box = new Rectangle2D.Double(x + 3, mid - 3.5, LEGEND_SAMPLE - 6, 7);
                g.setPaint(FigureStyle.translucent(e.colour(), 150));
                g.fill(box);
                g.setPaint(e.colour());
                g.setStroke(FigureStyle.MARKER);
                g.draw(box);
            }
            case DOTS -> {
                g.fill(AffineTransform.getTranslateInstance(x + LEGEND_SAMPLE / 2, mid).createTransformedShape(FigureStyle.marker(0, 3)));
            }
            default -> {
                boolean dashed = e.style() == Plot.Style.REFERENCE || e.style() == Plot.Style.REFERENCE_STEP;
                g.setStroke(dashed ? FigureStyle.REFERENCE : FigureStyle.LINE);
                if (e.style() != Plot.Style.POINTS) {
                    g.draw(new Line2D.Double(x, mid, x + LEGEND_SAMPLE, mid));
                }
                if (!dashed && e.style() != Plot.Style.STEP) {
                    Shape m = AffineTransform.getTranslateInstance(x + LEGEND_SAMPLE / 2, mid).createTransformedShape(FigureStyle.marker(e.shape(), 3.6));
                    g.setPaint(Color.WHITE);
                    g.fill(m);
                    g.setPaint(e.colour());
                    g.setStroke(FigureStyle.MARKER);
                    g.draw(m);
                }
            }
        }
    }

    private static byte[] svg(Painter painter, double width, double height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height, SVGUnits.PT);
        g.setGeomDoubleConverter(v -> decimals(v, 2));
        g.setTransformDoubleConverter(v -> decimals(v, 4));
        painter.paint(g);
        return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }

    /** A coordinate to a few decimals (a hundredth of a point is invisible; full doubles triple the file). */
    private static String decimals(double v, int places) {
        String t = java.math.BigDecimal.valueOf(v).setScale(places, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return t.equals("-0") ? "0" : t;
    }

    private static byte[] pdf(Painter painter, double width, double height) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle((float) width, (float) height));
            doc.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, (float) width, (float) height);
            g.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawerDefaultFonts());
            painter.paint(g);
            g.dispose();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(g.getXFormObject());
            }
            doc.getDocumentInformation().setCreator("Netropy");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] png(Painter painter, double width, double height, int dpi) throws IOException {
        double scale = dpi / 72.0;
        BufferedImage img = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.scale(scale, scale);
        painter.paint(g);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
        // the PNG pHYs chunk in pixels per metre (the standard-format route is misread by some JDKs)
        IIOMetadataNode phys = new IIOMetadataNode("pHYs");
        String perMetre = Long.toString(Math.round(dpi / 0.0254));
        phys.setAttribute("pixelsPerUnitXAxis", perMetre);
        phys.setAttribute("pixelsPerUnitYAxis", perMetre);
        phys.setAttribute("unitSpecifier", "meter");
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        meta.mergeTree("javax_imageio_png_1.0", root);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, meta), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
