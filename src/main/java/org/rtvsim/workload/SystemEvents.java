package org.rtvsim.workload;

import java.util.Map;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Phase;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;
import org.rtvsim.hw.ClockRead;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.scenario.Clocksource;
import org.rtvsim.scenario.SystemEventSpec;

/**
 * One {@code events:} entry: a system operation once at {@code at}, or repeated — Poisson at {@code rate}
 * or strictly periodic every {@code interval} (first at {@code at} when given, else one gap after the
 * start), at most {@code count} times when given. Each entry draws from its own streams named by its path ({@code events[i].KIND.times},
 * {@code .duration}, {@code .read_cost}) and charges its own attribution label.
 *
 * <ul>
 *   <li>{@code cpu_hotplug}: stop_machine — every CPU runs the stopper with interrupts off for the drawn
 *       time, all starting at the same instant ({@link Kernel#stopMachine}); label
 *       {@code cpu_hotplug (stop_machine)}. The CPU going offline, its tasks and timers moving, are left out.
 *   <li>{@code module_load} / {@code module_unload}: stop_machine as above, or {@code ipis} text-poke sync
 *       IPIs to every CPU, each a hardirq of interrupt entry + {@code costs.ipi}; label
 *       {@code module_load (stop_machine)} / {@code module_load (text_poke IPI)}.
 *   <li>{@code tlb_shootdown}: a call-function IPI to each target CPU, handled in hardirq (entry + the drawn
 *       {@code handler}); an IPI behind an interrupts-off section waits for it; label {@code tlb_shootdown (IPI)}.
 *   <li>{@code clocksource_change}: from then on every clock read on the latency path costs the new
 *       clocksource's read ({@code read_cost}, default TSC 25 ns, HPET 1 µs, acpi_pm 2 µs); label
 *       {@code clock read (NEW)}.
 *   <li>{@code cpu_frequency_change}: a P-state transition stall on each listed CPU, an interrupts-off
 *       stretch of the drawn {@code stall}; label {@code cpu_frequency_change (P-state stall)}. Later work
 *       is not scaled by the new frequency.
 * </ul>
 */
public final class SystemEvents {
    private final SystemEventSpec spec;
    private final Kernel kernel;
    private final ClockRead clock;
    private final Map<Clocksource, Long> clockReadNs;
    private final Simulation sim;
    private final Sampler gapNs;
    private final Sampler durationNs;
    private final int blame;
    private final int[] cpus;
    private final Occurrence occurrence;
    private final double nominalFreqHz;
    private long occurred;

    /**
     * @param clockReadNs the default read cost per clocksource, used by {@code clocksource_change} without
     *                    {@code read_cost}
     */
    public SystemEvents(Kernel kernel, ClockRead clock, SystemEventSpec spec, Map<Clocksource, Long> clockReadNs,
                        double nominalFreqHz) {
        this.nominalFreqHz = nominalFreqHz;
        this.spec = spec;
        this.kernel = kernel;
        this.clock = clock;
        this.clockReadNs = clockReadNs;
        this.sim = kernel.sim();
        var streams = sim.streams();
        DistSpec gap = spec.intervalNs() > 0 ? new DistSpec.Fixed(spec.intervalNs())
                : spec.rateHz() > 0 ? new DistSpec.Exponential(1e9 / spec.rateHz()) : null;
        this.gapNs = gap == null ? null : Samplers.of(gap, streams.stream(spec.path() + ".times"));
        this.durationNs = spec.duration() == null ? null
                : Samplers.of(spec.duration(), streams.stream(spec.path() + ".duration"));
        this.blame = kernel.blames().id(label(spec));
        CpuSet set = spec.cpus() != null ? spec.cpus() : CpuSet.range(0, kernel.cpuCount());
        this.cpus = set.toArray();
        this.occurrence = new Occurrence();
    }

    /** The attribution label of the event's latency. */
    static String label(SystemEventSpec spec) {
        return switch (spec.kind()) {
            case "cpu_hotplug" -> "cpu_hotplug (stop_machine)";
            case "module_load", "module_unload" ->
                    spec.kind() + (spec.duration() != null ? " (stop_machine)" : " (text_poke IPI)");
            case "tlb_shootdown" -> "tlb_shootdown (IPI)";
            case "clocksource_change" -> "clock read (" + spec.to().key() + ")";
            case "cpu_frequency_change" -> "cpu_frequency_change (P-state stall)";
            case "slow_device" -> "slow_device access (CPU stalled on PIO/MMIO)";
            case "task_migration" -> "task_migration (migration/N stopper)";
            default -> throw new IllegalArgumentException("event kind " + spec.kind() + " is not simulated");
        };
    }

