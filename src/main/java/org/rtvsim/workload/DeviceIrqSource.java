package org.rtvsim.workload;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Phase;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Samplers;
import org.rtvsim.kernel.DeviceInterrupt;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.scenario.WorkloadSpec.DeviceIrqSpec;

/**
 * A device raising interrupts: Poisson arrivals at {@code rate}, or strictly periodic ones every
 * {@code interval}, delivered round-robin over its CPUs (as irqbalance-free MSI affinity spreading
 * would). Handler and softirq lengths are drawn when the interrupt is handled.
 */
public final class DeviceIrqSource {
    private final List<DeviceInterrupt> lines = new ArrayList<>();
    private final Sampler gapNs;
    private final Arrival arrival;
    private int nextCpu;
    private final org.rtvsim.engine.Simulation sim;
    private final CpuSet cpus;

    public DeviceIrqSource(Kernel kernel, DeviceIrqSpec spec) {
        var streams = kernel.sim().streams();
        this.cpus = spec.cpus() != null ? spec.cpus() : kernel.irqCpus();
        Sampler handler = Samplers.of(spec.handler(), streams.stream(spec.path() + ".handler"));
        Sampler softirq = spec.softirq() == null ? null
                : Samplers.of(spec.softirq(), streams.stream(spec.path() + ".softirq"));
        int prio = spec.threadedPriority() != null ? spec.threadedPriority() : kernel.spec().irqThreadPriority();
        for (int cpu : cpus) {
            lines.add(kernel.deviceInterrupt(spec.name(), cpu, handler, softirq, prio));
        }
        DistSpec gap = spec.intervalNs() > 0 ? new DistSpec.Fixed(spec.intervalNs())
                : new DistSpec.Exponential(1e9 / spec.rateHz());
        this.gapNs = Samplers.of(gap, streams.stream(spec.path() + ".arrivals"));
        this.arrival = new Arrival(kernel);
        this.sim = kernel.sim();
    }

    /** The CPUs its interrupts are delivered to. */
    public CpuSet cpus() {
        return cpus;
    }

    public void start(long startNs) {
        arrival.scheduleAt(startNs + Math.max(1, gapNs.sampleNs()));
    }

    private void arrive() {
        lines.get(nextCpu).raise();
        nextCpu = (nextCpu + 1) % lines.size();
        arrival.scheduleAt(sim.now() + Math.max(1, gapNs.sampleNs()));
    }

    /** The device signals an interrupt. */
    private final class Arrival extends SimEvent {
        Arrival(Kernel k) {
            super(k.sim(), Phase.INTERRUPT);
        }

        @Override
        protected void fire() {
            arrive();
        }
    }
}
