package org.rtvsim.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailChartsTest {

    @Test
    void meanExcess_ofExponential_isFlat_ofGpd_hasSlopeXiOverOneMinusXi() {
        TailData exp = TailData.ofValues(TailFitTest.gpd(21, 200_000, 0, 1000, 0));
        List<TailDiagnostics.MeanExcess> me = TailDiagnostics.meanExcess(exp, 40, 200, 0.95);
        assertTrue(me.size() > 10);
        for (TailDiagnostics.MeanExcess m : me) {
            assertEquals(1000, m.meanExcessNs(), Math.max(4 * (m.upperNs() - m.meanExcessNs()), 10));
        }
        TailData g = TailData.ofValues(TailFitTest.gpd(22, 200_000, 0.2, 1000, 0));
        List<TailDiagnostics.MeanExcess> mg = TailDiagnostics.meanExcess(g, 40, 2000, 0.95);
        TailDiagnostics.MeanExcess a = mg.get(0);
        TailDiagnostics.MeanExcess b = mg.get(mg.size() - 1);
        double slope = (b.meanExcessNs() - a.meanExcessNs()) / (b.thresholdNs() - a.thresholdNs());
        assertEquals(0.25, slope, 0.08);
    }

    @Test
    void empirical_isDecreasingInP() {
        TailData d = TailData.ofValues(TailFitTest.gpd(23, 10_000, 0.1, 1000, 0));
        List<TailDiagnostics.Empirical> e = TailDiagnostics.empirical(d, d.quantile(99));
        assertEquals(100, e.size());
        assertEquals(1e-4, e.get(0).p(), 1e-12);
        assertTrue(e.get(0).valueNs() > e.get(99).valueNs());
    }

    @Test
    void write_producesBothPngs(@TempDir Path dir) throws Exception {
        TailData d = TailData.ofValues(TailFitTest.gpd(24, 100_000, 0.1, 1000, 5000));
        TailFit f = TailFit.fit(d);
        List<Path> files = TailCharts.write(f, d, dir.resolve("charts"));
        assertEquals(2, files.size());
        for (Path p : files) {
            byte[] b = Files.readAllBytes(p);
            assertTrue(b.length > 1000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G', p.toString());
        }
    }
}
