package org.rtvsim.report.charts;

import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws a latency statistic in microseconds, with its confidence interval as error bars, against
 * a varied numeric parameter, optionally with the SLO limit as a dashed red line: the capacity
 * picture of a sweep (where does the statistic cross the limit?).
 */
public final class SweepChart {
    private static final java.awt.Color SLO = new java.awt.Color(0xC0392B);

    private SweepChart() {
    }

    /**
     * Writes {@code file} (PNG) and the SVG beside it ({@code .png} replaced by {@code .svg}) and
     * returns both: {@code valueUs[i]} with interval [{@code lowUs[i]}, {@code highUs[i]}] at
     * {@code x[i]}; {@code sloUs} (null for none) draws a line labelled "SLO {statLabel} &lt; … µs".
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public static List<Path> write(String title, String xLabel, String statLabel, double[] x, double[] valueUs,
                                   double[] lowUs, double[] highUs, Double sloUs, Path file) throws IOException {
        return write(title, xLabel, statLabel, x, valueUs, lowUs, highUs, sloUs, null, file);
    }

    /** As above; {@code pointNotes[i]} (null for none) is written in red above point i (e.g. "misses: starved"). */
    public static List<Path> write(String title, String xLabel, String statLabel, double[] x, double[] valueUs,
                                   double[] lowUs, double[] highUs, Double sloUs, String[] pointNotes, Path file)
            throws IOException {
        ChartFiles.headless();
        if (x.length == 0 || valueUs.length != x.length || lowUs.length != x.length || highUs.length != x.length) {
            throw new IllegalArgumentException("x, value, low and high need the same positive length, got "
                    + x.length + ", " + valueUs.length + ", " + lowUs.length + ", " + highUs.length);
        }
        JFreeChart chart = create(title, xLabel, statLabel, x, valueUs, lowUs, highUs, sloUs);
        if (pointNotes != null) {
            XYPlot plot = chart.getXYPlot();
            for (int i = 0; i < x.length && i < pointNotes.length; i++) {
                if (pointNotes[i] != null) {
                    var a = new org.jfree.chart.annotations.XYTextAnnotation(pointNotes[i], x[i], highUs[i]);
                    a.setPaint(SLO);
                    a.setFont(ChartStyle.REGULAR);
                    a.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_CENTER);
                    plot.addAnnotation(a);
                }
            }
        }
        return ChartFiles.write(chart, file);
    }

    static JFreeChart create(String title, String xLabel, String statLabel, double[] x, double[] valueUs,
                             double[] lowUs, double[] highUs, Double sloUs) {
        YIntervalSeries s = new YIntervalSeries(statLabel + " with confidence interval");
        double top = sloUs == null ? 0 : sloUs;
        for (int i = 0; i < x.length; i++) {
            s.add(x[i], valueUs[i], lowUs[i], highUs[i]);
            top = Math.max(top, highUs[i]);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(s);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(true);
        r.setSeriesLinesVisible(0, true);
        r.setSeriesPaint(0, ChartStyle.colour(0));
        r.setSeriesStroke(0, ChartStyle.line(2f));
        r.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        r.setErrorPaint(ChartStyle.colour(0));
        r.setErrorStroke(ChartStyle.line(1.5f));
        r.setCapLength(10);
        NumberAxis xAxis = ChartStyle.linearAxis(xLabel, false);
        if (java.util.Arrays.stream(x).allMatch(v -> v == Math.rint(v))) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        xAxis.setLowerMargin(0.06); // room for point labels at both ends
        xAxis.setUpperMargin(0.08);
        NumberAxis yAxis = ChartStyle.linearAxis(statLabel + " (µs)", true);
        yAxis.setRange(0, HistogramChart.niceUpper(top * 1.15));
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        if (sloUs != null) {
            org.jfree.chart.plot.ValueMarker slo = ChartStyle.guide(sloUs, "SLO " + statLabel + " < "
                    + ChartStyle.number(sloUs) + " µs", SLO);
            // label at the right end, clear of the points that usually start below the line on the left
            slo.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            slo.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(slo);
        }
        return ChartStyle.finish(new JFreeChart(title, ChartStyle.TITLE, plot, true),
                "points: " + statLabel + "; bars: confidence interval");
    }
}
