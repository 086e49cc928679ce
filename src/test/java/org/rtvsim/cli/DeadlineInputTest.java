package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SCHED_DEADLINE input: parameter checks (__checkparam_dl), admission control (__dl_overflow: sched_setattr's
 * EBUSY, per CPU for pinned tasks and per root domain for global ones) and the mask rule of global EDF (EPERM: a
 * mask must span its root domain) give one line on stderr naming file, line, key and the sums or CPUs, exit code
 * 2, no stack trace.
 */
class DeadlineInputTest {
    @TempDir
    Path dir;

    private Cli run(String kernel, String tasks) {
        return run(2, kernel, tasks);
    }

    private Cli run(int cpus, String kernel, String tasks) {
        Path f = Cli.write(dir, "dl.yaml", """
                name: dl
                duration: 20ms
                warmup: 0ns
                hardware: {cpus: %d}
                host:
                  kernel: {preempt: rt, overheads: none%s}
                  workload:
                    - periodic:
                        tasks:
                %s
                """.formatted(cpus, kernel, tasks));
        return Cli.run("run", f.toString());
    }


    private static String dl(String name, String runtime, String period, int cpu) {
        return "          - {name: " + name + ", policy: deadline, runtime: " + runtime + ", period: " + period
                + ", wcet: {fixed: 1ms}, cpu: " + cpu + "}\n";
    }

    private static String global(String name, String runtime, String period, String cpus) {
        return "          - {name: " + name + ", policy: deadline, runtime: " + runtime + ", period: " + period
                + ", wcet: {fixed: 1ms}, cpus: \"" + cpus + "\"}\n";
    }

    @Test
    void globalAdmission_isOverTheRootDomain_cpusTimesTheLimit() {
        // 2 CPUs: 4 × 0.4 = 1.6 fits 2 × 0.95 = 1.9 (more than one CPU's 0.95); a fifth 0.4 does not
        String four = global("a", "4ms", "10ms", "0-1") + global("b", "4ms", "10ms", "0-1")
                + global("c", "4ms", "10ms", "0-1") + global("d", "4ms", "10ms", "0-1");
        assertEquals(0, run("", four).code());
        Cli.assertBadInput(run("", four + global("e", "4ms", "10ms", "0-1")), "dl.yaml:14:", "tasks[4].runtime",
                "admission refused", "EBUSY", "global deadline task e", "root domain 0-1 (2 CPUs)", "1.6000 + 0.4000",
                "limit 2 × 0.9500", "= 1.9000");
        // from 6.12 both CPUs' fair servers (0.05 each) count: 1.6 + 0.1 + 0.4 > 1.9 already at the fifth,
        // and 1.2 + 0.1 + 0.4 = 1.7 still fits at the fourth
        Cli.assertBadInput(run(", version: \"6.12\"", four + global("e", "4ms", "10ms", "0-1")), "task e",
                "fair servers' 0.1000 included");
        assertEquals(0, run(", version: \"6.12\"", four).code());
    }

    @Test
    void globalMask_mustSpanTheRootDomain_elseEperm_unlessBandwidthControlIsOff() {
        Cli.assertBadInput(run(3, "", global("g", "1ms", "10ms", "0-1")), "dl.yaml:10:", "tasks[0].cpus", "EPERM",
                "task g's mask \"0-1\" does not span its root domain 0-2", "expected cpus \"0-2\"");
        assertEquals(0, run(3, "", global("g", "1ms", "10ms", "0-2")).code());
        // dl_bandwidth_enabled() is false with sched_rt_runtime_us = -1: the kernel checks no mask
        assertEquals(0, run(3, ", rt_throttling: off", global("g", "1ms", "10ms", "0-1")).code());
        // isolcpus splits the root domains: the housekeeping CPUs 0-1 are one
        assertEquals(0, run(3, ", isolcpus: \"2\"", global("g", "1ms", "10ms", "0-1")).code());
    }

    @Test
    void pinnedDeadlineTask_makesItsCpuAPartition_outsideTheGlobalRootDomain() {
        // p pinned to CPU 0 (an exclusive cpuset): the root domain of a global task is 1-2
        assertEquals(0, run(3, "", global("g", "1ms", "10ms", "1-2") + dl("p", "1ms", "10ms", 0)).code());
        Cli.assertBadInput(run(3, "", global("g", "1ms", "10ms", "0-2") + dl("p", "1ms", "10ms", 0)), "tasks[0].cpus",
                "EPERM", "task g starts on CPU 0", "deadline task p is pinned there");
        Cli.assertBadInput(run(3, "", "          - {name: g, policy: deadline, runtime: 1ms, period: 10ms, wcet: "
                + "{fixed: 1ms}, cpus: \"0-2\", cpu: 1}\n" + dl("p", "1ms", "10ms", 0)), "tasks[0].cpus",
                "expected cpus without CPU 0", "deadline task p is pinned there", "root domain 1-2");
        Cli.assertBadInput(run(3, "", global("g", "1ms", "10ms", "1") + global("h", "1ms", "10ms", "1-2")
                + dl("p", "1ms", "10ms", 1)), "tasks[1].cpus", "task h", "CPU 1");
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
        Cli.assertBadInput(run("", "          - {name: a, policy: fifo, priority: 5, reclaim: true, period: 10ms, "
                + "wcet: {fixed: 1ms}, cpu: 0}\n"), "tasks[0].reclaim", "SCHED_FLAG_RECLAIM", "policy deadline only");
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
