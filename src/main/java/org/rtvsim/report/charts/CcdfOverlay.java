package org.rtvsim.report.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.XYSeries;

/**
 * Writes an overlay of named CCDF curves given as points (latency µs, P(latency ≥ x)), log–log, in the style
 * of {@link CompareCharts}: for measured-vs-simulated charts ({@code rtvsim calibrate}, {@code compare --measured}),
 * whose curves come from the calibrate layer as plain arrays. The first curve is drawn thick in black (the
 * measurement).
 */
public final class CcdfOverlay {
    private CcdfOverlay() {
    }

    /** One curve: {@code xUs[i]} with exceedance {@code p[i]} (decreasing), named in the legend. */
    public record Curve(String name, double[] xUs, double[] p) {
    }

    /** Writes {@code dir/name.png} and {@code .svg}; returns both. */
    public static List<Path> write(String title, String subtitle, List<Curve> curves, Path dir, String name)
            throws IOException {
        ChartFiles.headless();
        List<XYSeries> series = new ArrayList<>();
        double floor = 1;
        for (Curve c : curves) {
            XYSeries s = new XYSeries(c.name(), false, true);
            for (int i = 0; i < c.xUs().length; i++) {
                if (c.p()[i] > 0) {
                    s.add(Math.max(c.xUs()[i], 0.01), c.p()[i]);
                    floor = Math.min(floor, c.p()[i]);
                }
            }
            series.add(s);
        }
        return ChartFiles.write(CcdfChart.create(title, subtitle, series, 0, floor, true), dir, name);
    }
}
