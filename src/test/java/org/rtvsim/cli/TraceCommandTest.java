package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rtvsim trace}: a window given by --from/--to is written in the asked format; bad windows,
 * formats and combinations are one-line errors with exit code 2 that write nothing.
 */
class TraceCommandTest {
    @TempDir
    Path dir;

    private Cli trace(String yaml, String... extra) {
        Path f = Cli.write(dir, "tiny.yaml", yaml);
        String[] args = new String[extra.length + 2];
        args[0] = "trace";
        args[1] = f.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return Cli.run(args);
    }

    private void assertBadInput(Cli r, String... parts) {
        assertEquals(2, r.code(), () -> "exit code; stderr: " + r.err());
        assertTrue(r.err().startsWith("rtvsim: error: "), r.err());
        assertEquals(1, r.err().lines().count(), () -> "one line expected: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), () -> "'" + p + "' not in: " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("t.json")));
    }

    @Test
    void trace_fromTo_writesTextWithTheWindowHeader() throws IOException {
        Path out = dir.resolve("t.txt");
        Cli r = trace(Cli.TINY, "--from", "10ms", "--to", "11ms", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out).startsWith("# tracer: rtvsim\n# window: 10ms to 11ms"));
        assertTrue(r.out().contains("trace: 0.010000000 s to 0.011000000 s"), r.out());
    }

    @Test
    void trace_fromNotBeforeTo_isBadInput() {
        assertBadInput(trace(Cli.TINY, "--from", "5ms", "--to", "3ms", "--out", dir.resolve("t.json").toString()),
                "--from 5ms must be before --to 3ms");
        assertBadInput(trace(Cli.TINY, "--from", "5ms", "--to", "5ms", "--out", dir.resolve("t.json").toString()),
                "--from 5ms must be before --to 5ms");
    }

    @Test
    void trace_onlyFrom_isBadInput() {
        assertBadInput(trace(Cli.TINY, "--from", "5ms", "--out", dir.resolve("t.json").toString()),
                "give both --from and --to");
    }

    @Test
    void trace_fromToAndAround_isBadInput() {
        assertBadInput(trace(Cli.TINY, "--from", "1ms", "--to", "2ms", "--around", "max", "--out",
                dir.resolve("t.json").toString()), "either --from/--to or --around");
    }

    @Test
    void trace_unknownFormat_namesTheFormats() {
        assertBadInput(trace(Cli.TINY, "--format", "svg", "--out", dir.resolve("t.json").toString()),
                "--format: expected perfetto, text or png; got 'svg'");
    }

    @Test
    void trace_noFormatAndUnknownExtension_asksForFormat() {
        assertBadInput(trace(Cli.TINY, "--out", dir.resolve("t.dat").toString()), "give --format perfetto");
    }

    @Test
    void trace_zeroOrNegativeWindow_isBadInput() {
        assertBadInput(trace(Cli.TINY, "--window", "0ms", "--out", dir.resolve("t.json").toString()),
                "--window", "positive duration");
        assertBadInput(trace(Cli.TINY, "--from", "-1ms", "--to", "2ms", "--out", dir.resolve("t.json").toString()),
                "--from", "time >= 0");
    }

    @Test
    void trace_unknownAround_namesTheChoices() {
        assertBadInput(trace(Cli.TINY, "--around", "min", "--out", dir.resolve("t.json").toString()),
                "--around: expected max or start; got 'min'");
    }

    @Test
    void trace_outIsADirectory_isBadInput() {
        assertBadInput(trace(Cli.TINY, "--format", "text", "--out", dir.toString()), "is a directory");
    }

    @Test
    void trace_aroundMaxWithoutSamplesOrJobs_saysWhatToGive_firstSampleAfterTheEnd() {
        String noMeasurement = """
                name: quiet
                duration: 1ms
                warmup: 1ms
                hardware: {cpus: 2}
                host:
                  workload:
                    - cyclictest: {threads: 1, interval: 10ms}
                """;
        assertBadInput(trace(noMeasurement, "--around", "max", "--out", dir.resolve("t.json").toString()),
                "--around max", "give --from and --to");
    }
}
