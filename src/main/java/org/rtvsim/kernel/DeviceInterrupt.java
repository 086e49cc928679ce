package org.rtvsim.kernel;

import org.rtvsim.engine.Sampler;
import org.rtvsim.scenario.SchedPolicy;
import org.rtvsim.scenario.SegmentKind;

/**
 * A device interrupt line on one CPU and its handling under the kernel's preemption model.
 *
 * <p>Not {@code rt}: hardirq = entry + handler (irqs off); its softirq work is queued and runs on
 * irq exit with preemption off. {@code rt}: hardirq = entry + the primary stub that wakes the IRQ
 * thread ({@code irq/NAME}, SCHED_FIFO at the thread priority, 50 by default); the handler and the
 * softirq then run in that thread, preemptible by higher-priority tasks.
 *
 * @see <a href="https://wiki.linuxfoundation.org/realtime/documentation/technical_details/threadirq">LF RT wiki: threaded IRQs</a>
 */
public final class DeviceInterrupt extends IrqActivity {
    private final Cpu cpu;
    private final Sampler handlerNs;
    private final Sampler softirqNs;
    private final int blameHardirq;
    private final int blameSoftirq;
    private final int blameThread;
    private final boolean threaded;
    private final IrqLine line;
    private Task thread;
    private int threadPending;
    private int phase;

    DeviceInterrupt(Kernel k, String name, Cpu cpu, Sampler handlerNs, Sampler softirqNs, int threadPriority) {
        this.cpu = cpu;
        this.handlerNs = handlerNs;
        this.softirqNs = softirqNs;
        this.threaded = k.rules().threadedIrqs();
        this.blameHardirq = k.blames().id("irq " + name + " (hardirq)");
        this.blameSoftirq = k.blames().id("softirq " + name);
        this.blameThread = k.blames().id("irq thread " + name);
        this.line = new IrqLine(name, this);
        if (threaded) {
            thread = k.createTask("irq/" + name + "/" + cpu.id, SchedPolicy.FIFO, threadPriority, cpu.id,
                    this::threadStep);
            thread.markKthread();
        }
    }

    /** The device raises its interrupt now. */
    public void raise() {
        cpu.raise(line);
    }

    @Override
    boolean start(Cpu c, Segment seg) {
        phase = 0;
        seg.setIrq(cpu.costs.irqEntry().sampleNs(), true, blameHardirq);
        return true;
    }

    @Override
    boolean next(Cpu c, Segment seg) {
        if (phase == 0) {
            phase = 1;
            long ns = threaded ? cpu.costs.irqThreadStub().sampleNs() : handlerNs.sampleNs();
            seg.setIrq(ns, true, blameHardirq);
            return true;
        }
        if (threaded) {
            threadPending++;
            cpu.sched.wake(thread);
        } else if (softirqNs != null) {
            cpu.raiseSoftirq(softirqNs.sampleNs(), blameSoftirq);
        }
        return false;
    }

    private int threadPhase;

    /** The IRQ thread: handler, then the softirq work the handler raised, per pending interrupt. */
    private void threadStep(Task t) {
        if (threadPhase == 1 && softirqNs != null) {
            threadPhase = 0;
            t.run(softirqNs.sampleNs(), SegmentKind.KERNEL, blameSoftirq);
            return;
        }
        threadPhase = 0;
        if (threadPending > 0) {
            threadPending--;
            threadPhase = 1;
            t.run(handlerNs.sampleNs(), SegmentKind.KERNEL, blameThread);
            return;
        }
        t.block();
    }
}
