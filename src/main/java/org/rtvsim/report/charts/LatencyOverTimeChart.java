package org.rtvsim.report.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.measure.WindowMax;

/**
 * Draws the maximum latency (µs) per window of intended wake-up time over simulated time (s),
 * one line per thread, each window's point at the time of its maximum (log latency axis when the
 * largest maximum is over 20 times the median one); the three largest spikes
 * (at least a twentieth of the time axis apart) carry an arrow with their thread, value and largest
 * attribution component.
 */
final class LatencyOverTimeChart {
    private static final int SPIKES = 3;

    private LatencyOverTimeChart() {
    }

    /** One window's maximum with its thread, for ranking spikes. */
    private record Spike(ThreadResult thread, WindowMax window) {
    }

    static JFreeChart create(String title, List<ThreadResult> threads) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(true);
        List<Spike> all = new ArrayList<>();
        double minS = Double.MAX_VALUE;
        double maxS = 0;
        double maxUs = 1;
        long widthNs = 0;
        List<String> names = Curves.threadNames(threads);
        for (ThreadResult t : threads) {
            XYSeries s = new XYSeries(names.get(data.getSeriesCount()), false, true);
            for (WindowMax w : t.latencyOverTime()) {
                s.add(w.atNs() / 1e9, w.maxNs() / 1000.0);
                all.add(new Spike(t, w));
                minS = Math.min(minS, w.startNs() / 1e9);
                maxS = Math.max(maxS, (w.startNs() + w.widthNs()) / 1e9);
                maxUs = Math.max(maxUs, w.maxNs() / 1000.0);
                widthNs = Math.max(widthNs, w.widthNs());
            }
            int i = data.getSeriesCount();
            data.addSeries(s);
            r.setSeriesPaint(i, ChartStyle.colour(i));
            r.setSeriesStroke(i, ChartStyle.line(1.4f));
        }
        NumberAxis x = ChartStyle.linearAxis("simulated time (s)", false);
        x.setRange(minS, maxS);
        double[] maxima = all.stream().mapToDouble(sp -> sp.window().maxNs() / 1000.0).sorted().toArray();
        double medianUs = maxima[maxima.length / 2];
        org.jfree.chart.axis.ValueAxis y;
        if (ChartStyle.wide(maxUs, medianUs)) {
            org.jfree.chart.axis.LogAxis ly = ChartStyle.logAxis("maximum latency per window (µs, log scale)");
            ly.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.#"));
            ly.setRange(Math.max(0.1, maxima[0] / 1.5), maxUs * 5);
            y = ly;
        } else {
            NumberAxis ny = ChartStyle.linearAxis("maximum latency per window (µs)", true);
            ny.setRange(0, HistogramChart.niceUpper(maxUs * 1.45));
            y = ny;
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        annotate(plot, all, minS, maxS);
        String subtitle = "per thread, the largest latency of each " + ChartStyle.duration(widthNs)
                + " window of intended wake-up times; arrows: the " + SPIKES + " largest spikes and their main cause";
        return ChartStyle.finish(new JFreeChart(title, ChartStyle.TITLE, plot, true), subtitle);
    }

    private static void annotate(XYPlot plot, List<Spike> all, double minS, double maxS) {
        all.sort(Comparator.comparingLong((Spike s) -> s.window().maxNs()).reversed()
                .thenComparingLong(s -> s.window().atNs()));
        double span = Math.max(1e-9, maxS - minS);
        List<Spike> chosen = new ArrayList<>();
        for (Spike s : all) {
            if (chosen.size() == SPIKES) {
                break;
            }
            boolean apart = chosen.stream().allMatch(c -> Math.abs(c.window().atNs() - s.window().atNs()) / 1e9 > span / 20);
            if (apart) {
                chosen.add(s);
            }
        }
        for (int k = 0; k < chosen.size(); k++) {
            WindowMax w = chosen.get(k).window();
            double xs = w.atNs() / 1e9;
            boolean leftHalf = (xs - minS) / span < 0.5;
            double angle = leftHalf ? -Math.PI / 5 : Math.PI + Math.PI / 5; // label above-right or above-left
            String text = "T" + chosen.get(k).thread().index() + ": " + String.format(java.util.Locale.ROOT, "%.1f µs", w.maxNs() / 1000.0)
                    + (w.label() == null ? "" : ", " + w.label());
            XYPointerAnnotation a = new XYPointerAnnotation(text, xs, w.maxNs() / 1000.0, angle);
            a.setBaseRadius(40 + 28 * k);
            a.setTipRadius(4);
            a.setFont(ChartStyle.SMALL);
            a.setArrowPaint(ChartStyle.GUIDE);
            a.setTextAnchor(leftHalf ? TextAnchor.BOTTOM_LEFT : TextAnchor.BOTTOM_RIGHT);
            a.setBackgroundPaint(new java.awt.Color(255, 255, 255, 220));
            plot.addAnnotation(a);
        }
    }
}
