package org.rtvsim.report.charts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.ThreadResult;

/**
 * Draws, per thread, two stacked bars of 100 %: how the maximum sample's latency and the summed
 * latency of the samples at or above p99.9 split into attribution components (shares in %).
 *
 * <p>Each component label has one colour in every bar, in order of its share summed over all bars;
 * labels below {@link #MIN_SHARE_PERCENT} % in every bar are merged into "other". A label ending
 * in parentheses naming the bar's own thread ({@code return to user (cyclictest T0)}) loses them,
 * so the same mechanism has the same colour for every thread.
 */
final class AttributionChart {
    static final double MIN_SHARE_PERCENT = 3.0;
    static final String OTHER = "other (each < " + (int) MIN_SHARE_PERCENT + " %)";

    private AttributionChart() {
    }

    /** The chart, or null when no thread has attribution. */
    static JFreeChart create(String title, List<ThreadResult> threads) {
        Map<String, Map<String, Double>> bars = new LinkedHashMap<>(); // bar -> label -> %
        for (ThreadResult t : threads) {
            if (t.maxSample() == null || t.tail() == null) {
                continue;
            }
            String who = "T" + t.index();
            bars.put(who + " max sample", shares(t, t.maxSample().components()));
            bars.put(who + " ≥ " + pName(t.tail().percentile()), shares(t, t.tail().components()));
        }
        if (bars.isEmpty()) {
            return null;
        }
        Map<String, Double> totals = new TreeMap<>();
        Map<String, Double> peaks = new TreeMap<>();
        bars.values().forEach(b -> b.forEach((label, pct) -> {
            totals.merge(label, pct, Double::sum);
            peaks.merge(label, pct, Math::max);
        }));
        List<String> labels = new ArrayList<>(totals.keySet());
        labels.removeIf(l -> peaks.get(l) < MIN_SHARE_PERCENT);
        labels.sort((a, b) -> Double.compare(totals.get(b), totals.get(a)));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean anyOther = false;
        for (Map.Entry<String, Map<String, Double>> bar : bars.entrySet()) {
            double other = 0;
            for (Map.Entry<String, Double> e : bar.getValue().entrySet()) {
                if (!labels.contains(e.getKey())) {
                    other += e.getValue();
                }
            }
            for (String label : labels) {
                data.addValue(bar.getValue().getOrDefault(label, 0.0), label, bar.getKey());
            }
            data.addValue(other, OTHER, bar.getKey());
            anyOther |= other > 0;
        }
        if (!anyOther) {
            data.removeRow(OTHER);
        }
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.08);
        for (int i = 0; i < data.getRowCount(); i++) {
            r.setSeriesPaint(i, OTHER.equals(data.getRowKey(i)) ? ChartStyle.OTHER : ChartStyle.colour(i));
        }
        CategoryAxis x = new CategoryAxis(null);
        x.setMaximumCategoryLabelLines(2);
        x.setTickLabelFont(ChartStyle.SMALL);
        NumberAxis y = ChartStyle.linearAxis("share of latency (%)", true);
        y.setRange(0, 100);
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.finish(chart, "per thread, split by cause: the largest sample, and all samples ≥ "
                + pName(threads.get(0).tail() == null ? 99.9 : threads.get(0).tail().percentile()) + " (latency summed)");
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        return chart;
    }

    private static Map<String, Double> shares(ThreadResult t, List<Attribution.Component> components) {
        Map<String, Double> out = new LinkedHashMap<>();
        java.util.regex.Pattern own = java.util.regex.Pattern.compile(
                " \\([^()]*\\b" + java.util.regex.Pattern.quote(t.thread()) + "\\)$");
        for (Attribution.Component c : components) {
            String label = own.matcher(c.label()).replaceFirst("");
            out.merge(label, 100.0 * c.share(), Double::sum);
        }
        return out;
    }

    /** {@code p99.9} for 99.9. */
    static String pName(double p) {
        String s = Double.toString(p);
        return "p" + (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s);
    }
}
