package org.rtvsim.tail;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * PNG charts of a tail fit (headless): {@value #MEAN_EXCESS_FILE}, the mean excess over the
 * threshold with its CI and the chosen threshold marked, and {@value #RETURN_LEVEL_FILE}, the
 * model's return levels with their profile-likelihood band against the exceedance probability p (a log
 * axis labelled every third decade: 1e-3, 1e-6, …), the observed tail as points and the observed maximum.
 */
public final class TailCharts {
    public static final String MEAN_EXCESS_FILE = "tail-mean-excess.png";
    public static final String RETURN_LEVEL_FILE = "tail-return-levels.png";
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 600;
    private static final Color MODEL = new Color(0x4E79A7);
    private static final Color CI = new Color(0xA0CBE8);
    private static final Color DATA = new Color(0xE15759);

    private TailCharts() {
    }

    /** Writes both charts into {@code dir} (created when missing); returns the files written. */
    public static List<Path> write(TailFit fit, TailData data, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path me = dir.resolve(MEAN_EXCESS_FILE);
        Path rl = dir.resolve(RETURN_LEVEL_FILE);
        ChartUtils.saveChartAsPNG(me.toFile(), meanExcess(fit, data), WIDTH, HEIGHT);
        ChartUtils.saveChartAsPNG(rl.toFile(), returnLevels(fit, data), WIDTH, HEIGHT);
        return List.of(me, rl);
    }

    static JFreeChart meanExcess(TailFit fit, TailData data) {
        List<TailDiagnostics.MeanExcess> pts = TailDiagnostics.meanExcess(data, 80, 10, fit.confidence());
        XYSeries m = new XYSeries("mean excess");
        XYSeries lo = new XYSeries(ci(fit) + " CI lower");
        XYSeries hi = new XYSeries(ci(fit) + " CI upper");
        for (TailDiagnostics.MeanExcess p : pts) {
            m.add(p.thresholdNs() / 1000, p.meanExcessNs() / 1000);
            lo.add(p.thresholdNs() / 1000, p.lowerNs() / 1000);
            hi.add(p.thresholdNs() / 1000, p.upperNs() / 1000);
        }
        XYSeriesCollection c = new XYSeriesCollection();
        c.addSeries(m);
        c.addSeries(lo);
        c.addSeries(hi);
        NumberAxis x = new NumberAxis("threshold t (µs)");
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis("mean excess E[X − t | X > t] (µs)");
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        style(r, 0, MODEL, new BasicStroke(2f));
        style(r, 1, CI, dashed());
        style(r, 2, CI, dashed());
        r.setSeriesShapesVisible(1, false);
        r.setSeriesShapesVisible(2, false);
        XYPlot plot = new XYPlot(c, x, y, r);
        ValueMarker u = new ValueMarker(fit.threshold() / 1000, Color.DARK_GRAY, dashed());
        u.setLabel(String.format(Locale.ROOT, "fit threshold u = %.2f µs", fit.threshold() / 1000));
        u.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        u.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        plot.addDomainMarker(u);
        return chart("Mean excess (mean residual life)",
                "above a good threshold the line is straight; slope ξ/(1−ξ)", plot);
    }

    static JFreeChart returnLevels(TailFit fit, TailData data) {
        XYSeries m = new XYSeries("GPD return level");
        YIntervalSeries band = new YIntervalSeries(ci(fit) + " profile-likelihood interval");
        double top = 0;
        List<TailDiagnostics.ModelPoint> model = TailDiagnostics.returnLevels(fit, 1e-12, 24);
        for (TailDiagnostics.ModelPoint p : model) {
            m.add(1 / p.p(), p.levelNs() / 1000);
            top = Math.max(top, p.levelNs());
        }
        for (TailDiagnostics.ModelPoint p : model) {
            // an unbounded upper end is drawn at the top of the plot (100 x the largest level shown)
            double hi = Double.isFinite(p.upperNs()) ? p.upperNs() : 100 * top;
            band.add(1 / p.p(), p.levelNs() / 1000, p.lowerNs() / 1000, hi / 1000);
        }
        XYSeries e = new XYSeries("observed", true, true);
        for (TailDiagnostics.Empirical p : TailDiagnostics.empirical(data, fit.threshold())) {
            e.add(1 / p.p(), p.valueNs() / 1000);
        }
        LogAxis x = new LogAxis("exceedance probability p per wake-up (log scale)");
        x.setBase(10);
        x.setSmallestValue(1);
        x.setAutoTickUnitSelection(false);
        x.setTickUnit(new NumberTickUnit(decadeStep(fit.zeta())));
        x.setNumberFormatOverride(new ProbabilityFormat());
        x.setMinorTickMarksVisible(false);
        LogAxis y = new LogAxis("latency (µs, log scale)");
        y.setBase(10);
        y.setSmallestValue(1e-3);
        y.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.##"));
        double yHi = Math.max(band.getItemCount() == 0 ? 0 : band.getYHighValue(band.getItemCount() - 1),
                fit.observedMax() / 1000);
        if (Math.log10(yHi / (fit.threshold() / 1000)) > 1.5) {
            // spanning decades: one label per decade (10, 100, 1,000) instead of the automatic crowded ones
            y.setAutoTickUnitSelection(false);
            y.setTickUnit(new NumberTickUnit(1));
        }
        YIntervalSeriesCollection bandData = new YIntervalSeriesCollection();
        bandData.addSeries(band);
        DeviationRenderer br = new DeviationRenderer(false, false);
        br.setSeriesPaint(0, CI);
        br.setSeriesFillPaint(0, CI);
        br.setAlpha(0.5f);
        XYSeriesCollection lines = new XYSeriesCollection();
        lines.addSeries(m);
        lines.addSeries(e);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        style(r, 0, MODEL, new BasicStroke(2.5f));
        style(r, 1, DATA, new BasicStroke(1f));
        r.setSeriesLinesVisible(1, false);
        r.setSeriesShapesVisible(1, true);
        XYPlot plot = new XYPlot(lines, x, y, r);
        plot.setDataset(1, bandData);
        plot.setRenderer(1, br);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        ValueMarker mx = new ValueMarker(fit.observedMax() / 1000, DATA, dashed());
        mx.setLabel(String.format(Locale.ROOT, "observed max %.2f µs", fit.observedMax() / 1000));
        mx.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        mx.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        mx.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        plot.addRangeMarker(mx);
        for (TailFit.ReturnLevel l : fit.returnLevels()) {
            if (l.valueNs() > 0) {
                ValueMarker mk = new ValueMarker(1 / l.p(), Color.GRAY, dashed());
                mk.setLabel(String.format(Locale.ROOT, "p=%.0e: %.1f µs", l.p(), l.valueNs() / 1000));
                mk.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                mk.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
                plot.addDomainMarker(mk);
            }
        }
        String sub = String.format(Locale.ROOT, "ξ = %.3f, σ = %.2f µs, u = %.2f µs, ζ = %.3g; band: %s "
                + "profile-likelihood interval%s", fit.xi(), fit.sigma() / 1000, fit.threshold() / 1000, fit.zeta(),
                ci(fit), fit.credible() ? "" : " — NOT CREDIBLE, see warnings");
        return chart("Return levels (GPD over threshold)", sub, plot);
    }

    /** Decades between x-axis ticks: 3 (1e-3, 1e-6, …) unless the axis spans few decades. */
    static int decadeStep(double zeta) {
        double decades = 12 + Math.log10(zeta);
        return decades > 8 ? 3 : 1;
    }

    /** Labels a return period 1/p by its probability: 1e3 → "1e-3", 1 → "1". */
    static final class ProbabilityFormat extends java.text.NumberFormat {
        @Override
        public StringBuffer format(double v, StringBuffer to, java.text.FieldPosition pos) {
            long e = Math.round(Math.log10(v));
            return to.append(e == 0 ? "1" : "1e-" + e);
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("labels only");
        }
    }

    private static String ci(TailFit f) {
        return Math.round(100 * f.confidence()) + "%";
    }

    private static void style(XYLineAndShapeRenderer r, int i, Color c, BasicStroke s) {
        r.setSeriesPaint(i, c);
        r.setSeriesStroke(i, s);
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    private static JFreeChart chart(String title, String subtitle, XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xD0D0D0));
        plot.setRangeGridlinePaint(new Color(0xD0D0D0));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 20), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 14)));
        return chart;
    }
}
