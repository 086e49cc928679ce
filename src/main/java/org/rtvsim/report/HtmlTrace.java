package org.rtvsim.report;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rtvsim.measure.Trace;
import org.rtvsim.measure.TraceSink;

/**
 * The trace window of {@code report.html}: one row per CPU of the {@link Trace}, each occupancy a coloured bar from
 * its start to the CPU's next occupancy (clipped to the window; idle is left blank), with its label as a tooltip,
 * latency samples and wake-ups as ticks; zoomable like the worst-sample view ({@link HtmlReport#zoomScript}).
 */
final class HtmlTrace {
    /** The id of the trace view; a test looks for it. */
    static final String ID = "trace-window";
    private static final double WIDTH = 1000;
    private static final int ROW = 22;
    private static final int LEFT = 0;

    private HtmlTrace() {
    }

    static String colour(TraceSink.Slice kind) {
        return switch (kind) {
            case TASK -> "#4e79a7";
            case HARDIRQ -> "#e15759";
            case SOFTIRQ -> "#f28e2b";
            case SWITCH -> "#76b7b2";
            case CSTATE_EXIT -> "#b07aa1";
            case NO_SUPPLY -> "#222222";
            case IDLE -> "none";
        };
    }

    static void write(Trace t, Appendable out) throws IOException {
        List<Integer> cpus = t.cpus();
        if (cpus.isEmpty()) {
            return;
        }
        long from = t.fromNs();
        long to = t.endNs();
        double scale = WIDTH / Math.max(1, to - from);
        int height = ROW * cpus.size() + 4;
        Map<Integer, Integer> row = new HashMap<>();
        for (int i = 0; i < cpus.size(); i++) {
            row.put(cpus.get(i), i);
        }
        out.append("<h2>Trace window around the worst sample</h2>\n<p>")
                .append(HtmlReport.esc(seconds(from))).append(" to ")
                .append(HtmlReport.esc(seconds(to))).append(" of simulated time; rows: ");
        for (int i = 0; i < cpus.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(HtmlReport.esc(t.cpuName(cpus.get(i))));
        }
        out.append(" (top to bottom). Blue: tasks, red: hardirqs, orange: softirqs, teal: context switches, purple: "
                + "C-state exits, black: no supply (SMI, descheduled vCPU); ticks: latency samples (black) and "
                + "wake-ups (grey). Hover for names. Wheel: zoom; drag: pan; double click: reset.</p>\n");
        out.append("<svg id=\"").append(ID).append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(HtmlReport.fmt(WIDTH)).append(' ').append(Integer.toString(height))
                .append("\" preserveAspectRatio=\"none\" style=\"width:100%;height:").append(Integer.toString(height * 2))
                .append("px;border:1px solid #ccc;cursor:grab\">\n");
        Map<Integer, Trace.Occupy> open = new HashMap<>();
        for (Trace.Event e : t.events()) {
            if (!row.containsKey(e.cpu())) {
                continue;
            }
            if (e instanceof Trace.Occupy o) {
                Trace.Occupy prev = open.put(o.cpu(), o);
                if (prev != null) {
                    bar(prev, o.tNs(), from, to, scale, row.get(o.cpu()), out);
                }
            } else if (e instanceof Trace.Point p && e.tNs() >= from && e.tNs() <= to
                    && (p.kind() == TraceSink.Instant.SAMPLE || p.kind() == TraceSink.Instant.WAKEUP)) {
                double x = (p.tNs() - from) * scale;
                int y = row.get(p.cpu()) * ROW + 2;
                out.append("<line x1=\"").append(HtmlReport.fmt(x)).append("\" x2=\"").append(HtmlReport.fmt(x))
                        .append("\" y1=\"").append(Integer.toString(y)).append("\" y2=\"")
                        .append(Integer.toString(y + ROW - 4)).append("\" stroke=\"")
                        .append(p.kind() == TraceSink.Instant.SAMPLE ? "#000" : "#999")
                        .append("\" vector-effect=\"non-scaling-stroke\"><title>")
                        .append(HtmlReport.esc(p.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                                + (p.task() == null ? "" : p.task()) + (p.detail() == null ? "" : " " + p.detail())))
                        .append("</title></line>\n");
            }
        }
        for (Trace.Occupy o : open.values().stream().sorted((a, b) -> Integer.compare(a.cpu(), b.cpu())).toList()) {
            bar(o, to, from, to, scale, row.get(o.cpu()), out);
        }
        out.append("</svg>\n");
        HtmlReport.zoomScript(ID, WIDTH, height, out);
    }

    private static void bar(Trace.Occupy o, long endNs, long from, long to, double scale, int row, Appendable out)
            throws IOException {
        long a = Math.max(from, o.tNs());
        long b = Math.min(to, endNs);
        if (b <= a || o.kind() == TraceSink.Slice.IDLE) {
            return;
        }
        out.append("<rect x=\"").append(HtmlReport.fmt(LEFT + (a - from) * scale)).append("\" y=\"")
                .append(Integer.toString(row * ROW + 2)).append("\" width=\"").append(HtmlReport.fmt((b - a) * scale))
                .append("\" height=\"").append(Integer.toString(ROW - 4)).append("\" fill=\"").append(colour(o.kind()))
                .append("\"><title>").append(HtmlReport.esc(o.label() + (o.task() == null ? "" : " (" + o.task() + ")")
                        + ", " + String.format(java.util.Locale.ROOT, "%.3f us", (b - a) / 1000.0)))
                .append("</title></rect>\n");
    }

    /** Simulated time as seconds with nanosecond digits (as {@code rtvsim trace} prints it). */
    private static String seconds(long ns) {
        return java.math.BigDecimal.valueOf(ns, 9).toPlainString() + " s";
    }
}
