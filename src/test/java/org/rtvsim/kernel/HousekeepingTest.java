package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.Model;
import org.rtvsim.experiment.ModelBuilder;
import org.rtvsim.kernel.Housekeeping.Source;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * Each housekeeping source alone: its rate, and where it lands. CPUs 0-3 each run a SCHED_FIFO job that
 * never ends, so every CPU takes its tick every jiffy (none is nohz_full with one task unless said).
 * Counts of Poisson sources are checked against rate × time within 4 standard deviations (fixed seed).
 */
class HousekeepingTest {
    private static final long RUN_NS = 10_000_000_000L;

    private static Housekeeping run(String preempt, String kernelExtra, String housekeeping) {
        return build(preempt, kernelExtra, housekeeping).host().housekeepingWork;
    }

    private static Model build(String preempt, String kernelExtra, String housekeeping) {
        StringBuilder hogs = new StringBuilder();
        for (int c = 0; c < 4; c++) {
            hogs.append("          - {name: hog").append(c).append(", period: 100s, wcet: {fixed: 100s}, priority: 50, cpu: ")
                    .append(c).append("}\n");
        }
        String yaml = """
                name: hk
                duration: 10s
                warmup: 0ns
                hardware: {cpus: 4, cstates: {max_cstate: C0}}
                host:
                  kernel:
                    preempt: %s
                    rt_throttling: off
                    %s
                    housekeeping: %s
                  workload:
                    - periodic:
                        tasks:
                %s""".formatted(preempt, kernelExtra, housekeeping, hogs);
        Model m = ModelBuilder.build(ScenarioLoader.loadString(yaml, "hk.yaml", List.of()), 0);
        m.start();
        m.sim().runUntil(RUN_NS);
        return m;
    }

    private static void assertPoisson(double rateHz, long count) {
        double mean = rateHz * RUN_NS / 1e9;
        assertTrue(Math.abs(count - mean) <= 4 * Math.sqrt(mean), "count " + count + ", expected " + mean);
    }

    @Test
    void rcuCallbacks_rateOnEachCpu_noneOnOffloadedCpus_whichRunInRcuoOnHousekeepingCpus() {
        Housekeeping hk = run("full", "rcu_nocbs: \"2\"\n    nohz_full: \"3\"\n    isolcpus: \"3\"",
                "{vmstat: off, kworker: off, timer_softirq: off, rcu_callbacks: {rate: 100hz}}");
        assertEquals(0, hk.runs(Source.RCU, 2));
        assertEquals(0, hk.runs(Source.RCU, 3), "nohz_full implies rcu_nocbs");
        long hkCpus = hk.runs(Source.RCU, 0) + hk.runs(Source.RCU, 1);
        // CPUs 0 and 1 run their own batches and, in rcuop/2 and rcuop/3, those of CPUs 2 and 3
        double mean = 4 * 100.0 * RUN_NS / 1e9;
        assertTrue(Math.abs(hkCpus - mean) <= 4 * Math.sqrt(mean), "count " + hkCpus);
    }

    @Test
    void rcuCallbacks_nonRt_areSoftirqs_rt_areTheRcucKthreadAtFifo1() {
        Model full = build("full", "", "{vmstat: off, kworker: off, timer_softirq: off}");
        assertTrue(full.host().tasks().stream().noneMatch(t -> t.name().startsWith("rcuc/")));
        assertPoisson(50, full.host().housekeepingWork.runs(Source.RCU, 0));
        Model rt = build("rt", "", "{vmstat: off, kworker: off, timer_softirq: off}");
        Task rcuc = rt.host().tasks().stream().filter(t -> t.name().equals("rcuc/1")).findFirst().orElseThrow();
        assertEquals(1, rcuc.priority());
        assertTrue(rcuc.kthread());
        // the FIFO-50 job on CPU 1 keeps rcuc/1 (FIFO 1) off the CPU: nothing of it ran
        assertTrue(rcuc.waitingNow());
        Model prio = build("rt", "", "{vmstat: off, kworker: off, timer_softirq: off, rcu_kthread_prio: 60}");
        Task boosted = prio.host().tasks().stream().filter(t -> t.name().equals("rcuc/1")).findFirst().orElseThrow();
        assertTrue(boosted.longestWaitNs(RUN_NS) < 100_000, "rcuc at FIFO 60 preempts the FIFO-50 job");
    }

    @Test
    void vmstat_oncePerIntervalOnEveryCpu_butNotOnNohzFullCpus() {
        Housekeeping hk = run("full", "nohz_full: \"3\"",
                "{rcu_callbacks: off, kworker: off, timer_softirq: off, vmstat: {interval: 1s}}");
        for (int c = 0; c < 3; c++) {
            assertEquals(10, hk.runs(Source.VMSTAT, c), "cpu " + c);
        }
        assertEquals(0, hk.runs(Source.VMSTAT, 3));
    }

    @Test
    void kworkerItems_onWorkqueueCpusOnly() {
        Housekeeping hk = run("full", "isolcpus: \"2\"\n    nohz_full: \"3\"",
                "{rcu_callbacks: off, vmstat: off, timer_softirq: off, kworker: {rate: 20hz, unbound_rate: 40hz}}");
        assertEquals(0, hk.runs(Source.KWORKER, 2), "isolcpus");
        assertEquals(0, hk.runs(Source.KWORKER, 3), "nohz_full");
        assertPoisson(2 * 20 + 40, hk.runs(Source.KWORKER, 0) + hk.runs(Source.KWORKER, 1));
    }

    @Test
    void timerSoftirq_rateOnEachCpu() {
        Housekeeping hk = run("full", "", "{rcu_callbacks: off, vmstat: off, kworker: off, timer_softirq: {rate: 30hz}}");
        for (int c = 0; c < 4; c++) {
            assertPoisson(30, hk.runs(Source.TIMER_SOFTIRQ, c));
        }
    }

    @Test
    void overheadsNone_orOff_leaveNoHousekeeping() {
        Model none = build("full", "overheads: none", "{}");
        assertNull(none.host().housekeepingWork);
        assertFalse(none.host().tasks().stream().anyMatch(Task::kthread));
        Model off = build("full", "", "off");
        assertNull(off.host().housekeepingWork);
        assertFalse(off.host().tasks().stream().anyMatch(Task::kthread));
    }
}
