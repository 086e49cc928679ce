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
}
