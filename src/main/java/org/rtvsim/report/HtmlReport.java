package org.rtvsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.ReplicatedGroup;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.StatisticCI;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.measure.TimerlatStats;
import org.rtvsim.measure.Trace;

/**
 * Writes {@code report.html}: one self-contained page (no network resource, no external file) with the settings,
 * the charts inlined as SVG, one statistics table per group, the SLO verdict, the attribution of each thread's
 * maximum sample, and a zoomable view of the worst sample split at its wake-up (the IRQ side until the timer
 * callback woke the thread, then the thread side), drawn as SVG with a small inline script: the mouse wheel zooms,
 * dragging pans, a double click resets; the script marks the view {@code data-ready="yes"} once it has set up,
 * which the browser check looks for. Charts and tables are those of {@code report.md}.
 */
public final class HtmlReport {
    /** The id of the sample view; a test looks for it. */
    public static final String SAMPLE_VIEW_ID = "worst-sample";

    private HtmlReport() {
    }

    /** Writes the page without a trace window. */
    public static void write(ReplicatedResult r, String command, List<Path> charts, Appendable out) throws IOException {
        write(r, command, charts, null, out);
    }

    /**
     * Writes the page; {@code charts} are the SVG files to inline, in order (other files are ignored), {@code trace}
     * the window of the timeline around the run's worst sample (null: none).
     */
    public static void write(ReplicatedResult r, String command, List<Path> charts, Trace trace, Appendable out)
            throws IOException {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>rtvsim report: ")
                .append(esc(r.scenario())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:70em;margin:1em auto;padding:0 1em;color:#222}\n")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.2em .6em;")
                .append("text-align:right}th{background:#eee}td:first-child,th:first-child{text-align:left}\n")
                .append(".chart svg{max-width:100%;height:auto}\n")
                .append("#").append(SAMPLE_VIEW_ID).append("{border:1px solid #ccc;width:100%;height:140px;cursor:grab}\n")
                .append("</style>\n</head>\n<body>\n");
        out.append("<h1>rtvsim report: ").append(esc(r.scenario())).append("</h1>\n<h2>Settings</h2>\n<ul>\n");
        out.append("<li>scenario: <code>").append(esc(r.scenario())).append("</code>")
                .append(r.source() == null ? "" : " (<code>" + esc(r.source()) + "</code>)").append("</li>\n");
        out.append("<li>seed ").append(Long.toString(r.seed())).append(", duration ")
                .append(esc(org.rtvsim.engine.Units.formatNs(r.durationNs()))).append(" after ")
                .append(esc(org.rtvsim.engine.Units.formatNs(r.warmupNs()))).append(" warm-up</li>\n");
        out.append("<li>").append(Integer.toString(r.replications()))
                .append(r.replications() == 1 ? " replication" : " replications").append("</li>\n");
        if (command != null) {
            out.append("<li>command: <code>").append(esc(command)).append("</code></li>\n");
        }
        out.append("</ul>\n");
        charts(charts, r.replications() > 1, out);
        for (ReplicatedGroup g : r.groups()) {
            if (g.thread() >= 0 && r.groups().size() == 2) {
                continue;
            }
            out.append("<h2>").append(esc(g.thread() < 0 ? "All threads" : "Thread " + g.thread() + " " + g.label()
                    + " (cpu " + g.cpu() + ")")).append("</h2>\n<p>").append(Long.toString(g.samples()))
                    .append(" samples.</p>\n");
            table(g, out);
        }
        if (r.slo() != null) {
            out.append("<h2>SLO</h2>\n<p>").append(Format.percentileName(r.slo().percentile())).append(" &lt; ")
                    .append(Format.us(r.slo().limitNs())).append(" us: <strong>").append(r.slo().met() ? "met" : "missed")
                    .append("</strong> (").append(Format.us(r.slo().valueNs())).append(" us over all samples).</p>\n");
        }
        RunResult first = r.runs().get(0);
        attributions(first, out);
        sampleView(first, out);
        if (trace != null) {
            HtmlTrace.write(trace, out);
        }
        out.append("</body>\n</html>\n");
    }

    private static void charts(List<Path> charts, boolean replicated, Appendable out) throws IOException {
        List<Path> svgs = charts.stream().filter(p -> p.getFileName().toString().endsWith(".svg")).toList();
        if (svgs.isEmpty()) {
            return;
        }
        out.append("<h2>Charts</h2>\n");
        if (replicated) {
            out.append("<p>Charts of replication 0.</p>\n");
        }
        for (Path p : svgs) {
            String svg = Files.readString(p, StandardCharsets.UTF_8);
            int start = svg.indexOf("<svg");
            out.append("<div class=\"chart\" id=\"chart-").append(esc(p.getFileName().toString().replace(".svg", "")))
                    .append("\">\n").append(start >= 0 ? svg.substring(start) : svg).append("\n</div>\n");
        }
    }

    private static void table(ReplicatedGroup g, Appendable out) throws IOException {
        out.append("<table>\n<tr><th>stat</th><th>pooled (us)</th><th>mean (us)</th><th>CI low (us)</th>"
                + "<th>CI high (us)</th><th>note</th></tr>\n");
        for (StatisticCI s : g.statistics()) {
            out.append("<tr><td>").append(esc(s.name())).append("</td><td>").append(Table.us(s.pooledNs()))
                    .append("</td><td>").append(Table.us(s.meanNs())).append("</td><td>").append(Table.us(s.lowNs()))
                    .append("</td><td>").append(Table.us(s.highNs())).append("</td><td>")
                    .append(esc(ReplicatedText.flag(s))).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void attributions(RunResult r, Appendable out) throws IOException {
        boolean any = r.threads().stream().anyMatch(t -> t.maxSample() != null);
        if (!any) {
            return;
        }
        out.append("<h2>Attribution of each thread's maximum sample</h2>\n");
        for (ThreadResult t : r.threads()) {
            Attribution a = t.maxSample();
            if (a == null) {
                continue;
            }
            out.append("<h3>").append(esc(t.thread())).append(" (cpu ").append(Integer.toString(t.cpu()))
                    .append("): ").append(Format.us(a.totalNs())).append(" us</h3>\n<table>\n")
                    .append("<tr><th>component</th><th>us</th><th>%</th></tr>\n");
            for (Attribution.Component c : a.components()) {
                out.append("<tr><td>").append(esc(c.label())).append("</td><td>").append(Format.us(c.ns()))
                        .append("</td><td>").append(String.format(Locale.ROOT, "%.1f", c.share() * 100))
                        .append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
    }

    /** The worst sample as two bands of components on a time axis in µs, zoomable (wheel) and pannable (drag). */
    private static void sampleView(RunResult r, Appendable out) throws IOException {
        ThreadResult worst = null;
        for (ThreadResult t : r.threads()) {
            if (t.timerlat() != null && t.timerlat().max() != null && (worst == null || t.maxNs() > worst.maxNs())) {
                worst = t;
            }
        }
        if (worst == null) {
            return;
        }
        TimerlatStats.MaxSplit m = worst.timerlat().max();
        double total = Math.max(1, m.latencyNs());
        double width = 1000;
        out.append("<h2>The worst sample, split at its wake-up</h2>\n<p>").append(esc(worst.thread()))
                .append(" (cpu ").append(Integer.toString(worst.cpu())).append("), ").append(Format.us(m.latencyNs()))
                .append(" us: the IRQ side (until the timer callback woke the thread, ")
                .append(Format.us(m.irqNs() + m.callbackNs())).append(" us) and the thread side (until it read the "
                        + "clock). Within a side, parts are ordered by size, not by time (the attribution sums time "
                        + "per cause). Wheel: zoom; drag: pan; double click: reset.</p>\n");
        out.append("<svg id=\"").append(SAMPLE_VIEW_ID).append("\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(fmt(width)).append(" 140\" preserveAspectRatio=\"none\">\n");
        double x = 0;
        String[] colours = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7"};
        int colour = 0;
        List<Object[]> bands = new ArrayList<>();
        bands.add(new Object[] {"IRQ side", m.beforeWake(), 10});
        bands.add(new Object[] {"thread side", m.afterWake(), 70});
        for (Object[] band : bands) {
            Attribution a = (Attribution) band[1];
            int y = (Integer) band[2];
            for (Attribution.Component c : a.components()) {
                double w = c.ns() / total * width;
                out.append("<g><title>").append(esc(band[0] + ": " + c.label() + " " + Format.us(c.ns()) + " us"))
                        .append("</title><rect x=\"").append(fmt(x)).append("\" y=\"").append(Integer.toString(y))
                        .append("\" width=\"").append(fmt(w)).append("\" height=\"50\" fill=\"")
                        .append(colours[colour++ % colours.length]).append("\" stroke=\"#fff\" stroke-width=\"0.5\""
                                + " vector-effect=\"non-scaling-stroke\"/><text x=\"").append(fmt(x + 2))
                        .append("\" y=\"").append(Integer.toString(y + 30)).append("\" font-size=\"11\">")
                        .append(esc(c.label())).append("</text></g>\n");
                x += w;
            }
        }
        out.append("</svg>\n");
        zoomScript(SAMPLE_VIEW_ID, width, 140, out);
    }

    /**
     * The inline script that makes SVG {@code id} (viewBox {@code 0 0 width height}) zoom on the wheel, pan on a
     * drag and reset on a double click, then marks it {@code data-ready="yes"}.
     */
    static void zoomScript(String id, double width, int height, Appendable out) throws IOException {
        out.append("<script>\n(function () {\n")
                .append("  var svg = document.getElementById('").append(id).append("');\n")
                .append("  var full = [0, ").append(fmt(width)).append("], view = full.slice(), drag = null;\n")
                .append("  function show() { svg.setAttribute('viewBox', view[0] + ' 0 ' + view[1] + ' ")
                .append(Integer.toString(height)).append("'); }\n")
                .append("  svg.addEventListener('wheel', function (e) {\n")
                .append("    e.preventDefault();\n")
                .append("    var r = svg.getBoundingClientRect(), f = (e.clientX - r.left) / r.width;\n")
                .append("    var at = view[0] + f * view[1], w = Math.min(full[1], Math.max(1, view[1] * (e.deltaY < 0 ? 0.8 : 1.25)));\n")
                .append("    view = [Math.max(0, Math.min(full[1] - w, at - f * w)), w]; show();\n")
                .append("  }, {passive: false});\n")
                .append("  svg.addEventListener('mousedown', function (e) { drag = [e.clientX, view[0]]; });\n")
                .append("  window.addEventListener('mouseup', function () { drag = null; });\n")
                .append("  svg.addEventListener('mousemove', function (e) {\n")
                .append("    if (!drag) { return; }\n")
                .append("    var r = svg.getBoundingClientRect(), dx = (e.clientX - drag[0]) / r.width * view[1];\n")
                .append("    view[0] = Math.max(0, Math.min(full[1] - view[1], drag[1] - dx)); show();\n")
                .append("  });\n")
                .append("  svg.addEventListener('dblclick', function () { view = full.slice(); show(); });\n")
                .append("  svg.setAttribute('data-ready', 'yes');\n")
                .append("})();\n</script>\n");
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
