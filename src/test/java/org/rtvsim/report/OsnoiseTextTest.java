package org.rtvsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.OsnoiseRecorder.CpuNoise;

class OsnoiseTextTest {

    /** The documentation's rtla osnoise top example, rebuilt from its own numbers, is printed byte for byte. */
    @Test
    void top_realRtlaExample_isReproduced() throws IOException {
        String expected = TimerlatTextTest.fixture("osnoise-top.txt");
        List<CpuNoise> cpus = new ArrayList<>();
        for (String line : expected.split("\n")) {
            if (!line.matches("\\s*\\d+ #.*")) {
                continue;
            }
            String[] f = line.replace("#", " ").trim().split("\\s+");
            cpus.add(new CpuNoise(Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]) * 1000,
                    Long.parseLong(f[3]) * 1000, Long.parseLong(f[5]) * 1000, Long.parseLong(f[6]) * 1000,
                    Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]), Long.parseLong(f[10]),
                    Long.parseLong(f[11])));
        }
        StringBuilder out = new StringBuilder();
        OsnoiseText.top(60_000_000_000L, cpus, out);
        assertEquals(TimerlatTextTest.stripped(expected), TimerlatTextTest.stripped(out.toString()));
        assertEquals("                                          Operating System Noise"
                + " ".repeat(39 + 35) + "\n", out.substring(0, out.indexOf("\n") + 1));
    }
}
