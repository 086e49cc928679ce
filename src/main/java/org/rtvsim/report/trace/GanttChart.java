package org.rtvsim.report.trace;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.rtvsim.measure.Trace;
import org.rtvsim.measure.TraceSink;

/**
 * Draws a {@link Trace} as a Gantt chart PNG (headless JFreeChart): one row per task, then one per CPU,
 * simulated time on the x axis in µs (windows up to 2 ms) or ms. Task rows are coloured by state —
 * running green, runnable (waiting for a CPU) light grey, blocked on a lock red (labelled with the
 * lock), boosted (running at an inherited priority) orange; sleeping is left empty; lock acquire and
 * release are small black ticks above the row. CPU rows show what occupies the CPU (task, hardirq,
 * softirq, context switch, C-state exit, no supply/SMI; idle empty). Bars wide enough carry their label.
 * The image is {@value #WIDTH_PX} × (100 + 40 · rows) pixels, fonts 12–14 pt; as PNG or SVG. Rows that
 * are empty in the window (a task asleep throughout, a CPU idle throughout) are left out unless all rows
 * are asked for.
 */
public final class GanttChart {
    static final int WIDTH_PX = 1200;
    static final int ROW_PX = 40;
    static final int BASE_PX = 100;
    private static final double PLOT_WIDTH_PX = 1050;
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    /** Measures bar labels, to draw only those that fit inside their bar. */
    private static final java.awt.FontMetrics LABEL_METRICS = new java.awt.image.BufferedImage(1, 1,
            java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(TICK_FONT);

    /** The legend categories with their colours, in legend order. */
    private enum Category {
        RUNNING("running", new Color(44, 160, 44), Color.WHITE),
        RUNNABLE("runnable (waiting for a CPU)", new Color(200, 200, 200), Color.BLACK),
        BLOCKED("blocked on a lock", new Color(214, 39, 40), Color.WHITE),
        BOOSTED("boosted (inherited priority)", new Color(255, 140, 0), Color.BLACK),
        CPU_TASK("CPU: task", new Color(23, 190, 207), Color.BLACK),
        CPU_HARDIRQ("CPU: hardirq", new Color(31, 119, 180), Color.WHITE),
        CPU_SOFTIRQ("CPU: softirq", new Color(174, 199, 232), Color.BLACK),
        CPU_SWITCH("CPU: context switch", new Color(127, 127, 127), Color.WHITE),
        CPU_CSTATE("CPU: C-state exit", new Color(140, 86, 75), Color.WHITE),
        CPU_NO_SUPPLY("CPU: no supply (SMI; vCPU not in guest mode)", Color.BLACK, Color.WHITE);

        final String title;
        final Color fill;
        final Color text;

        Category(String title, Color fill, Color text) {
            this.title = title;
            this.fill = fill;
            this.text = text;
        }
    }

    private GanttChart() {
    }

    /** The image height for a trace with all rows: 100 px plus 40 px per row (tasks and CPUs). */
    public static int heightPx(Trace t) {
        return BASE_PX + ROW_PX * rows(t, true).size();
    }

    /** Writes the chart with all rows as a PNG to {@code png}. */
    public static void write(Trace t, Path png) throws IOException {
        write(t, png, true);
    }

    /** Writes the chart as a PNG to {@code png}; without {@code allRows}, rows empty in the window are left out. */
    public static void write(Trace t, Path png, boolean allRows) throws IOException {
        List<String> rows = rows(t, allRows);
        ChartUtils.saveChartAsPNG(png.toFile(), chart(t, rows), WIDTH_PX, BASE_PX + ROW_PX * rows.size());
    }

    /** Writes the chart as SVG to {@code svg} (same drawing and size as the PNG). */
    public static void writeSvg(Trace t, Path svg, boolean allRows) throws IOException {
        List<String> rows = rows(t, allRows);
        String name = svg.getFileName() == null ? "trace" : svg.getFileName().toString().replaceFirst("\\.svg$", "");
        java.nio.file.Files.writeString(svg, org.rtvsim.report.charts.ChartFiles.svgDocument(chart(t, rows), WIDTH_PX,
                BASE_PX + ROW_PX * rows.size(), name), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The rows: tasks (by name), then CPUs. Without {@code allRows}, a task that sleeps through the whole
     * window (no state bar, no lock mark) and a CPU idle through it are left out.
     */
    static List<String> rows(Trace t, boolean allRows) {
        java.util.Set<String> busyTasks = new java.util.HashSet<>();
        java.util.Set<Integer> busyCpus = new java.util.HashSet<>();
        if (!allRows) {
            for (Spans.StateSpan s : Spans.states(t)) {
                busyTasks.add(s.task());
            }
            for (Trace.Point p : Spans.points(t)) {
                if (p.task() != null && (p.kind() == TraceSink.Instant.LOCK_ACQUIRE
                        || p.kind() == TraceSink.Instant.LOCK_RELEASE)) {
                    busyTasks.add(p.task());
                }
            }
            for (Spans.CpuSpan s : Spans.cpu(t)) {
                if (s.kind() != TraceSink.Slice.IDLE) {
                    busyCpus.add(s.cpu());
                }
            }
        }
        List<String> rows = new ArrayList<>();
        for (String task : t.tasks()) {
            if (allRows || busyTasks.contains(task)) {
                rows.add(task);
            }
        }
        for (int cpu : t.cpus()) {
            if (allRows || busyCpus.contains(cpu)) {
                rows.add(t.cpuName(cpu));
            }
        }
        if (rows.isEmpty() && !t.cpus().isEmpty()) {
            rows.add(t.cpuName(t.cpus().get(0))); // an all-idle window still gets an axis
        }
        return rows;
    }

    static JFreeChart chart(Trace t) {
        return chart(t, rows(t, true));
    }

    static JFreeChart chart(Trace t, List<String> rows) {
        Map<String, Double> y = new LinkedHashMap<>();
        String[] symbols = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            int row = rows.size() - 1 - i; // first row on top
            y.put(rows.get(i), (double) row);
            symbols[row] = rows.get(i);
        }
        boolean micro = t.toNs() - t.fromNs() <= 2_000_000L;
        double unitNs = micro ? 1e3 : 1e6;
        double windowUnits = (t.toNs() - t.fromNs()) / unitNs;

        Map<Category, XYIntervalSeries> series = new LinkedHashMap<>();
        Map<Category, List<String>> labels = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            series.put(c, new XYIntervalSeries(c.title, false, true));
            labels.put(c, new ArrayList<>());
        }
        for (Spans.StateSpan s : Spans.states(t)) {
            Category c = switch (s.state()) {
                case RUNNABLE -> Category.RUNNABLE;
                case BLOCKED_ON_LOCK -> Category.BLOCKED;
                case BOOSTED_RUNNING -> Category.BOOSTED;
                default -> Category.RUNNING;
            };
            String text = s.state() == TraceSink.TaskState.BLOCKED_ON_LOCK ? Spans.stateName(s.state(), s.detail())
                    : s.state() == TraceSink.TaskState.BOOSTED_RUNNING ? "boosted" : null;
            if (y.containsKey(s.task())) {
                bar(series.get(c), labels.get(c), y.get(s.task()), s.startNs() / unitNs, s.endNs() / unitNs, text);
            }
        }
        for (Spans.CpuSpan s : Spans.cpu(t)) {
            Category c = switch (s.kind()) {
                case TASK -> Category.CPU_TASK;
                case HARDIRQ -> Category.CPU_HARDIRQ;
                case SOFTIRQ -> Category.CPU_SOFTIRQ;
                case SWITCH -> Category.CPU_SWITCH;
                case CSTATE_EXIT -> Category.CPU_CSTATE;
                case NO_SUPPLY -> Category.CPU_NO_SUPPLY;
                case IDLE -> null;
            };
            if (c != null && y.containsKey(t.cpuName(s.cpu()))) {
                String text = s.kind() == TraceSink.Slice.TASK ? s.task() : s.label();
                bar(series.get(c), labels.get(c), y.get(t.cpuName(s.cpu())), s.startNs() / unitNs, s.endNs() / unitNs,
                        text);
            }
        }

        XYIntervalSeriesCollection bars = new XYIntervalSeriesCollection();
        XYBarRenderer r = new XYBarRenderer();
        r.setUseYInterval(true);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        ItemLabelPosition centre = new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER);
        int index = 0;
        for (Category c : Category.values()) {
            boolean cpuCategory = c.ordinal() >= Category.CPU_TASK.ordinal();
            if (cpuCategory && series.get(c).getItemCount() == 0) {
                continue; // the legend lists the task states always, CPU kinds only when present
            }
            bars.addSeries(series.get(c));
            r.setSeriesPaint(index, c.fill);
            r.setSeriesItemLabelPaint(index, c.text);
            r.setSeriesItemLabelFont(index, TICK_FONT);
            r.setSeriesPositiveItemLabelPosition(index, centre);
            r.setSeriesItemLabelsVisible(index, true);
            index++;
        }
        r.setDefaultItemLabelGenerator((dataset, s, item) -> {
            Category c = category(dataset.getSeriesKey(s).toString());
            String text = labels.get(c).get(item);
            org.jfree.data.xy.IntervalXYDataset d = (org.jfree.data.xy.IntervalXYDataset) dataset;
            double widthPx = (d.getEndXValue(s, item) - d.getStartXValue(s, item)) / windowUnits
                    * PLOT_WIDTH_PX;
            return text != null && widthPx >= LABEL_METRICS.stringWidth(text) + 6 ? text : null;
        });

        NumberAxis time = new NumberAxis(String.format(java.util.Locale.ROOT,
                "simulated time (%s); window of %s from %.6f s", micro ? "µs" : "ms",
                org.rtvsim.engine.Units.formatNs(t.toNs() - t.fromNs()), t.fromNs() / 1e9));
        time.setAutoRangeIncludesZero(false);
        time.setRange(t.fromNs() / unitNs, t.toNs() / unitNs);
        time.setLabelFont(LABEL_FONT);
        time.setTickLabelFont(TICK_FONT);
        SymbolAxis rowAxis = new SymbolAxis(null, symbols);
        rowAxis.setTickLabelFont(TICK_FONT);
        rowAxis.setGridBandsVisible(true);
        rowAxis.setRange(-0.5, rows.size() - 0.5);

        XYPlot plot = new XYPlot(bars, time, rowAxis, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinesVisible(false);
        plot.setDataset(1, lockMarks(t, y, unitNs));
        plot.setRenderer(1, lockRenderer());

        JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(TICK_FONT);
        legend.setPosition(RectangleEdge.TOP);
        return chart;
    }

    private static void bar(XYIntervalSeries s, List<String> labels, double row, double x0, double x1, String text) {
        s.add(x0, x0, x1, row, row - 0.35, row + 0.35);
        labels.add(text);
    }

    private static Category category(String title) {
        for (Category c : Category.values()) {
            if (c.title.equals(title)) {
                return c;
            }
        }
        throw new IllegalStateException(title);
    }

    /** Lock acquire and release instants, as points just above their task's bar. */
    private static XYSeriesCollection lockMarks(Trace t, Map<String, Double> y, double unitNs) {
        XYSeries marks = new XYSeries("lock acquire / release", false, true);
        for (Trace.Point p : Spans.points(t)) {
            boolean lockOp = p.kind() == TraceSink.Instant.LOCK_ACQUIRE || p.kind() == TraceSink.Instant.LOCK_RELEASE;
            if (lockOp && p.task() != null && y.containsKey(p.task())) {
                marks.add(p.tNs() / unitNs, y.get(p.task()) + 0.42);
            }
        }
        return new XYSeriesCollection(marks);
    }

    private static XYLineAndShapeRenderer lockRenderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        Path2D.Double tick = new Path2D.Double();
        tick.moveTo(-4, -5);
        tick.lineTo(4, -5);
        tick.lineTo(0, 2);
        tick.closePath();
        r.setSeriesShape(0, tick);
        Paint black = Color.BLACK;
        r.setSeriesPaint(0, black);
        r.setSeriesStroke(0, new BasicStroke(1f));
        return r;
    }
}
