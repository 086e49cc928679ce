package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.measured.MeasuredHistogram;
import org.rtvsim.measured.MeasuredReader;
import org.rtvsim.probe.Measurement;
import org.rtvsim.probe.MeasurementFile;

/**
 * {@code rtvsim measure} with a fake cyclictest (a shell script named by RTVSIM_CYCLICTEST that records its argv
 * and prints a {@code -h} histogram block) and a fake /proc + /sys tree (RTVSIM_PROBE_ROOT).
 */
class MeasureCommandTest {
    static final String HISTOGRAM = """
            # /dev/cpu_dma_latency set to 0us
            # Histogram
            000000 000000
            000001 000003
            000002 000004
            # Total: 000000007
            # Min Latencies: 00001
            # Avg Latencies: 00002
            # Max Latencies: 00009
            # Histogram Overflows: 00001
            # Histogram Overflow at cycle number:
            # Thread 0: 00005
            """;

    @TempDir
    Path dir;
    Path argsFile;
    Map<String, String> env = new HashMap<>();

    @BeforeEach
    void fakes() throws IOException {
        argsFile = dir.resolve("args.txt");
        Path hist = Files.writeString(dir.resolve("hist.txt"), HISTOGRAM);
        Path ct = script("cyclictest", """
                #!/bin/sh
                if [ "$1" = "--help" ]; then echo "cyclictest V 2.40"; echo "Usage:"; exit 0; fi
                for a in "$@"; do printf '%s\\n' "$a"; done > '""" + argsFile + """
                '
                cat '""" + hist + "'\n");
        env.put("RTVSIM_CYCLICTEST", ct.toString());
        env.put("PATH", System.getenv("PATH"));
        env.put("RTVSIM_PROBE_ROOT", fakeRoot().toString());
    }

    private Path script(String name, String text) throws IOException {
        Path p = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private Path fakeRoot() throws IOException {
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("proc/sys/kernel"));
        Files.writeString(root.resolve("proc/sys/kernel/osrelease"), "6.1.0-rt\n");
        Files.writeString(root.resolve("proc/sys/kernel/version"), "#1 SMP PREEMPT_RT Debian\n");
        Files.writeString(root.resolve("proc/cmdline"), "quiet isolcpus=1 threadirqs\n");
        Files.writeString(root.resolve("proc/stat"), "cpu  1 0 1 100 0 0 0 5 0 0\ncpu0 1 0 1 100 0 0 0 5 0 0\n");
        return root;
    }

    private Cli measure(String... args) {
        return Cli.run(env, null, args);
    }

    private List<String> recordedArgs() throws IOException {
        return Files.readAllLines(argsFile);
    }

