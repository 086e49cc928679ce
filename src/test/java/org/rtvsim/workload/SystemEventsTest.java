package org.rtvsim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.ModelBuilder;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.measure.WindowMax;
import org.rtvsim.scenario.ScenarioException;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * Each system operation alone, on an idle 2-CPU PREEMPT_RT machine with cyclictest at 1 kHz on both CPUs:
 * its spike at its time, of the size its parameters imply, charged to its label; and bad input.
 */
class SystemEventsTest {
    private static final long MS = 1_000_000L;
    /** The normal wake-up path's worst case on this idle machine (timer entry, expiry, switch, return, read). */
    private static final long PATH_NS = 15_000;

    private static ScenarioSpec spec(String events) {
        String yaml = """
                name: events
                seed: 3
                duration: 2s
                warmup: 10ms
                hardware: {cpus: 2}
                host:
                  kernel: {preempt: rt, housekeeping: off}
                  workload:
                    - cyclictest: {threads: 2, cpus: "0-1", priority: 99, interval: 1ms}
                %s
                """.formatted(events.isEmpty() ? "" : "events:\n" + events);
        return ScenarioLoader.loadString(yaml, "events.yaml", List.of());
    }

    private static RunResult run(String events) {
        return SingleRun.run(spec(events), 0);
    }

    /** An intended wake-up time of every thread near 1 s (cyclictest's start phase is its own stream). */
    private static long alignedNear1s() {
        WindowMax w = run("").threads().get(0).latencyOverTime().get(0);
        return w.atNs() + (1_000 * MS - w.atNs()) / MS * MS;
    }

    private static String largest(Attribution a) {
        return a.components().stream().max(Comparator.comparingLong(Attribution.Component::ns))
                .orElseThrow().label();
    }

    private static boolean has(Attribution a, String label) {
        return a.components().stream().anyMatch(c -> c.label().equals(label));
    }

    @Test
    void stopMachine_delaysTheWakeUpDueAtItsStartByItsDuration_onEveryCpu() {
        long t = alignedNear1s();
        RunResult r = run("  - cpu_hotplug: {at: " + t + "ns, cpu: 1, stop_machine: {fixed: 500us}}");
        for (ThreadResult th : r.threads()) {
            assertTrue(th.maxNs() >= 500_000 && th.maxNs() <= 500_000 + PATH_NS, th.thread() + " max " + th.maxNs());
            assertEquals("cpu_hotplug (stop_machine)", largest(th.maxSample()));
            WindowMax spike = th.latencyOverTime().stream().max(Comparator.comparingLong(WindowMax::maxNs))
                    .orElseThrow();
            assertEquals(t, spike.atNs(), "the spike is the sample due at the event's time");
            assertEquals("cpu_hotplug (stop_machine)", spike.label());
        }
    }

    @Test
    void moduleLoadWithStopMachine_isLabelledAsSuch() {
        long t = alignedNear1s();
        RunResult r = run("  - module_load: {at: " + t + "ns, stop_machine: 300us}");
        ThreadResult th = r.threads().get(1);
        assertTrue(th.maxNs() >= 300_000 && th.maxNs() <= 300_000 + PATH_NS, "max " + th.maxNs());
        assertEquals("module_load (stop_machine)", largest(th.maxSample()));
    }

    @Test
    void clocksourceChange_makesEverySampleAfterItLongerByTheReadCostDifference() {
        RunResult tsc = run("");
        RunResult hpet = run("  - clocksource_change: {at: 1s, to: hpet}");
        for (int i = 0; i < 2; i++) {
            ThreadResult a = tsc.threads().get(i);
            ThreadResult b = hpet.threads().get(i);
            assertEquals(a.samples(), b.samples());
            assertEquals(a.latencyOverTime().size(), b.latencyOverTime().size());
            int after = 0;
            for (int w = 0; w < a.latencyOverTime().size(); w++) {
                WindowMax wa = a.latencyOverTime().get(w);
                WindowMax wb = b.latencyOverTime().get(w);
                if (wa.startNs() + wa.widthNs() <= 1_000 * MS) {
                    assertEquals(wa.maxNs(), wb.maxNs(), "window at " + wa.startNs() + " before the change");
                } else if (wa.startNs() >= 1_000 * MS) {
                    assertEquals(975, wb.maxNs() - wa.maxNs(), "window at " + wa.startNs() + " after the change");
                    after++;
                }
            }
            assertTrue(after > 40, "windows after the change: " + after);
            long diff = b.sumNs() - a.sumNs();
            assertEquals(0, diff % 975, "each sample differs by 0 or 975 ns; sum differs by " + diff);
            long changed = diff / 975;
            // samples due from 1 s to the run's end at 2.01 s (warmup 10 ms + duration 2 s), one per ms
            assertTrue(changed >= 1009 && changed <= 1011, changed + " samples after 1 s");
        }
    }

    @Test
    void tlbShootdown_handlerTimeAppearsInTheAttribution() {
        RunResult r = run("  - tlb_shootdown: {rate: 2khz, cpus: \"0-1\", handler: {fixed: 40us}}");
        for (ThreadResult th : r.threads()) {
            assertTrue(th.maxNs() >= 30_000 && th.maxNs() <= 2 * 40_000 + 2 * PATH_NS, "max " + th.maxNs());
            assertEquals("tlb_shootdown (IPI)", largest(th.maxSample()));
        }
    }

