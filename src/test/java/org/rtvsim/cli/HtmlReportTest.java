package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.report.HtmlReport;

/** {@code run --out} writes report.html: self-contained, with the charts inline; checked in a real browser too. */
class HtmlReportTest {
    @TempDir
    Path dir;

    private Path report() {
        Path out = dir.resolve("out");
        Cli r = Cli.run("run", Cli.write(dir, "tiny.yaml", Cli.TINY).toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        return out.resolve("report.html");
    }

    @Test
    void out_writesASelfContainedHtmlReport() throws Exception {
        String html = Files.readString(report(), StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>\n"), html.substring(0, 40));
        for (String chart : List.of("histogram", "ccdf", "latency-over-time", "attribution")) {
            assertTrue(html.contains("<div class=\"chart\" id=\"chart-" + chart + "\">\n<svg"), chart);
        }
        assertTrue(html.contains("<h2>Attribution of each thread's maximum sample</h2>"));
        assertTrue(html.contains("<svg id=\"" + HtmlReport.SAMPLE_VIEW_ID + "\""));
        assertTrue(html.contains("<th>stat</th>"));
        assertTrue(html.contains("<h2>Trace window around the worst sample</h2>"));
        assertTrue(html.contains("<svg id=\"trace-window\""));
        assertTrue(html.matches("(?s).*<title>sample cyclictest T0 [0-9.]+ us</title>.*"), "the worst sample's tick");
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no network resources");
        assertFalse(html.contains("<?xml"), "SVGs are inlined without their XML declarations");
    }

    /** The chromium executable, if one is installed (Debian's package installs /usr/bin/chromium). */
    static String chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(d, name))) {
                    return Path.of(d, name).toString();
                }
            }
        }
        return null;
    }

    /**
     * Renders report.html in headless Chromium (.ci/run installs Debian's chromium; skipped here when none is
     * installed): the DOM after scripts ran must hold the four charts and the worst-sample and trace views set up
     * by their scripts, and Chromium's log must show no console message (the page logs none) and no uncaught error.
     */
    @Test
    void report_rendersInHeadlessChromiumWithoutConsoleErrors() throws Exception {
        String chromium = chromium();
        assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium; .ci/run installs it)");
        Path html = report();
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
                "--dump-dom", html.toUri().toString())
                .redirectOutput(dir.resolve("dom.html").toFile()).redirectError(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish within 2 minutes");
        String dom = Files.readString(dir.resolve("dom.html"), StandardCharsets.UTF_8);
        String log = Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        for (String chart : List.of("histogram", "ccdf", "latency-over-time", "attribution")) {
            int at = dom.indexOf("id=\"chart-" + chart + "\"");
            assertTrue(at >= 0 && dom.indexOf("<path", at) > at, chart + " is not in the rendered page");
        }
        assertTrue(dom.matches("(?s).*id=\"worst-sample\"[^>]*data-ready=\"yes\".*"),
                "the worst-sample view's script did not run: " + log);
        assertTrue(dom.matches("(?s).*id=\"trace-window\"[^>]*data-ready=\"yes\".*"),
                "the trace view's script did not run: " + log);
        assertFalse(log.contains(":CONSOLE"), "console messages: " + log);
        assertFalse(log.contains("Uncaught"), "uncaught error: " + log);
    }
}
