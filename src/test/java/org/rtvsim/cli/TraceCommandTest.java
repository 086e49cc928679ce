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
        return Cli.runOn("trace", Cli.write(dir, "tiny.yaml", yaml), extra);
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
        String text = Files.readString(out);
        assertTrue(text.startsWith("cpus="), text);
        assertTrue(text.contains("# tracer: nop\n") && text.contains("# rtvsim: simulated window 10ms to 11ms"), text);
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
        assertBadInput(trace(Cli.TINY, "--format", "pdf", "--out", dir.resolve("t.json").toString()),
                "--format: expected perfetto, text, png or svg; got 'pdf'");
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

    /**
     * The Pathfinder teaching scenario: --around max names the job `run` reports as worst (bc_dist, over
     * its deadline) and its window shows the inversion: bc_dist blocks on the mutex asi_met holds, asi_met
     * runs, then a medium task (comms or imaging) takes the CPU from asi_met while bc_dist still waits.
     */
    @Test
    void trace_aroundMax_pathfinder_centresOnTheInversion() throws IOException {
        Path out = dir.resolve("pf.txt");
        Cli r = Cli.run("trace", "scenarios/priority-inversion-pathfinder.yaml", "--set", "duration=1.3s",
                "--around", "max", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("max response time 185.599ms of bc_dist (148 % of its 125ms deadline), "
                + "priority inversion from"), r.out());
        String text = Files.readString(out);
        int blocks = text.indexOf("lock_contended: comm=bc_dist");
        int holderRuns = text.indexOf("prev_comm=bc_dist prev_pid=1004 prev_prio=9 prev_state=D ==> next_comm=asi_met");
        int displaced = Math.max(text.indexOf("prev_comm=asi_met prev_pid=1007 prev_prio=89 prev_state=R+ ==> "
                + "next_comm=comms"), text.indexOf("prev_comm=asi_met prev_pid=1007 prev_prio=89 prev_state=R+ ==> "
                + "next_comm=imaging"));
        assertTrue(blocks > 0 && holderRuns > blocks && displaced > holderRuns, text);
        assertFalse(text.substring(holderRuns, displaced).contains("next_comm=bc_dist"),
                "bc_dist stays blocked until the medium task runs");
    }

    @Test
    void trace_svgOut_writesTheGanttChartAsSvg() throws IOException {
        Path out = dir.resolve("t.svg");
        Cli r = trace(Cli.TINY, "--from", "10ms", "--to", "11ms", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out).contains("<svg"), "an SVG document");
    }
}
