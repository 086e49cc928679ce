package org.rtvsim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtvsim.virt.VirtMechanismsTest.CLOCK;
import static org.rtvsim.virt.VirtMechanismsTest.CYCLICTEST;
import static org.rtvsim.virt.VirtMechanismsTest.run;
import static org.rtvsim.virt.VirtMechanismsTest.scenario;

import org.junit.jupiter.api.Test;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.VmSpec;

/**
 * KVM's adaptive halt polling ([K] kvm_main.c kvm_vcpu_halt) and the guest's cpuidle-haltpoll governor: the
 * windows' grow/shrink sequences by hand, then, with {@link VirtMechanismsTest}'s fixed costs, the wake-up paths:
 * halted (host hrtimer irq entry 1 + injection 0.3 + context switch 2 + entry 0.4 = 3.7 us), a wake-up inside the
 * host poll (no context switch: 1.7 us), a wake-up inside the guest's poll (the preemption-timer path of a vCPU in
 * guest mode: exit 0.5 + injection 0.3 + entry 0.4 = 1.2 us).
 */
class HaltPollingTest {
    static final long HALTED = 1_000 + 300 + 2_000 + 400 + CLOCK;
    static final long HOST_POLLED = 1_000 + 300 + 400 + CLOCK;
    static final long GUEST_POLLED = 500 + 300 + 400 + CLOCK;

    @Test
    void kvmWindow_growsAndShrinksAsKvmVcpuHalt() {
        // max 200 us, grow 2, grow_start 10 us, shrink 2 (the x86 defaults)
        HaltPollWindow w = new HaltPollWindow(200_000, 2, 10_000, 2);
        long[] halts = {5_000, 30_000, 30_000, 300_000, 300_000, 300_000, 300_000, 150_000, 8_000};
        // 5 > 0, < max: grow 0 → grow_start 10; 30 > 10: 20; 30 > 20: 40; 300 > max: shrink 20, 10, then 5 < 10 → 0;
        // a window of 0 is not shrunk; 150 < max: grow 0 → 10; 8 <= 10: unchanged
        long[] expected = {10_000, 20_000, 40_000, 20_000, 10_000, 0, 0, 10_000, 10_000};
        for (int i = 0; i < halts.length; i++) {
            w.beginHalt();
            w.endHalt(halts[i]);
            assertEquals(expected[i], w.ns(), "after halt " + i + " of " + halts[i] + " ns");
        }
    }

    @Test
    void kvmWindow_growsPastTheMaxThenIsCappedAtTheNextHalt() {
        HaltPollWindow w = new HaltPollWindow(200_000, 2, 10_000, 2);
        long[] after = {10_000, 20_000, 40_000, 80_000, 160_000, 320_000};
        for (long a : after) {
            w.beginHalt();
            w.endHalt(190_000); // 190 us < max and > the window each time
            assertEquals(a, w.ns());
        }
        assertEquals(200_000, w.beginHalt(), "capped at halt_poll_ns when the halt starts");
        w.endHalt(190_000);
        assertEquals(200_000, w.ns(), "190 <= 200: unchanged");
    }

    @Test
    void kvmWindow_shrinkZeroResets_andMaxZeroNeverPolls() {
        HaltPollWindow old = new HaltPollWindow(200_000, 2, 10_000, 0); // before 2023: halt_poll_ns_shrink 0
        for (int i = 0; i < 3; i++) {
            old.beginHalt();
            old.endHalt(50_000);
        }
        assertEquals(40_000, old.ns());
        old.beginHalt();
        old.endHalt(1_000_000);
        assertEquals(0, old.ns(), "shrink 0 resets the window");
        HaltPollWindow off = new HaltPollWindow(0, 2, 10_000, 2);
        off.endHalt(5_000);
        assertEquals(0, off.beginHalt());
    }

    @Test
    void guestWindow_growsAndShrinksAsAdjustPollLimit() {
        // guest_halt_poll_ns 200 us, grow 2, shrink 2, grow_start 50 us
        GuestPollWindow w = new GuestPollWindow(new VmSpec.GuestHaltPoll(200_000, 2, 2, 50_000, true));
        long[] blocks = {100_000, 100_000, 100_000, 150_000, 300_000, 300_000, 300_000};
        // 100 > 0: max(0, 50) = 50; 100 > 50: 100; 100 <= 100: unchanged; 150: 200 (capped); 300 > 200: 100, 50,
        // then 25 < grow_start → 0
        long[] expected = {50_000, 100_000, 100_000, 200_000, 100_000, 50_000, 0};
        for (int i = 0; i < blocks.length; i++) {
            w.afterHalt(blocks[i]);
            assertEquals(expected[i], w.ns(), "after block " + i);
        }
        GuestPollWindow noShrink = new GuestPollWindow(new VmSpec.GuestHaltPoll(200_000, 2, 2, 50_000, false));
        noShrink.afterHalt(100_000);
        noShrink.afterHalt(1_000_000);
        assertEquals(50_000, noShrink.ns(), "allow_shrink off keeps the limit");
    }

