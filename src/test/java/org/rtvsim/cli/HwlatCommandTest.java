package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HwlatCommandTest {
    @TempDir
    Path dir;

    /** SMIs of 50 us every 300 ms: in 3 s the 500 ms widths see those at 0.3, 1.2, 2.1 and 2.4 s. */
    private Path fixedSmis() {
        return Cli.write(dir, "smi.yaml", Cli.TINY.replace("hardware: {cpus: 4}",
                "hardware: {cpus: 4, smi: {interval: {fixed: 300ms}, duration: {fixed: 50us}}}"));
    }

    @Test
    void hwlat_fixedSmis_printsHwlatdetectsReport() {
        Cli r = Cli.run("hwlat", fixedSmis().toString(), "--duration", "3s");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of(
                "hwlatdetect:  test duration 3 seconds",
                "   detector: tracer",
                "   parameters:",
                "        Latency threshold: 10us",
                "        Sample window:     1000000us",
                "        Sample width:      500000us",
                "     Non-sampling period:  500000us",
                "        Output File:       None",
                "",
                "Starting test",
                "test finished",
                "Max Latency: 50us",
                "Samples recorded: 3",
                "Samples exceeding threshold: 3",
                "10 SMIs occured on cpu 0",
                "10 SMIs occured on cpu 1",
                "10 SMIs occured on cpu 2",
                "10 SMIs occured on cpu 3",
                "SMIs during run: 10", // 0.3 s ... 3.0 s: the end instant's SMI has fired
                "ts: 0.500000000, inner:0, outer:50",
                "ts: 1.500000000, inner:0, outer:50",
                "ts: 2.500000000, inner:0, outer:50"), lines);
    }

    @Test
    void hwlat_options_changeTheParametersAndWhatIsSeen() {
        // A 900 ms width also sees the SMIs at 0.6, 1.5, 1.8 and 2.7 s; 60 us threshold: nothing above.
        Cli r = Cli.run("hwlat", fixedSmis().toString(), "--duration", "3s", "--width", "900ms");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("        Sample width:      900000us\n"), r.out());
        assertTrue(r.out().contains("     Non-sampling period:  100000us\n"), r.out());
        assertTrue(r.out().contains("Samples recorded: 3\n"), r.out());
        Cli high = Cli.run("hwlat", fixedSmis().toString(), "--duration", "3s", "--threshold", "60us");
        assertEquals(0, high.code(), high.err());
        assertTrue(high.out().contains("Latency threshold: 60us\n"), high.out());
        assertTrue(high.out().contains("Max Latency: Below threshold\nSamples recorded: 0\n"), high.out());
    }

    @Test
    void hwlat_noSmis_isBelowThreshold() {
        Cli r = Cli.run("hwlat", Cli.write(dir, "tiny.yaml", Cli.TINY).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("hwlatdetect:  test duration 0 seconds\n"), r.out());
        assertTrue(r.out().endsWith("Max Latency: Below threshold\nSamples recorded: 0\n"
                + "Samples exceeding threshold: 0\nSMIs during run: 0\n"), r.out());
    }

    @Test
    void hwlat_badInput_exits2() {
        Path f = fixedSmis();
        for (String[] args : List.of(new String[] {"--width", "1s"}, new String[] {"--width", "2s"},
                new String[] {"--threshold", "0us"}, new String[] {"--window", "-1s"},
                new String[] {"--set", "hardware.cpus=0"})) {
            Cli r = Cli.runOn("hwlat", f, args);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("rtvsim: error: "), r.err());
            assertEquals("", r.out());
        }
    }
}
