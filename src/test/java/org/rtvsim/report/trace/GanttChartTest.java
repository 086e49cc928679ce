package org.rtvsim.report.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.measure.Trace;

/** The Gantt PNG is written at 1200 × (100 + 40 · rows) pixels. */
class GanttChartTest {
    @TempDir
    Path dir;

    @Test
    void tinyTrace_writesPngOfThreeTaskAndTwoCpuRows() throws IOException {
        Trace t = TinyTrace.build();
        Path png = dir.resolve("gantt.png");
        GanttChart.write(t, png);
        if (System.getProperty("rtvsim.keepPng") != null) {
            java.nio.file.Files.copy(png, Path.of(System.getProperty("rtvsim.keepPng")),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(100 + 40 * 5, img.getHeight());
    }

    /** A task asleep and a CPU idle through the whole window are left out unless all rows are asked for. */
    @Test
    void emptyRows_areDropped_unlessAllRows() throws IOException {
        org.rtvsim.measure.TraceRecorder r = new org.rtvsim.measure.TraceRecorder(1_000, 2_000);
        r.occupy(0, 0, org.rtvsim.measure.TraceSink.Slice.TASK, "user", "busy");
        r.taskState(0, 0, "busy", org.rtvsim.measure.TraceSink.TaskState.RUNNING, null);
        r.occupy(0, 1, org.rtvsim.measure.TraceSink.Slice.IDLE, "idle", null);
        r.taskState(0, 1, "asleep", org.rtvsim.measure.TraceSink.TaskState.SLEEPING, null);
        Trace t = r.trace();
        assertEquals(java.util.List.of("busy", "cpu0"), GanttChart.rows(t, false));
        assertEquals(java.util.List.of("asleep", "busy", "cpu0", "cpu1"), GanttChart.rows(t, true));
        Path svg = dir.resolve("t.svg");
        GanttChart.writeSvg(t, svg, false);
        String doc = java.nio.file.Files.readString(svg);
        assertEquals(true, doc.contains("height='" + (GanttChart.BASE_PX + 2 * GanttChart.ROW_PX) + "'"), doc.substring(0, 300));
        GanttChart.writeSvg(t, dir.resolve("u.svg"), false);
        assertEquals(doc, java.nio.file.Files.readString(dir.resolve("u.svg")).replace("rtvsim-u-", "rtvsim-t-"),
                "the same trace gives the same SVG");
    }
}
