package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCHED_DEADLINE input: parameter checks (__checkparam_dl) and admission control (__dl_overflow: sched_setattr's
 * EBUSY) give one line on stderr naming file, line, key and the sums, exit code 2, no stack trace.
 */
class DeadlineInputTest {
    @TempDir
    Path dir;

    private Cli run(String kernel, String tasks) {
        Path f = Cli.write(dir, "dl.yaml", """
                name: dl
                duration: 20ms
                warmup: 0ns
                hardware: {cpus: 2}
                host:
                  kernel: {preempt: rt, overheads: none%s}
                  workload:
                    - periodic:
                        tasks:
                %s
                """.formatted(kernel, tasks));
        return Cli.run("run", f.toString());
    }


    private static String dl(String name, String runtime, String period, int cpu) {
        return "          - {name: " + name + ", policy: deadline, runtime: " + runtime + ", period: " + period
                + ", wcet: {fixed: 1ms}, cpu: " + cpu + "}\n";
    }

    @Test
    void admission_refusesAboveTheRtBandwidth_namingTheTaskAndTheSums() {
        // 0.4 + 0.6 = 1.0 > 0.95 on CPU 0
        Cli.assertBadInput(run("", dl("a", "4ms", "10ms", 0) + dl("b", "6ms", "10ms", 0)), "dl.yaml:11:", "tasks[1]",
                "admission refused", "EBUSY", "task b", "0.6000", "CPU 0", "0.4000", "0.9500");
    }

    @Test
    void admission_isPerCpu_andCountsTheFairServerFrom612() {
        String tasks = dl("a", "46ms", "100ms", 0) + dl("b", "46ms", "100ms", 0) + dl("c", "9ms", "10ms", 1);
        assertEquals(0, run("", tasks).code()); // 0.92 on CPU 0, 0.9 on CPU 1
        Cli.assertBadInput(run(", version: \"6.12\"", tasks), "task b", "fair server's 0.0500 included");
        assertEquals(0, run(", rt_throttling: off, version: \"6.12\"", tasks).code()); // sched_rt_runtime_us = -1
    }

    @Test
    void parameters_areCheckedAsCheckparamDl() {
        Cli.assertBadInput(run("", dl("a", "11ms", "10ms", 0)), "tasks[0].runtime", "runtime <= deadline <= period");
        Cli.assertBadInput(run("", dl("a", "500ns", "10ms", 0)), "tasks[0].runtime", ">= 1024 ns");
        Cli.assertBadInput(run("", dl("a", "10us", "50us", 0)), "tasks[0].period", "100us..4.194304s");
        Cli.assertBadInput(run("", "          - {name: a, policy: deadline, period: 10ms, wcet: {fixed: 1ms}, cpu: 0}\n"),
                "tasks[0]", "runtime");
        Cli.assertBadInput(run("", "          - {name: a, policy: deadline, priority: 5, runtime: 1ms, period: 10ms, "
                + "wcet: {fixed: 1ms}, cpu: 0}\n"), "tasks[0].priority", "expected priority 0");
        Cli.assertBadInput(run("", "          - {name: a, policy: fifo, priority: 5, runtime: 1ms, period: 10ms, "
                + "wcet: {fixed: 1ms}, cpu: 0}\n"), "tasks[0].runtime", "policy deadline only");
    }

    @Test
    void deadlinePolicy_elsewhere_andFairServerBefore612_areRejected() {
        Path f = Cli.write(dir, "ct.yaml", """
                name: ct
                duration: 20ms
                hardware: {cpus: 1}
                host:
                  workload:
                    - cyclictest: {threads: 1, policy: deadline, priority: 0}
                """);
        Cli.assertBadInput(Cli.run("run", f.toString()), "policy", "periodic tasks only");
        Cli.assertBadInput(run(", fair_server: {runtime: 50ms, period: 1s}", dl("a", "1ms", "10ms", 0)), "kernel.fair_server",
                "from Linux 6.12 on");
        Cli.assertBadInput(run(", version: six", dl("a", "1ms", "10ms", 0)), "kernel.version", "MAJOR.MINOR");
    }
}
