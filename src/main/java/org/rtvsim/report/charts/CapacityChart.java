package org.rtvsim.report.charts;

import java.awt.Color;
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
import org.rtvsim.measure.Verdict;

/**
 * The capacity picture: each evaluated value's statistic in microseconds with, as error bars, the interval
 * its verdict was judged on, coloured by the verdict (meets green, misses red, inconclusive amber), and the
 * limit as a dashed line. Points are not joined: the search evaluates a few values only, and a line would
 * bridge what was not measured.
 */
public final class CapacityChart {
    static final Color MEETS = new Color(0x2E8B57);
    static final Color MISSES = new Color(0xC0392B);
    static final Color INCONCLUSIVE = new Color(0xE69F00);

    private CapacityChart() {
    }

    /**
     * Writes {@code file} (PNG) and its SVG: {@code verdicts[i]} at {@code x[i]} (its value and interval, an
     * unbounded upper end drawn to the top of the chart with an arrow-like open bar), {@code limitUs} the
     * limit; {@code pointNotes[i]} (null for none) is written above point i.
     *
     * @throws IllegalArgumentException if the arrays differ in length or are empty
     */
    public static List<Path> write(String title, String xLabel, String statLabel, double[] x, Verdict[] verdicts,
                                   double limitUs, String[] pointNotes, Path file) throws IOException {
        ChartFiles.headless();
        if (x.length == 0 || verdicts.length != x.length) {
            throw new IllegalArgumentException("x and verdicts need the same positive length, got " + x.length
                    + " and " + verdicts.length);
        }
        return ChartFiles.write(create(title, xLabel, statLabel, x, verdicts, limitUs, pointNotes), file);
    }

    static JFreeChart create(String title, String xLabel, String statLabel, double[] x, Verdict[] verdicts,
                             double limitUs, String[] pointNotes) {
        double top = limitUs;
        for (Verdict v : verdicts) {
            top = Math.max(top, Math.max(v.valueNs(), Double.isInfinite(v.highNs()) ? v.valueNs() : v.highNs()) / 1000);
        }
        double ceiling = HistogramChart.niceUpper(top * 1.15);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        Verdict.Kind[] kinds = Verdict.Kind.values();
        Color[] colours = {MEETS, MISSES, INCONCLUSIVE};
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(false);
        r.setCapLength(10);
        r.setErrorStroke(ChartStyle.line(1.5f));
        int series = 0;
        for (int k = 0; k < kinds.length; k++) {
            YIntervalSeries s = new YIntervalSeries(kinds[k].word());
            for (int i = 0; i < x.length; i++) {
                Verdict v = verdicts[i];
                if (v.kind() == kinds[k]) {
                    double high = Double.isInfinite(v.highNs()) ? ceiling : v.highNs() / 1000;
                    s.add(x[i], v.valueNs() / 1000, v.lowNs() / 1000, high);
                }
            }
            if (s.getItemCount() == 0) {
                continue;
            }
            data.addSeries(s);
            r.setSeriesPaint(series, colours[k]);
            r.setSeriesLinesVisible(series, false);
            r.setSeriesShape(series, new Ellipse2D.Double(-5, -5, 10, 10));
            series++;
        }
        r.setErrorPaint(null); // each bar in its series' colour
        NumberAxis xAxis = ChartStyle.linearAxis(xLabel, false);
        if (java.util.Arrays.stream(x).allMatch(v -> v == Math.rint(v))) {
            xAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        xAxis.setLowerMargin(0.06);
        xAxis.setUpperMargin(0.08);
        NumberAxis yAxis = ChartStyle.linearAxis(statLabel + " (µs)", true);
        yAxis.setRange(0, ceiling);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        org.jfree.chart.plot.ValueMarker slo = ChartStyle.guide(limitUs, "SLO " + statLabel + " < "
                + ChartStyle.number(limitUs) + " µs", MISSES);
        slo.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        slo.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(slo);
        if (pointNotes != null) {
            for (int i = 0; i < x.length && i < pointNotes.length; i++) {
                if (pointNotes[i] != null) {
                    double high = Double.isInfinite(verdicts[i].highNs()) ? ceiling : verdicts[i].highNs() / 1000;
                    var a = new org.jfree.chart.annotations.XYTextAnnotation(pointNotes[i], x[i], high);
                    a.setPaint(MISSES);
                    a.setFont(ChartStyle.REGULAR);
                    a.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_CENTER);
                    plot.addAnnotation(a);
                }
            }
        }
        return ChartStyle.finish(new JFreeChart(title, ChartStyle.TITLE, plot, true),
                "points: " + statLabel + "; bars: the interval each verdict was judged on (a bar to the top: no "
                        + "upper bound in the data); colour: meets, misses, inconclusive");
    }
}
