package org.rtvsim.report.charts;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart of {@link ChartStyle#WIDTH} × {@link ChartStyle#HEIGHT} pixels as
 * {@code name.png} and {@code name.svg}; the SVG's definition ids are prefixed with the file name
 * instead of SVGGraphics2D's default clock value, so the same chart gives the same bytes;
 * coordinates are written to two decimals.
 */
public final class ChartFiles {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ChartFiles() {
    }

    /** Makes sure AWT runs headless; call before creating any chart object. */
    static void headless() {
        // the static initialiser has run by now
    }

    /** Writes {@code dir/name.png} and {@code dir/name.svg}, creating {@code dir}; returns both paths. */
    static List<Path> write(JFreeChart chart, Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        org.rtvsim.engine.OutputFiles.replace(dir, name + ".png",
                tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, ChartStyle.WIDTH, ChartStyle.HEIGHT));
        SVGGraphics2D g = new SVGGraphics2D(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        g.setGeomDoubleConverter(ChartFiles::twoDecimals);
        g.setTransformDoubleConverter(ChartFiles::twoDecimals);
        g.setDefsKeyPrefix("rtvsim-" + name.replaceAll("[^A-Za-z0-9-]", "-") + "-");
        chart.draw(g, new Rectangle(0, 0, ChartStyle.WIDTH, ChartStyle.HEIGHT));
        String doc = g.getSVGDocument();
        org.rtvsim.engine.OutputFiles.replace(dir, name + ".svg", tmp -> Files.writeString(tmp, doc, StandardCharsets.UTF_8));
        g.dispose();
        return List.of(png, svg);
    }

    /**
     * The SVG document of {@code chart} drawn at {@code width} × {@code height} px, with the same
     * deterministic ids and coordinate rounding as the run's charts (for the trace's Gantt chart).
     */
    public static String svgDocument(JFreeChart chart, int width, int height, String name) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setGeomDoubleConverter(ChartFiles::twoDecimals);
        g.setTransformDoubleConverter(ChartFiles::twoDecimals);
        g.setDefsKeyPrefix("rtvsim-" + name.replaceAll("[^A-Za-z0-9-]", "-") + "-");
        chart.draw(g, new Rectangle(0, 0, width, height));
        String doc = g.getSVGDocument();
        g.dispose();
        return doc;
    }

    /** Coordinates to 0.01 px, in the ROOT locale: plenty for a 1000-px chart, a third of the bytes. */
    static String twoDecimals(double v) {
        String s = String.format(java.util.Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    /** Writes {@code file} (a {@code .png} path, or a base name) and the {@code .svg} beside it. */
    static List<Path> write(JFreeChart chart, Path file) throws IOException {
        Path dir = file.getParent() == null ? Path.of("") : file.getParent();
        String name = file.getFileName().toString().replaceFirst("\\.(png|svg)$", "");
        return write(chart, dir, name);
    }
}
