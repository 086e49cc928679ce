package org.rtvsim.report.charts;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws complementary cumulative distributions: the exceedance probability P(latency &gt; x) on a
 * log axis over latency in microseconds, with dashed guides at 10⁻², 10⁻³ and 10⁻⁴ labelled p99,
 * p99.9 and p99.99 — where a curve crosses a guide, its x is that percentile.
 */
final class CcdfChart {
    private CcdfChart() {
    }

    /**
     * A CCDF chart of {@code series}; {@code pooledIndex} ≥ 0 marks a series drawn thick in black;
     * {@code floor} is the smallest probability to show; {@code logX} puts latency on a log axis.
     */
    static JFreeChart create(String title, String subtitle, List<XYSeries> series, int pooledIndex, double floor,
                             boolean logX) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        double minX = Double.MAX_VALUE;
        double maxX = 1;
        for (XYSeries s : series) {
            if (!s.isEmpty()) {
                minX = Math.min(minX, s.getMinX());
                maxX = Math.max(maxX, s.getMaxX());
            }
        }
        if (minX > maxX) { // no samples at all
            minX = 1;
        }
        ValueAxis x;
        if (logX) {
            LogAxis lx = ChartStyle.logAxis("latency x (µs, log scale)");
            lx.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
            lx.setRange(Math.pow(10, Math.floor(Math.log10(Math.max(0.01, minX)))), maxX * 1.5);
            x = lx;
        } else {
            NumberAxis nx = ChartStyle.linearAxis("latency x (µs)", true);
            nx.setRange(0, HistogramChart.niceUpper(maxX * 1.05));
            x = nx;
        }
        LogAxis y = ChartStyle.logAxis("P(latency > x), log scale");
        double lower = Math.min(floor, 1e-4) / 2.5;
        y.setRange(lower, 1.5);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < series.size(); i++) {
            boolean pooled = i == pooledIndex;
            r.setSeriesPaint(i, pooled ? ChartStyle.POOLED : ChartStyle.colour(pooledIndex >= 0 && i > pooledIndex ? i - 1 : i));
            r.setSeriesStroke(i, ChartStyle.line(pooled ? 3f : 1.8f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.addRangeMarker(ChartStyle.guide(1e-2, "p99", ChartStyle.GUIDE));
        plot.addRangeMarker(ChartStyle.guide(1e-3, "p99.9", ChartStyle.GUIDE));
        plot.addRangeMarker(ChartStyle.guide(1e-4, "p99.99", ChartStyle.GUIDE));
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        return ChartStyle.finish(chart, subtitle);
    }
}
