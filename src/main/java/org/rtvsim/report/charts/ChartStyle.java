package org.rtvsim.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The common look of rtvsim's charts (fonts of 12 to 20 points, white plots with light grey
 * grid lines, a colour-blind-friendly palette) and the small builders every chart shares.
 */
final class ChartStyle {
    /** Width and height of every chart in pixels. */
    static final int WIDTH = 1000;
    static final int HEIGHT = 600;

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    static final Font LARGE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font REGULAR = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color GRID = new Color(0xD0D0D0);
    static final Color POOLED = Color.BLACK;
    static final Color GUIDE = new Color(0x707070);

    /** Tableau 10 then its lighter companions: distinct hues first, so few series stay far apart. */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
        new Color(0x9C755F), new Color(0x86BCB6), new Color(0xA0CBE8), new Color(0xFFBE7D),
        new Color(0x8CD17D), new Color(0xB6992D), new Color(0xF1CE63), new Color(0x499894),
        new Color(0xD37295), new Color(0xFABFD2), new Color(0xD4A6C8), new Color(0xD7B5A6),
    };
    /** The colour of an "other" bucket. */
    static final Color OTHER = new Color(0xBAB0AC);

    private ChartStyle() {
    }

    /** The {@code i}-th palette colour (cycling). */
    static Paint colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** A line of {@code width} pixels. */
    static BasicStroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A dashed line for guides and limits. */
    static BasicStroke dashed() {
        return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /** Applies the fonts, background and grid to a finished chart and adds {@code subtitle} (may be null). */
    static JFreeChart finish(JFreeChart chart, String subtitle) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(TITLE);
        theme.setLargeFont(LARGE);
        theme.setRegularFont(REGULAR);
        theme.setSmallFont(SMALL);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setShadowVisible(false);
        keepSeriesStyles(chart.getPlot());
        theme.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (subtitle != null) {
            TextTitle sub = new TextTitle(subtitle, REGULAR);
            sub.setPadding(new RectangleInsets(2, 0, 6, 0));
            chart.addSubtitle(sub);
        }
        Plot plot = chart.getPlot();
        plot.setOutlinePaint(GRID);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(REGULAR);
        }
        chart.setPadding(new RectangleInsets(6, 6, 6, 14));
        return chart;
    }

    /** Stops the theme from clearing the series paints and strokes the charts set. */
    private static void keepSeriesStyles(Plot plot) {
        org.jfree.chart.renderer.AbstractRenderer r = null;
        if (plot instanceof org.jfree.chart.plot.XYPlot xy && xy.getRenderer() instanceof org.jfree.chart.renderer.AbstractRenderer a) {
            r = a;
        } else if (plot instanceof org.jfree.chart.plot.CategoryPlot c
                && c.getRenderer() instanceof org.jfree.chart.renderer.AbstractRenderer a) {
            r = a;
        }
        if (r != null) {
            r.setAutoPopulateSeriesPaint(false);
            r.setAutoPopulateSeriesStroke(false);
        }
    }

    /** A log axis labelled {@code label} with a tick at every power of ten, written 10ⁿ. */
    static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(1e-12);
        axis.setTickUnit(new NumberTickUnit(1), false, true);
        axis.setMinorTickMarksVisible(true);
        axis.setMinorTickCount(9);
        axis.setLabelFont(LARGE);
        axis.setTickLabelFont(SMALL);
        return axis;
    }

    /** A linear axis labelled {@code label}. */
    static NumberAxis linearAxis(String label, boolean includeZero) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(includeZero);
        axis.setLabelFont(LARGE);
        axis.setTickLabelFont(SMALL);
        return axis;
    }

    /**
     * A dashed horizontal line at {@code value} with {@code label} above its left end, where
     * latency curves (falling to the right) leave room.
     */
    static ValueMarker guide(double value, String label, Paint paint) {
        ValueMarker m = new ValueMarker(value, paint, dashed());
        m.setLabel(label);
        m.setLabelFont(SMALL);
        m.setLabelPaint(paint);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        m.setLabelOffset(new RectangleInsets(2, 4, 2, 6));
        return m;
    }

    /**
     * Whether latencies spread so wide that a log axis reads better: the largest is more than
     * {@code 20 ×} the typical one (e.g. the median).
     */
    static boolean wide(double largest, double typical) {
        return largest > 20 * Math.max(typical, 1e-9);
    }

    /** A duration for titles: {@code 2 s}, {@code 10 ms}, {@code 1.5 µs}. */
    static String duration(long ns) {
        String[] units = {"s", "ms", "µs"};
        long[] scales = {1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < units.length; i++) {
            if (Math.abs(ns) >= scales[i]) {
                return number((double) ns / scales[i]) + " " + units[i];
            }
        }
        return ns + " ns";
    }

    /** A number with at most three decimals and no trailing zeros, in the ROOT locale. */
    static String number(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
