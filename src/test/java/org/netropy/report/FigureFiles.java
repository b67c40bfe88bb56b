package org.netropy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Checks of the files a figure is written to, shared by the figure tests. */
public final class FigureFiles {
    private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");
    /** A number in E notation (1E-3, 2.5e+02), as tick labels must never read. */
    private static final Pattern E_NOTATION = Pattern.compile("\\d[eE][-+]?\\d");

    private FigureFiles() {}

    /** The text elements of an SVG. */
    public static List<String> svgTexts(Path svg) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = TEXT.matcher(Files.readString(svg));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * Checks dir/id.{pdf,svg,png,csv}: the PDF parses with one page and carries text, the SVG has
     * text elements and none in E notation, the PNG has the width of {@code widthMm} at
     * {@code dpi} and records that resolution, the CSV has plotted rows.
     */
    public static void check(Path dir, String id, double widthMm, int dpi) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(dir.resolve(id + ".pdf").toFile())) {
            assertEquals(1, pdf.getNumberOfPages(), id + ".pdf");
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.strip().length() > 5, id + ".pdf has no text: '" + text + "'");
        }
        List<String> texts = svgTexts(dir.resolve(id + ".svg"));
        assertTrue(texts.size() >= 6, id + ".svg has " + texts.size() + " text elements");
        for (String t : texts) {
            assertFalse(E_NOTATION.matcher(t).find(), id + ".svg: E notation in '" + t + "'");
        }
        BufferedImage png = ImageIO.read(dir.resolve(id + ".png").toFile());
        assertEquals(widthMm / 25.4 * dpi, png.getWidth(), 2, id + ".png width");
        assertEquals(Math.round(dpi / 0.0254), pixelsPerMetre(dir.resolve(id + ".png")), id + ".png resolution");
        assertTrue(Files.readAllLines(dir.resolve(id + ".csv")).size() > 1, id + ".csv");
    }

    /** The horizontal resolution a PNG records in its pHYs chunk, pixels per metre. */
    static long pixelsPerMetre(Path png) throws IOException {
        try (var in = ImageIO.createImageInputStream(png.toFile())) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals("meter", phys.getAttribute("unitSpecifier"));
            return Long.parseLong(phys.getAttribute("pixelsPerUnitXAxis"));
        }
    }

    /**
     * Checks a spec figure's plotted data mark by mark: a heat map is a full square matrix with its
     * colour-bar label in the SVG; a histogram's intervals never go below zero; a categorical axis
     * lists the categories the figure's labels name in the labels' order.
     */
    public static void checkMarks(Path dir, org.netropy.experiment.FigureSpec fig) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(fig.id() + ".csv"));
        List<String[]> csv = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            csv.add(line.split(",", -1));
        }
        List<String> texts = svgTexts(dir.resolve(fig.id() + ".svg"));
        for (int i = 0; i < fig.panels().size(); i++) {
            org.netropy.experiment.FigureSpec.Panel p = fig.panels().get(i);
            String letter = String.valueOf((char) ('a' + i));
            List<String[]> rows = csv.stream().filter(r -> r[0].equals(letter)).toList();
            assertFalse(rows.isEmpty(), fig.id() + " panel " + letter + " plots nothing");
            switch (p.mark()) {
                case "heatmap" -> {
                    double side = Math.sqrt(rows.size());
                    assertEquals(Math.rint(side), side, fig.id() + " panel " + letter + ": " + rows.size() + " cells is not a square");
                    assertTrue(rows.stream().allMatch(r -> !r[3].isEmpty()), fig.id() + " panel " + letter + " has empty cells");
                    assertTrue(texts.contains(p.yLabel()), fig.id() + " panel " + letter + ": no colour-bar label " + p.yLabel());
                }
                case "histogram" -> {
                    for (String[] r : rows) {
                        assertTrue(r[4].isEmpty() || Double.parseDouble(r[4]) >= 0, fig.id() + " panel " + letter + ": interval below 0: "
                                + String.join(",", r));
                    }
                }
                case "bars" -> {
                    Map<String, String> labels = fig.labels().get(p.x());
                    if (labels != null) {
                        List<String> order = new ArrayList<>();
                        rows.stream().map(r -> r[2]).filter(x -> !order.contains(x)).forEach(order::add);
                        List<String> declared = labels.keySet().stream().filter(order::contains).toList();
                        assertEquals(declared, order.stream().filter(declared::contains).toList(),
                                fig.id() + " panel " + letter + ": categories out of the declared order");
                    }
                }
                default -> { }
            }
        }
    }
}
