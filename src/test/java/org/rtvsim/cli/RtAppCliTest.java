package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtvsim run workload.json}: an rt-app description is detected by its content, not its name. */
class RtAppCliTest {
    private static final String DIR = "src/test/resources/org/rtvsim/scenario/rtapp/";

    @Test
    void rtAppJson_runsAsAScenario() {
        Cli r = Cli.run("run", DIR + "inversion.json", "--duration", "300ms", "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("high") && r.out().contains("low"), r.out());
    }

    @Test
    void rtAppJson_unsupportedEvent_isExitTwoNamingIt() {
        Cli r = Cli.run("run", DIR + "unsupported.json", "--no-progress");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unsupported.json:"), r.err());
    }

    private static final String TWO_TASKS = """
            name: logs
            duration: 100ms
            warmup: 0ns
            hardware: {cpus: 1}
            host:
              kernel: {preempt: rt, overheads: none, housekeeping: off, rt_throttling: off}
              workload:
                - periodic:
                    tasks:
                      - {name: hi, period: 10ms, wcet: {fixed: 2ms}, priority: 90, repeat: 3}
                      - {name: lo, period: 20ms, wcet: {fixed: 9ms}, priority: 10, repeat: 2}
            """;

    /**
     * Golden rt-app logs, derived by hand (µs; no overheads): hi runs 0-2, 10-12, 20-22. lo's first job starts at
     * 2000, is preempted 10000-12000 and completes at 13000 (run 11000 wall, slack 20000 - 13000); its second
     * release at 20000 waits for hi, so it starts at 22000 (wu_lat 2000, which ends the first row) and completes
     * at 31000 (slack 9000). A task's last row ends at its next due release (hi: 30000, lo: 40000).
     */
    @Test
    void rtappLogs_writeOneRowPerJobInRtAppsColumns(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, TWO_TASKS);
        Cli r = Cli.run("run", scenario.toString(), "--rtapp-logs", dir.resolve("logs").toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        String header = "#idx     perf      run   period           start             end          rel_st      slack "
                + "c_duration   c_period     wu_lat\n";
        assertEquals(header
                + "   0        0     2000    10000               0           10000               0       8000       2000      10000          0\n"
                + "   0        0     2000    10000           10000           20000           10000       8000       2000      10000          0\n"
                + "   0        0     2000    10000           20000           30000           20000       8000       2000      10000          0\n",
                Files.readString(dir.resolve("logs/rt-app-hi-0.log")));
        assertEquals(header
                + "   1        0    11000    20000            2000           22000            2000       7000       9000      20000       2000\n"
                + "   1        0     9000    18000           22000           40000           22000       9000       9000      20000          0\n",
                Files.readString(dir.resolve("logs/rt-app-lo-1.log")));
    }

    @Test
    void rtappLogs_withReplications_isExitTwo(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, TWO_TASKS);
        Cli.assertBadInput(Cli.run("run", scenario.toString(), "--rtapp-logs", dir.resolve("logs").toString(),
                "--replications", "2", "--no-progress"), "--rtapp-logs describes one run");
    }

    @Test
    void rtappLogs_withoutPeriodicTasks_isExitTwo(@TempDir Path dir) {
        Cli.assertBadInput(Cli.run("run", "scenarios/baremetal-rt-idle.yaml", "--duration", "20ms", "--rtapp-logs",
                dir.resolve("logs").toString(), "--no-progress"), "--rtapp-logs", "no periodic tasks");
    }

    @Test
    void upstreamPhasedExample_runsAndLogsEveryInstance(@TempDir Path dir) throws IOException {
        Cli r = Cli.run("run", DIR + "upstream/example3.json", "--duration", "200ms", "--rtapp-logs",
                dir.toString(), "--no-progress");
        assertEquals(0, r.code(), r.err());
        for (int i = 0; i < 12; i++) {
            assertTrue(Files.exists(dir.resolve("rt-app-thread0-" + i + "-" + i + ".log")), "instance " + i);
        }
        String log = Files.readString(dir.resolve("rt-app-thread0-0-0.log"));
        assertTrue(log.lines().skip(1).allMatch(l -> l.contains("   3000      30000 ")), log);
    }

    @Test
    void upstreamBarrierExample_runs() {
        Cli r = Cli.run("run", DIR + "upstream/example7.json", "--duration", "100ms", "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("task0") && r.out().contains("task1"), r.out());
    }

    @Test
    void unsupportedEvent_isExitTwoNamingIt() {
        Cli.assertBadInput(Cli.run("run", DIR + "unsupported.json", "--no-progress"), "unsupported.json:5:",
                "tasks.waker.mem", "not supported yet");
    }
}