    /**
     * A SCHED_OTHER task is moved onto CPU {@code cpu} (typically an isolated one): the migration/N stopper
     * runs there with interrupts off for {@code stop}, then the task runs its user code there for
     * {@code for}, competing with what the CPU runs (it keeps the tick on under nohz_full, takes the CPU
     * whenever real-time tasks sleep), then leaves.
     */
    private void migrate() {
        int cpu = spec.cpu();
        kernel.irqsOff(cpu, durationNs.sampleNs(), blame);
        long until = sim.now() + spec.forNs();
        int userBlame = kernel.blames().id("migrated task (task_migration) user code");
        long chunk = 1_000_000;
        org.rtvsim.kernel.Task t = kernel.createTask("migrated/" + occurred + "@" + cpu,
                org.rtvsim.scenario.SchedPolicy.OTHER, 0, cpu, task -> {
                    long left = until - task.now();
                    if (left <= 0) {
                        task.block(); // it has moved on: nothing wakes it here again
                    } else {
                        task.run(Math.min(chunk, left), org.rtvsim.scenario.SegmentKind.USER, userBlame);
                    }
                });
        kernel.wakeRemote(t);
    }

    /** Schedules the first occurrence (call at time 0). */
    public void start() {
        long first = spec.atNs() != null ? spec.atNs() : sim.now() + Math.max(1, gapNs.sampleNs());
        occurrence.scheduleAt(Math.max(sim.now(), first));
    }

    /** KVM on this host (null on bare metal): a host clocksource change reaches every vCPU. */
    private org.rtvsim.virt.Kvm kvm;

    /** Makes a host clocksource change away from the TSC request a master-clock update from every vCPU. */
    public void setKvm(org.rtvsim.virt.Kvm kvm) {
        this.kvm = kvm;
    }

    private void occur() {
        switch (spec.kind()) {
            case "cpu_hotplug" -> kernel.stopMachine(durationNs.sampleNs(), blame);
            case "module_load", "module_unload" -> {
                if (durationNs != null) {
                    kernel.stopMachine(durationNs.sampleNs(), blame);
                } else {
                    for (int n = 0; n < spec.ipis(); n++) {
                        for (int c : cpus) {
                            kernel.callFunctionIpi(c, null, blame);
                        }
                    }
                }
            }
            case "tlb_shootdown" -> {
                for (int c : cpus) {
                    kernel.callFunctionIpi(c, durationNs, blame);
                }
            }
            case "clocksource_change" -> {
                DistSpec cost = spec.readCost() != null ? spec.readCost()
                        : new DistSpec.Fixed(clockReadNs.get(spec.to()));
                clock.switchTo(spec.to().key(), Samplers.of(cost, sim.streams().stream(spec.path() + ".read_cost")),
                        blame);
                if (kvm != null && spec.to() != Clocksource.TSC) {
                    kvm.masterclockUpdate(); // the host clock is no longer TSC-based: every vCPU is kicked
                }
            }
            case "cpu_frequency_change", "slow_device" -> {
                for (int c : cpus) {
                    if (spec.freqHz() > 0) { // work after the transition runs at the new frequency
                        kernel.cpu(c).setSpeed(spec.freqHz() / nominalFreqHz);
                    }
                    // the stall is time, not work: scale it so it lasts its drawn length at any speed
                    kernel.irqsOff(c, Math.round(durationNs.sampleNs() * kernel.cpu(c).speed()), blame);
                }
            }
            case "task_migration" -> migrate();
            default -> throw new IllegalStateException(spec.kind());
        }
        occurred++;
        if (gapNs != null && (spec.count() == 0 || occurred < spec.count())) {
            occurrence.scheduleAt(sim.now() + Math.max(1, gapNs.sampleNs()));
        }
    }

    /** The operation happens. */
    private final class Occurrence extends SimEvent {
        Occurrence() {
            super(SystemEvents.this.sim, Phase.INTERRUPT);
        }

        @Override
        protected void fire() {
            occur();
        }
    }
}
