package org.rtvsim.report.charts;

import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws latency histograms in the OSADL style: sample counts on a log axis over latency in
 * microseconds, one line per series, with a dot on every non-empty bucket
 * so that lone tail samples stay visible.
 */
final class HistogramChart {
    private HistogramChart() {
    }

    /**
     * A histogram chart of {@code counts.get(i)} (per bucket of {@code bucketNs}) named
     * {@code names.get(i)}; latency goes on a log axis, buckets at their centres, when the largest
     * is more than 20 times the median, else on a linear axis at bucket lower bounds.
     */
    static JFreeChart create(String title, String subtitle, List<String> names, List<long[]> counts, long bucketNs) {
        long[] pooled = new long[counts.stream().mapToInt(c -> c.length).max().orElse(0)];
        for (long[] c : counts) {
            for (int b = 0; b < c.length; b++) {
                pooled[b] += c[b];
            }
        }
        int last = pooled.length - 1;
        while (last > 0 && pooled[last] == 0) {
            last--;
        }
        boolean logX = ChartStyle.wide((last + 1) * bucketNs / 1000.0, Curves.medianUs(pooled, bucketNs) + bucketNs / 1000.0);
        List<XYSeries> series = new java.util.ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            series.add(Curves.histogram(names.get(i), counts.get(i), bucketNs, logX));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        double maxX = 1;
        double maxY = 1;
        for (XYSeries s : series) {
            if (!s.isEmpty()) {
                maxX = Math.max(maxX, s.getMaxX());
                maxY = Math.max(maxY, s.getMaxY());
            }
        }
        String bucket = ChartStyle.duration(bucketNs) + " buckets";
        org.jfree.chart.axis.ValueAxis x;
        if (logX) {
            LogAxis lx = ChartStyle.logAxis("latency (µs, log scale, " + bucket + ")");
            lx.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
            lx.setRange(bucketNs / 1000.0 / 2, maxX * 1.5);
            x = lx;
        } else {
            NumberAxis nx = ChartStyle.linearAxis("latency (µs, " + bucket + ")", true);
            nx.setRange(0, niceUpper(maxX + 1));
            x = nx;
        }
        LogAxis y = ChartStyle.logAxis("samples per bucket (log scale)");
        y.setRange(0.7, Math.max(10, maxY * 3));
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < series.size(); i++) {
            r.setSeriesPaint(i, ChartStyle.colour(i));
            r.setSeriesStroke(i, ChartStyle.line(1.6f));
            r.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        return ChartStyle.finish(chart, subtitle);
    }

    /** A round upper bound for an axis (1, 1.2, … 8 or 10 times a power of ten), at least {@code v}. */
    static double niceUpper(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 1.2, 1.4, 1.5, 1.6, 1.8, 2, 2.5, 3, 3.5, 4, 5, 6, 7, 8, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