    @Test
    void userOptions_passUnchanged_withQuietAndHistogramAdded() throws IOException {
        Path out = dir.resolve("m");
        Cli r = measure("measure", "--out", out.toString(), "--", "-m", "-p", "95", "-i", "1000", "-t", "1", "-D",
                "1s");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("-m", "-p", "95", "-i", "1000", "-t", "1", "-D", "1s", "-q", "-h", "1000"),
                recordedArgs());
        assertTrue(r.out().contains("Measured 8 samples"), r.out());
    }

    @Test
    void userHistogramAndQuiet_areKept_nothingAdded() throws IOException {
        for (List<String> opts : List.of(List.of("-q", "-H", "400", "-l", "10"),
                List.of("--quiet", "--histogram=60", "--loops", "5"), List.of("-mq", "-h60", "-D", "2m"))) {
            Path out = dir.resolve("m" + opts.hashCode());
            String[] args = new String[opts.size() + 4];
            args[0] = "measure";
            args[1] = "--out";
            args[2] = out.toString();
            args[3] = "--";
            for (int i = 0; i < opts.size(); i++) {
                args[4 + i] = opts.get(i);
            }
            Cli r = measure(args);
            assertEquals(0, r.code(), r.err());
            assertEquals(opts, recordedArgs());
        }
    }

    @Test
    void histogram_isCaptured_andReadableThroughMeasurementJson() throws IOException {
        Path out = dir.resolve("m");
        assertEquals(0, measure("measure", "--out", out.toString(), "--", "-p", "95", "-D", "1s").code());
        assertEquals(HISTOGRAM, Files.readString(out.resolve("histogram.txt")));
        assertFalse(Files.exists(out.resolve("cyclictest.stderr")));
        MeasuredHistogram h = MeasuredReader.read(out.resolve("measurement.json"));
        assertEquals(8, h.samples());
        assertEquals(1, h.overflows());
        Measurement m = MeasurementFile.read(out.resolve("measurement.json"));
        assertEquals("-p 95 -D 1s", m.cyclictestOptions());
        assertEquals(List.of("-p", "95", "-D", "1s"), m.cyclictestArgs());
        assertEquals("2.40", m.cyclictestVersion());
        assertNull(m.loadCommand());
        assertFalse(m.interrupted());
        assertEquals(out.resolve("histogram.txt").toAbsolutePath(), m.histogram());
        JsonNode j = m.json();
        assertEquals("rtvsim-measurement/v1", j.path("format").asText());
        assertEquals(9, j.at("/histogram/per_thread/0/max_us").asInt());
        assertEquals(8, j.at("/histogram/samples").asInt());
        assertEquals("6.1.0-rt", j.at("/machine/kernel_release/value").asText());
        assertEquals("rt", j.at("/machine/preempt/value").asText());
        assertEquals("1", j.at("/machine/cmdline/keys/isolcpus").asText());
        assertTrue(j.at("/machine/cmdline/keys/threadirqs").asBoolean());
        assertTrue(j.at("/machine/hz/value").isNull());
        assertEquals("unknown", j.at("/machine/hz/source").asText());
        assertTrue(j.at("/start").asText().endsWith("Z"));
        // the calibrate CLI takes it too
        Cli t = Cli.run("tail", "--measured", out.resolve("measurement.json").toString());
        assertTrue(t.code() == 0 || t.code() == 2, t.err());
        assertFalse(t.err().contains("internal error"), t.err());
    }

    @Test
    void existingMeasurement_isNotOverwritten_withoutForce() throws IOException {
        Path out = dir.resolve("m");
        assertEquals(0, measure("measure", "--out", out.toString(), "--", "-D", "1s").code());
        byte[] before = Files.readAllBytes(out.resolve("measurement.json"));
        Files.delete(argsFile);
        Cli r = measure("measure", "--out", out.toString(), "--", "-D", "2s");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("already exists") && r.err().contains("--force"), r.err());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("measurement.json")));
        assertFalse(Files.exists(argsFile), "cyclictest must not run");
        Cli f = measure("measure", "--out", out.toString(), "--force", "--", "-D", "2s");
        assertEquals(0, f.code(), f.err());
        assertEquals(List.of("-D", "2s", "-q", "-h", "1000"), recordedArgs());
    }

    @Test
    void missingBinary_isBadInput_withTheInstallHint() {
        env.remove("RTVSIM_CYCLICTEST");
        env.put("PATH", dir.resolve("nowhere").toString());
        Cli r = measure("measure", "--out", dir.resolve("m").toString(), "--", "-D", "1s");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("sudo apt-get install rt-tests") && r.err().contains("realtime-tests"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void aRunThatNeverEnds_isBadInput() {
        Cli r = measure("measure", "--out", dir.resolve("m").toString(), "--", "-m", "-p", "95");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("-D") && r.err().contains("-l"), r.err());
        assertFalse(Files.exists(dir.resolve("m/measurement.json")));
    }

    @Test
    void load_isStartedAndItsProcessTreeKilled() throws IOException {
        Path pids = dir.resolve("pids.txt");
        Path load = script("load.sh", "#!/bin/sh\nsleep 60 &\necho $$ $! > '" + pids + "'\nwait\n");
        Path out = dir.resolve("m");
        long t0 = System.nanoTime();
        Cli r = measure("measure", "--out", out.toString(), "--load", load.toString(), "--", "-D", "1s");
        assertEquals(0, r.code(), r.err());
        assertTrue(System.nanoTime() - t0 < 20_000_000_000L);
        String[] p = Files.readString(pids).trim().split(" ");
        for (String pid : p) {
            assertFalse(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false),
                    "process " + pid + " still runs");
        }
        Measurement m = MeasurementFile.read(out.resolve("measurement.json"));
        assertEquals(load.toString(), m.loadCommand());
        assertTrue(m.json().at("/load/running_at_end").asBoolean());
        assertTrue(m.json().at("/load/warning").isNull());
    }

    @Test
    void loadThatCannotStart_isBadInput() {
        Cli r = measure("measure", "--out", dir.resolve("m").toString(), "--load", dir.resolve("nope").toString(),
                "--", "-D", "1s");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--load"), r.err());
        assertFalse(Files.exists(argsFile), "cyclictest must not run");
    }
}
