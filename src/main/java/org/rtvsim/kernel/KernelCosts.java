package org.rtvsim.kernel;

import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.engine.StreamRegistry;
import org.rtvsim.scenario.KernelSpec.KernelCostsSpec;
import org.rtvsim.scenario.Overheads;

/**
 * The costs (ns) of one CPU's kernel paths, each drawn from its own random stream named
 * {@code <kernel>.costs.<name>.cpu<N>}, so that activity on one CPU never shifts the draws of another.
 * With {@code overheads: none} every cost is zero.
 */
public final class KernelCosts {
    private static final DistSpec ZERO = new DistSpec.Fixed(0);

    private final Sampler irqEntry;
    private final Sampler timerExpiry;
    private final Sampler contextSwitch;
    private final Sampler returnToUser;
    private final Sampler tick;
    private final Sampler ipi;
    private final Sampler irqThreadStub;
    private final Sampler wakeup;
    private final Sampler pageFaultMinor;
    private final Sampler pageFaultMajor;

    KernelCosts(KernelCostsSpec spec, Overheads overheads, StreamRegistry streams, String kernelPath, int cpu) {
        boolean none = overheads == Overheads.NONE;
        this.irqEntry = make(none, spec.irqEntry(), streams, kernelPath, "irq_entry", cpu);
        this.timerExpiry = make(none, spec.timerExpiry(), streams, kernelPath, "timer_expiry", cpu);
        this.contextSwitch = make(none, spec.contextSwitch(), streams, kernelPath, "context_switch", cpu);
        this.returnToUser = make(none, spec.returnToUser(), streams, kernelPath, "return_to_user", cpu);
        this.tick = make(none, spec.tick(), streams, kernelPath, "tick", cpu);
        this.ipi = make(none, spec.ipi(), streams, kernelPath, "ipi", cpu);
        this.irqThreadStub = make(none, spec.irqThreadStub(), streams, kernelPath, "irq_thread_stub", cpu);
        this.wakeup = make(none, spec.wakeup(), streams, kernelPath, "wakeup", cpu);
        this.pageFaultMinor = make(none, spec.pageFaultMinor(), streams, kernelPath, "page_fault_minor", cpu);
        this.pageFaultMajor = make(none, spec.pageFaultMajor(), streams, kernelPath, "page_fault_major", cpu);
    }

    private static Sampler make(boolean none, DistSpec d, StreamRegistry streams, String kernelPath, String name,
                                int cpu) {
        DistSpec spec = none ? ZERO : d;
        return Samplers.of(spec, streams.stream(kernelPath + ".costs." + name + ".cpu" + cpu));
    }

    public Sampler irqEntry() {
        return irqEntry;
    }

    public Sampler timerExpiry() {
        return timerExpiry;
    }

    public Sampler contextSwitch() {
        return contextSwitch;
    }

    public Sampler returnToUser() {
        return returnToUser;
    }

    public Sampler tick() {
        return tick;
    }

    public Sampler ipi() {
        return ipi;
    }

    public Sampler irqThreadStub() {
        return irqThreadStub;
    }

    public Sampler wakeup() {
        return wakeup;
    }

    public Sampler pageFaultMinor() {
        return pageFaultMinor;
    }

    public Sampler pageFaultMajor() {
        return pageFaultMajor;
    }
}
