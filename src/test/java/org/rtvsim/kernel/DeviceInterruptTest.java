package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * Device interrupts under each model: inline hardirq + softirq on irq exit (non-RT), or a stub that
 * wakes a SCHED_FIFO-50 IRQ thread running handler and softirq preemptibly (PREEMPT_RT). Costs are
 * fixed and the tick is off, so response times are exact.
 */
class DeviceInterruptTest {

    /**
     * A device interrupt at 1000 us (interrupt entry 1 us, handler 50 us, softirq 100 us, RT stub 2 us)
     * and a periodic task of priority {@code prio} released at 1020 us with 10 us of work. The release
     * is itself a timer interrupt (entry 1 us). Polling idle, tick off, no other costs.
     */
    private static TaskResult run(String preempt, int prio) {
        String yaml = """
                name: dev
                duration: 1900us
                warmup: 0ns
                hardware: {cpus: 1, cstates: {max_cstate: C0}}
                host:
                  kernel:
                    preempt: %s
                    nohz_full: "0"
                    costs: {irq_entry: {fixed: 1us}, timer_expiry: {fixed: 0ns}, context_switch: {fixed: 0ns},
                            return_to_user: {fixed: 0ns}, ipi: {fixed: 0ns}, irq_thread_stub: {fixed: 2us},
                            wakeup: {fixed: 0ns}, tick: {fixed: 0ns}}
                  workload:
                    - periodic:
                        tasks: [{name: t, period: 10ms, offset: 1020us, wcet: {fixed: 10us}, priority: %d, cpu: 0}]
                    - device_irq: {name: dev, interval: 1ms, cpus: "0", handler: {fixed: 50us},
                                   softirq: {fixed: 100us}}
                """.formatted(preempt, prio);
        RunResult r = SingleRun.run(ScenarioLoader.loadString(yaml, "dev.yaml", List.of()), 0);
        return r.tasks().get(0);
    }

    @Test
    void full_handlerAndSoftirqRunBeforeAnyTask() {
        // entry 1000-1001, handler 1001-1051 (irqs off: the release at 1020 waits); irq exit starts the
        // softirq, over which the pending timer interrupt is taken at once (1051-1052) and wakes the task;
        // softirq 1052-1152 (preemption off); task 1152-1162: response 142 us
        TaskResult t = run("full", 99);
        assertEquals(1, t.jobs());
        assertEquals(142_000, t.maxNs());
    }

    @Test
    void rt_highPriorityTaskPreemptsTheIrqThread() {
        // entry 1000-1001, stub 1001-1003, IRQ thread (FIFO 50) runs the handler from 1003; the release
        // interrupt 1020-1021 wakes the FIFO-99 task, which preempts the thread: 1021-1031, response 11 us
        TaskResult t = run("rt", 99);
        assertEquals(11_000, t.maxNs());
    }

    @Test
    void rt_taskBelowTheIrqThreadWaitsForHandlerAndSoftirq() {
        // priority 40 < 50: the thread's handler 1003-1054 (the release interrupt took 1 us of it) and
        // softirq 1054-1154 run first; task 1154-1164: response 144 us
        TaskResult t = run("rt", 40);
        assertEquals(144_000, t.maxNs());
    }
}
