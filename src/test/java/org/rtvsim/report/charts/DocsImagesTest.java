package org.rtvsim.report.charts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * Regenerates the images of {@code docs/charts.md} in {@code docs/img/} from two short runs; only with
 * {@code -Drtvsim.regenerateDocs=true}, so ordinary test runs never rewrite tracked files:
 * {@code mvn -B -o test -Dtest=DocsImagesTest -Drtvsim.regenerateDocs=true}. Every chart of both runs
 * (PNG and SVG) also lands in {@code target/docs-preview/} for inspection.
 */
class DocsImagesTest {
    private static final Path IMG = Path.of("docs/img");
    private static final Path PREVIEW = Path.of("target/docs-preview");

    @Test
    @EnabledIfSystemProperty(named = "rtvsim.regenerateDocs", matches = "true")
    void regenerate_docsImages() throws IOException {
        RunResult rt = run("scenarios/baremetal-rt-hackbench.yaml");
        RunResult full = run("scenarios/baremetal-full-hackbench.yaml");
        RunCharts.write(rt, PREVIEW.resolve("rt"), System.out::println);
        RunCharts.write(full, PREVIEW.resolve("full"), System.out::println);
        CompareCharts.write(List.of("PREEMPT_RT", "PREEMPT (full)"), List.of(rt, full), PREVIEW.resolve("compare"));
        double[] vms = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] p9999 = {18.2, 19.5, 21.9, 25.8, 31.0, 38.4, 47.9, 61.5};
        double[] low = new double[vms.length];
        double[] high = new double[vms.length];
        for (int i = 0; i < vms.length; i++) {
            double half = 0.6 + 0.08 * p9999[i] * Math.sqrt(i + 1) / 2;
            low[i] = p9999[i] - half;
            high[i] = p9999[i] + half;
        }
        SweepChart.write("Capacity: p99.99 latency as RT guests are added (synthetic data)", "RT guests on the host (count)",
                "p99.99", vms, p9999, low, high, 50.0, PREVIEW.resolve("sweep.png"));
        Files.createDirectories(IMG);
        copy(PREVIEW.resolve("rt/histogram.png"), "histogram.png");
        copy(PREVIEW.resolve("rt/ccdf.png"), "ccdf.png");
        copy(PREVIEW.resolve("full/latency-over-time.png"), "latency-over-time.png");
        copy(PREVIEW.resolve("rt/attribution.png"), "attribution.png");
        copy(PREVIEW.resolve("compare/compare-ccdf.png"), "compare-ccdf.png");
        copy(PREVIEW.resolve("sweep.png"), "sweep.png");
        assertTrue(Files.size(IMG.resolve("sweep.png")) > 0);
    }

    private static RunResult run(String scenario) {
        return SingleRun.run(ScenarioLoader.load(Path.of(scenario), List.of("duration=2s")), 0);
    }

    private static void copy(Path from, String name) throws IOException {
        Files.copy(from, IMG.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