    @Test
    void wakeUpInsideTheGrownWindow_costsNoHostContextSwitch() {
        // 1 ms halts, max 2 ms: the window starts at 0 and grows 10, 20, ..., 1280 us: the first halts block (the
        // wake-up pays the host switch), those after it poll through the expiry (no switch)
        ThreadResult t = run(scenario("timer_advance: 0ns", "hv_timer: true", "idle: halt\n    halt_poll: 2ms",
                CYCLICTEST, "")).threads().get(0);
        assertEquals(HOST_POLLED, t.minNs());
        assertEquals(HALTED, t.maxNs(), "the early halts, before the window covered 1 ms");
        assertEquals(HOST_POLLED, t.hdr().getValueAtPercentile(50), "most samples");
    }

    @Test
    void aHostTaskWokenDuringThePoll_endsIt_andTheVcpuPaysTheHostSchedule() {
        // a host FIFO task on the vCPU's CPU every 1 ms, 500 us after the guest's timer, 10 us each: it wakes in
        // every poll; the poll ends, the vCPU thread blocks and the next expiry wakes it through the host
        // scheduler (3.7 us) — a poll that merely paused while the task ran would give 1.7 us
        String host = "{periodic: {tasks: [{name: nb, period: 1ms, offset: 500us, wcet: {fixed: 10us}, priority: 50,"
                + " cpu: 1}]}}";
        ThreadResult t = run(scenario("timer_advance: 0ns", "hv_timer: true", "idle: halt\n    halt_poll: 2ms",
                CYCLICTEST, host)).threads().get(0);
        assertEquals(HALTED, t.hdr().getValueAtPercentile(50), "min " + t.minNs() + " max " + t.maxNs());
    }

    @Test
    void guestHaltpoll_avoidsTheHltExit_andTurnsHostPollingOff() {
        // The governor grows its limit on halt residencies only (not the poll before them), so a single periodic
        // wake-up is never polled through (the limit stays below the period). Two wake-ups per ms: cyclictest
        // (phase about 421.5 us, seed 0) and a 10 us guest job released 300 us before it (offset 120 us):
        // idle periods of about 287 us (job → cyclictest) and 697 us (cyclictest → job). Limit 0 → 50 → 100 →
        // 200 → 400 us; then the 287 us idle ends inside the poll — the cyclictest timer arrives in guest mode:
        // the preemption-timer path, no HLT exit, no host wake-up — and the 697 us one halts after 400 us of poll
        // (residency 297 <= 400: the limit stays). The early halts block at once on the host: host polling is off
        // with the driver (a 2 ms host window would otherwise poll them through).
        String job = "\n      - periodic: {tasks: [{name: job, period: 1ms, offset: 120us, wcet: {fixed: 10us},"
                + " priority: 50, cpu: 0}]}";
        ThreadResult t = run(scenario("timer_advance: 0ns", "hv_timer: true",
                "idle: halt\n    halt_poll: 2ms\n    guest_haltpoll: true\n    guest_halt_poll: {halt_poll: 2ms}",
                CYCLICTEST + job, "")).threads().get(0);
        // each sample also pays the guest re-arming its timer for the job before cyclictest runs (an MSR exit:
        // 0.5 + 0.2 + 0.4)
        long msr = 500 + 200 + 400;
        assertEquals(GUEST_POLLED + msr, t.minNs());
        assertEquals(GUEST_POLLED + msr, t.hdr().getValueAtPercentile(50));
        assertEquals(HALTED + msr, t.maxNs());
    }

    @Test
    void guestHaltpoll_aSinglePeriodicWakeUpIsNeverPolledThrough() {
        // 1 ms idles, limit max 2 ms: 0 → 50 → 100 → 200 → 400 → 800 us, then the halt after an 800 us poll lasts
        // about 200 us <= 800: the limit stays below the period and every wake-up comes from HLT (host polling off)
        ThreadResult t = run(scenario("timer_advance: 0ns", "hv_timer: true",
                "idle: halt\n    halt_poll: 2ms\n    guest_haltpoll: true\n    guest_halt_poll: {halt_poll: 2ms}",
                CYCLICTEST, "")).threads().get(0);
        assertEquals(HALTED, t.minNs());
        assertEquals(HALTED, t.maxNs());
    }

    @Test
    void guestHaltpollOff_byDefault() {
        ThreadResult t = run(scenario("timer_advance: 0ns", "hv_timer: true", "idle: halt\n    halt_poll: 0ns",
                CYCLICTEST, "")).threads().get(0);
        assertTrue(t.minNs() == HALTED && t.maxNs() == HALTED, "every wake-up from HLT: " + t.minNs());
    }
}
