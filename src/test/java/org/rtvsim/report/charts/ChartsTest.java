package org.rtvsim.report.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.measure.BlameRegistry;
import org.rtvsim.measure.LatencyRecorder;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;

class ChartsTest {
    private static final List<String> RUN_FILES = List.of("histogram.png", "histogram.svg", "ccdf.png", "ccdf.svg",
            "latency-over-time.png", "latency-over-time.svg", "attribution.png", "attribution.svg");

    /** Two threads, 5000 samples each at 1 ms: a lognormal-ish body with rare lock and SMI spikes. */
    static RunResult run(String name, boolean attribution, long spikeUs) {
        BlameRegistry b = new BlameRegistry();
        int base = b.id("context switch");
        int lock = b.id("hackbench: spinlock section");
        int smi = b.id("SMI (firmware)");
        List<ThreadResult> threads = new ArrayList<>();
        long state = 12345;
        for (int t = 0; t < 2; t++) {
            LatencyRecorder r = new LatencyRecorder("T" + t, t, t, 99, 1_000_000, 1000, 1000, attribution, b);
            for (long c = 0; c < 5_000; c++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                int u = (int) ((state >>> 33) % 10_000);
                long bodyNs = 2000 + (u % 97) * 40 + (u % 13) * 150;
                long extraNs = u < 15 ? spikeUs * 1000 * (u + 1) / 15 : 0;
                int[] ids = extraNs == 0 ? new int[] {base} : new int[] {base, u % 2 == 0 ? lock : smi};
                long[] ns = extraNs == 0 ? new long[] {bodyNs} : new long[] {bodyNs, extraNs};
                r.record(bodyNs + extraNs, c, 100_000_000 + c * 1_000_000, ids, ns, ids.length);
            }
            threads.add(r.result(List.of(50.0, 99.0, 99.9, 99.99), 99.9));
        }
        return new RunResult(name, "scenarios/" + name + ".yaml", 1, 5_000_000_000L, 100_000_000, threads, List.of(),
                0, 0, 0, null, List.of());
    }

    @Test
    void runCharts_writeAllFourAsPngAndSvgOfTheStatedSize(@TempDir Path dir) throws IOException {
        List<Path> files = RunCharts.write(run("demo", true, 80), dir, reason -> {
            throw new AssertionError("nothing should be skipped: " + reason);
        });
        assertEquals(RUN_FILES.stream().map(dir::resolve).toList(), files);
        for (Path f : files) {
            assertTrue(Files.size(f) > 1000, f + " is " + Files.size(f) + " bytes");
            if (f.toString().endsWith(".png")) {
                BufferedImage image = ImageIO.read(f.toFile());
                assertEquals(1000, image.getWidth(), f.toString());
                assertEquals(600, image.getHeight(), f.toString());
            } else {
                assertTrue(Files.readString(f).contains("width='1000' height='600'"), f.toString());
            }
        }
    }

    @Test
    void runCharts_sameResultTwice_giveIdenticalSvgBytes(@TempDir Path dir) throws IOException {
        RunResult r = run("demo", true, 500);
        RunCharts.write(r, dir.resolve("a"), reason -> { });
        RunCharts.write(r, dir.resolve("b"), reason -> { });
        for (String f : RUN_FILES) {
            if (f.endsWith(".svg")) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
            }
        }
    }

    @Test
    void runCharts_attributionOff_skipsThatChartWithAReason(@TempDir Path dir) throws IOException {
        List<String> reasons = new ArrayList<>();
        List<Path> files = RunCharts.write(run("plain", false, 80), dir, reasons::add);
        assertEquals(6, files.size());
        assertEquals(1, reasons.size());
        assertTrue(reasons.get(0).startsWith("attribution: skipped"), reasons.get(0));
        assertTrue(Files.notExists(dir.resolve("attribution.png")));
    }

    /** Two cyclictest workloads on one CPU both have a thread T0 on cpu 0: their series need distinct names. */
    @Test
    void runCharts_twoThreadsOfTheSameName_areToldApart(@TempDir Path dir) throws IOException {
        RunResult one = run("same", true, 80);
        ThreadResult t0 = one.threads().get(0);
        RunResult twice = new RunResult("same", "x.yaml", 1, 5_000_000_000L, 100_000_000, List.of(t0, t0), List.of(),
                0, 0, 0, null, List.of());
        assertEquals(RUN_FILES.stream().map(dir::resolve).toList(), RunCharts.write(twice, dir, reason -> { }));
        assertEquals(List.of("T0 (cpu 0)", "T0 (cpu 0) #2"), Curves.threadNames(twice.threads()));
    }

    @Test
    void runCharts_noSamples_writeNothing(@TempDir Path dir) throws IOException {
        RunResult empty = new RunResult("empty", "x.yaml", 1, 1, 0, List.of(), List.of(), 0, 0, 0, null, List.of());
        List<String> reasons = new ArrayList<>();
        assertEquals(List.of(), RunCharts.write(empty, dir, reasons::add));
        assertEquals(1, reasons.size());
    }

    @Test
    void compareCharts_twoRuns_writeCcdfAndHistogramDeterministically(@TempDir Path dir) throws IOException {
        List<String> names = List.of("rt", "full");
        List<RunResult> runs = List.of(run("rt", true, 20), run("full", true, 900));
        List<Path> files = CompareCharts.write(names, runs, dir.resolve("a"));
        CompareCharts.write(names, runs, dir.resolve("b"));
        assertEquals(List.of("compare-ccdf.png", "compare-ccdf.svg", "compare-histogram.png", "compare-histogram.svg"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(1000, ImageIO.read(files.get(0).toFile()).getWidth());
        assertArrayEquals(Files.readAllBytes(files.get(1)), Files.readAllBytes(dir.resolve("b/compare-ccdf.svg")));
        assertThrows(IllegalArgumentException.class, () -> CompareCharts.write(List.of("one"), runs, dir));
    }

    @Test
    void compareCharts_runWithoutSamples_stillDraws(@TempDir Path dir) throws IOException {
        RunResult empty = new RunResult("empty", "x.yaml", 1, 1, 0, List.of(), List.of(), 0, 0, 0, null, List.of());
        assertEquals(4, CompareCharts.write(List.of("empty"), List.of(empty), dir).size());
    }

    @Test
    void sweepChart_writesPngAndSvgBeside(@TempDir Path dir) throws IOException {
        double[] x = {1, 2, 4, 8};
        List<Path> files = SweepChart.write("capacity", "guests (count)", "p99.99", x, new double[] {10, 12, 20, 60},
                new double[] {9, 11, 18, 52}, new double[] {11, 13, 22, 68}, 50.0, dir.resolve("sweep.png"));
        assertEquals(List.of(dir.resolve("sweep.png"), dir.resolve("sweep.svg")), files);
        BufferedImage image = ImageIO.read(files.get(0).toFile());
        assertEquals(600, image.getHeight());
        assertTrue(Files.readString(files.get(1)).contains("SLO p99.99 &lt; 50 µs"));
        assertThrows(IllegalArgumentException.class, () -> SweepChart.write("t", "x", "s", x, new double[3],
                new double[4], new double[4], null, dir.resolve("bad.png")));
    }
}