    @Test
    void tlbShootdown_behindAStopMachine_waitsForIt() {
        long t = alignedNear1s();
        RunResult r = run("  - cpu_hotplug: {at: " + t + "ns, stop_machine: 500us}\n"
                + "  - tlb_shootdown: {at: " + (t + 100_000) + "ns, cpus: \"0\", handler: 50us}");
        ThreadResult th = r.threads().get(0);
        assertTrue(th.maxNs() >= 550_000 && th.maxNs() <= 550_000 + PATH_NS, "max " + th.maxNs());
        assertTrue(has(th.maxSample(), "tlb_shootdown (IPI)"));
        assertEquals("cpu_hotplug (stop_machine)", largest(th.maxSample()));
        ThreadResult other = r.threads().get(1);
        assertTrue(other.maxNs() <= 500_000 + PATH_NS, "cpu1 got no IPI: max " + other.maxNs());
    }

    @Test
    void frequencyChange_stallsOnlyTheListedCpus() {
        long t = alignedNear1s();
        RunResult r = run("  - cpu_frequency_change: {at: " + t + "ns, cpus: \"1\", stall: 200us}");
        ThreadResult cpu0 = r.threads().get(0);
        ThreadResult cpu1 = r.threads().get(1);
        assertTrue(cpu1.maxNs() >= 200_000 && cpu1.maxNs() <= 200_000 + PATH_NS, "max " + cpu1.maxNs());
        assertEquals("cpu_frequency_change (P-state stall)", largest(cpu1.maxSample()));
        assertTrue(cpu0.maxNs() < 50_000, "cpu0 max " + cpu0.maxNs());
    }

    @Test
    void frequencyChange_defaultStallIsIntelPstates20us() {
        long t = alignedNear1s();
        ThreadResult th = run("  - cpu_frequency_change: {at: " + t + "ns}").threads().get(0);
        assertTrue(th.maxNs() >= 20_000 && th.maxNs() <= 20_000 + PATH_NS, "max " + th.maxNs());
        assertEquals("cpu_frequency_change (P-state stall)", largest(th.maxSample()));
    }

    @Test
    void moduleUnloadIpis_appearInTheTailAttribution() {
        RunResult r = run("  - module_unload: {rate: 5khz, ipis: 3}");
        assertTrue(r.threads().stream().anyMatch(th -> th.tail() != null && th.tail().components().stream()
                .anyMatch(c -> c.label().equals("module_unload (text_poke IPI)"))));
    }

    @Test
    void repeatedEventWithCount_stopsAfterCount() {
        RunResult once = run("  - cpu_frequency_change: {at: 500ms, interval: 100ms, count: 1, stall: 900us}");
        RunResult many = run("  - cpu_frequency_change: {at: 500ms, interval: 100ms, count: 10, stall: 900us}");
        long spikesOnce = once.threads().get(0).latencyOverTime().stream().filter(w -> w.maxNs() > 100_000).count();
        long spikesMany = many.threads().get(0).latencyOverTime().stream().filter(w -> w.maxNs() > 100_000).count();
        assertEquals(1, spikesOnce);
        assertEquals(10, spikesMany);
    }

    // ------------------------------------------------------------------ bad input

    private static ScenarioException bad(String events) {
        return assertThrows(ScenarioException.class, () -> spec(events));
    }

    private static void assertContains(ScenarioException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
        }
    }

    @Test
    void eventAfterTheRunsEnd_isRejectedWithItsLine() {
        ScenarioException e = bad("  - clocksource_change: {at: 3s, to: hpet}");
        assertContains(e, "events.yaml:", "events[0].clocksource_change.at", "after the run's end");
        assertTrue(e.line() > 0);
    }

    @Test
    void missingTime_unknownKey_cpuOutOfRange_areRejected() {
        assertContains(bad("  - tlb_shootdown: {cpus: \"0\"}"), "events[0].tlb_shootdown", "'at'", "'rate'");
        assertContains(bad("  - tlb_shootdown: {at: 1s, handlr: 1us}"), "events[0].tlb_shootdown.handlr",
                "unknown key 'handlr'", "handler");
        assertContains(bad("  - cpu_hotplug: {at: 1s, cpu: 2, stop_machine: 1ms}"), "events[0].cpu_hotplug.cpu",
                "0..1");
        assertContains(bad("  - cpu_frequency_change: {at: 1s, cpus: \"0-3\"}"),
                "events[0].cpu_frequency_change.cpus", "CPU 3 does not exist");
        assertContains(bad("  - cpu_hotplug: {at: 1s}"), "stop_machine", "no measured value");
        assertContains(bad("  - clocksource_change: {at: 1s, to: pit}"), "events[0].clocksource_change.to", "hpet");
        assertContains(bad("  - clocksource_change: {rate: 1hz, to: hpet}"), "happens once");
        assertContains(bad("  - tlb_shootdown: {at: 1s, count: 3}"), "'count'");
        assertContains(bad("  - module_load: {at: 1s, ipis: 2, stop_machine: 1ms}"), "either");
    }

    @Test
    void unknownKind_listsTheValidOnes() {
        assertContains(bad("  - cpu_hotplugs: {at: 1s}"), "events[0].cpu_hotplugs", "unknown event kind",
                "cpu_hotplug", "tlb_shootdown", "clocksource_change");
    }

    @Test
    void kindsNotSimulatedYet_loadButAreRejectedWhenBuilt() {
        // page faults come from cyclictest's mlock: false (PageFaultTest); as an event kind they are not simulated
        for (String kind : List.of("page_faults")) {
            ScenarioSpec s = spec("  - " + kind + ": {at: 1s}");
            ScenarioException e = assertThrows(ScenarioException.class, () -> ModelBuilder.build(s, 0));
            assertContains(e, "events[0]." + kind, "'" + kind + "'", "does not simulate it yet");
        }
    }
}
