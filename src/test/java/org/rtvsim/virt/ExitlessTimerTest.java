package org.rtvsim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtvsim.virt.VirtMechanismsTest.CLOCK;
import static org.rtvsim.virt.VirtMechanismsTest.CYCLICTEST;
import static org.rtvsim.virt.VirtMechanismsTest.scenario;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * The exitless timer ({@code kvm.pi_inject_timer}) in isolation, with the fixed costs of
 * {@link VirtMechanismsTest} (host irq entry 1 us, KVM exit 0.5, entry 0.4, guest timer expiry handling
 * 0.3 us) and a posted-interrupt delivery of 0.6 us. The vCPU runs on the host's nohz_full CPU 1, so the
 * host hrtimer serving its timer runs on housekeeping CPU 0: it expires there (1 + 0.3 us after its
 * arming point), busy-waits to the deadline when early, and posts the interrupt to the running guest,
 * which sees only the delivery (and, when it halted in guest mode, its CPU's C1 exit). Without {@code cpu_pm} (HLT exits) or with {@code pi_inject_timer: false}
 * the usual exit-and-inject paths apply.
 */
class ExitlessTimerTest {
    static final String POSTED = "posted_interrupt: {fixed: 600ns}";

    static ThreadResult run(String advance, String kvm, String vm, String... sets) {
        String yaml = scenario("timer_advance: " + advance, kvm + ", " + POSTED, vm, CYCLICTEST, "");
        RunResult r = SingleRun.run(ScenarioLoader.loadString(yaml, "exitless.yaml", List.of(sets)), 0);
        return r.threads().get(0);
    }

    static long labelNs(Attribution a, String prefix) {
        return a.components().stream().filter(c -> c.label().startsWith(prefix)).mapToLong(Attribution.Component::ns)
                .sum();
    }

    @Test
    void posted_noAdvance_hostExpiryOnHousekeepingCpuThenDelivery() {
        ThreadResult t = run("0ns", "hv_timer: true", "idle: poll\n    cpu_pm: true");
        assertEquals(1_000 + 300 + 600 + CLOCK, t.minNs());
        assertEquals(t.minNs(), t.maxNs());
        assertEquals(600, labelNs(t.maxSample(), "kvm: posted timer interrupt"), "" + t.maxSample());
        assertEquals(1_300, labelNs(t.maxSample(), "kvm: exitless timer expiry"), "the idle guest CPU's wait for the "
                + "housekeeping CPU, not idle: " + t.maxSample());
        assertEquals(0, labelNs(t.maxSample(), "kvm: VM"), "no exit and no entry: " + t.maxSample());
    }

    @Test
    void runNotes_sayWhereExitlessTimersExpire() {
        String yaml = scenario("timer_advance: 0ns", "hv_timer: true, " + POSTED, "idle: poll\n    cpu_pm: true",
                CYCLICTEST, "");
        RunResult r = SingleRun.run(ScenarioLoader.loadString(yaml, "exitless.yaml", List.of()), 0);
        assertEquals(List.of("exitless timer: the guest timers of g (1 vCPU) expire on host CPU 0 and are posted"
                + " without VM exits"), r.notes());
        yaml = scenario("timer_advance: 0ns", "hv_timer: true, " + POSTED, "idle: poll", CYCLICTEST, "");
        assertEquals(List.of(), SingleRun.run(ScenarioLoader.loadString(yaml, "x.yaml", List.of()), 0).notes());
    }

    @Test
    void posted_advanceBeyondTheHostPath_leavesOnlyTheDelivery() {
        // the 2 us advance hides the 1.3 us expiry; wait_lapic_expire busy-waits on CPU 0 up to the deadline
        assertEquals(600 + CLOCK, run("2us", "hv_timer: true", "idle: poll\n    cpu_pm: true").minNs());
        assertEquals(1_000 + 300 - 500 + 600 + CLOCK, run("500ns", "hv_timer: true", "idle: poll\n    cpu_pm: true")
                .minNs(), "an advance shorter than the host path hides its own length");
    }

    @Test
    void posted_adaptiveAdvance_convergesOnTheHousekeepingCpusPath() {
        long adaptive = run("adaptive", "hv_timer: true", "idle: poll\n    cpu_pm: true").minNs();
        assertTrue(adaptive >= 600 + CLOCK && adaptive < 600 + CLOCK + 45, "converged: " + adaptive);
    }

    @Test
    void cpuPm_haltingGuestStaysInGuestMode() {
        // with HLT not exiting, an idle=halt guest halts in guest mode: no HLT exit, no host wake-up, but its
        // host CPU sleeps in C1 (the default table's 2 us exit), paid when the posted interrupt arrives
        // (the guest kernel keeps its costs at zero but not `overheads: none`, which would also drop C-states;
        // exit_fraction 1: every exit takes the table's worst case)
        ThreadResult halt = run("0ns", "hv_timer: true", "idle: halt\n    halt_poll: 0ns\n    cpu_pm: true",
                "hardware.cstates.exit_fraction=1", "vms[g].kernel.overheads=default", "vms[g].kernel.housekeeping=off", "vms[g].kernel.hz=100",
                "vms[g].kernel.costs={irq_entry: {fixed: 0ns}, timer_expiry: {fixed: 0ns}, context_switch: {fixed: 0ns},"
                        + " return_to_user: {fixed: 0ns}, ipi: {fixed: 0ns}, irq_thread_stub: {fixed: 0ns},"
                        + " wakeup: {fixed: 0ns}, tick: {fixed: 0ns}}");
        // (with a guest tick, the handler re-arms the guest timer for it: one TSC-deadline MSR exit 0.5 + 0.2 + 0.4)
        assertEquals(1_000 + 300 + 2_000 + 600 + 1_100 + CLOCK, halt.minNs());
        assertEquals(2_000, labelNs(halt.maxSample(), "C-state exit (C1)"), "" + halt.maxSample());
        assertEquals(0, labelNs(halt.maxSample(), "kvm: VM exit (HLT)"));
    }

    @Test
    void withoutCpuPm_orSwitchedOff_theExitPathsApply() {
        // HLT/MWAIT exit (no cpu_pm): not posted, the preemption timer path 0.5 + 0.3 + 0.4
        assertEquals(1_200 + CLOCK, run("0ns", "hv_timer: true, pi_inject_timer: \"true\"", "idle: poll").minNs());
        // cpu_pm but pi_inject_timer off: the host hrtimer on the vCPU's CPU (cpu_pm rules out the preemption
        // timer): external-interrupt exit 0.5 + irq entry 1 + 0.3 + entry 0.4
        assertEquals(2_200 + CLOCK, run("0ns", "hv_timer: true, pi_inject_timer: \"false\"",
                "idle: poll\n    cpu_pm: true").minNs());
        // auto on a host without nohz_full: off
        assertEquals(2_200 + CLOCK, run("0ns", "hv_timer: true", "idle: poll\n    cpu_pm: true",
                "host.kernel.nohz_full=\"\"").minNs());
    }
}
