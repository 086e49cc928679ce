package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code kernel.housekeeping:}: defaults, {@code off} at both levels, values, and errors with file:line:key. */
class HousekeepingBinderTest {

    private static HousekeepingSpec bind(String housekeeping) {
        String yaml = "name: hk\nhost:\n  workload: [{cyclictest: {threads: 1}}]\n  kernel:\n    preempt: rt\n"
                + housekeeping;
        return ScenarioLoader.loadString(yaml, "hk.yaml", List.of()).host().kernel().housekeeping();
    }

    @Test
    void absent_everySourceOnWithItsDefault() {
        HousekeepingSpec h = bind("");
        assertEquals(Defaults.HK_RCU_RATE_HZ, h.rcuCallbacks().rateHz());
        assertEquals(Defaults.HK_RCU_DURATION, h.rcuCallbacks().duration());
        assertEquals(Defaults.HK_VMSTAT_INTERVAL_NS, h.vmstat().intervalNs());
        assertEquals(Defaults.HK_KWORKER_RATE_HZ, h.kworker().rateHz());
        assertEquals(Defaults.HK_TIMER_SOFTIRQ_RATE_HZ, h.timerSoftirq().rateHz());
        assertEquals(1, h.effectiveRcuKthreadPrio(PreemptModel.RT));
        assertEquals(0, h.effectiveRcuKthreadPrio(PreemptModel.FULL));
    }

    @Test
    void off_wholeOrPerSource() {
        assertNull(bind("    housekeeping: off\n"));
        HousekeepingSpec h = bind("    housekeeping: {vmstat: off, rcu_callbacks: {rate: 10hz, duration: {fixed: 2us}},"
                + " kworker: {unbound_rate: 1hz}, rcu_kthread_prio: 10}\n");
        assertNull(h.vmstat());
        assertEquals(10, h.rcuCallbacks().rateHz());
        assertEquals(1, h.kworker().unboundRateHz());
        assertEquals(Defaults.HK_KWORKER_RATE_HZ, h.kworker().rateHz());
        assertEquals(10, h.effectiveRcuKthreadPrio(PreemptModel.RT));
    }

    @Test
    void badInput_namesFileLineAndKey() {
        ScenarioException unknown = assertThrows(ScenarioException.class,
                () -> bind("    housekeeping:\n      rcu_calbacks: {rate: 10hz}\n"));
        assertTrue(unknown.getMessage().startsWith("hk.yaml:7:"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("host.kernel.housekeeping.rcu_calbacks: unknown key"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("rcu_callbacks"), unknown.getMessage());
        ScenarioException on = assertThrows(ScenarioException.class, () -> bind("    housekeeping: on\n"));
        assertTrue(on.getMessage().contains("host.kernel.housekeeping: expected a mapping of its parameters or \"off\""),
                on.getMessage());
        ScenarioException rate = assertThrows(ScenarioException.class,
                () -> bind("    housekeeping: {kworker: {rate: 5}}\n"));
        assertTrue(rate.getMessage().contains("host.kernel.housekeeping.kworker.rate"), rate.getMessage());
    }
}
