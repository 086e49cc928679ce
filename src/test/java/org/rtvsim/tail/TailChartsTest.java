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

    @Test
    void returnLevelChart_labelsPEveryThirdDecade_andShadesTheProfileBand() {
        TailCharts.ProbabilityFormat fmt = new TailCharts.ProbabilityFormat();
        assertEquals("1e-3", fmt.format(1e3));
        assertEquals("1e-12", fmt.format(1e12));
        assertEquals("1", fmt.format(1.0));
        assertEquals(3, TailCharts.decadeStep(0.01)); // 1e-2 .. 1e-12: ten decades
        assertEquals(1, TailCharts.decadeStep(1e-5)); // seven decades
        TailData d = TailData.ofValues(TailFitTest.gpd(25, 20_000, 0.1, 1000, 5000));
        TailFit f = TailFit.fit(d);
        org.jfree.chart.plot.XYPlot plot = TailCharts.returnLevels(f, d).getXYPlot();
        org.jfree.data.xy.IntervalXYDataset band = (org.jfree.data.xy.IntervalXYDataset) plot.getDataset(1);
        assertTrue(band.getItemCount(0) > 10);
        for (int i = 0; i < band.getItemCount(0); i++) {
            double lo = band.getStartYValue(0, i);
            double hi = band.getEndYValue(0, i);
            assertTrue(lo > 0 && lo <= band.getYValue(0, i) && band.getYValue(0, i) <= hi, "point " + i);
        }
        assertTrue(!plot.getDomainAxis().isAutoTickUnitSelection());
    }
}
