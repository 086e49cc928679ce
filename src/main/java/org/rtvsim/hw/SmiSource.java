package org.rtvsim.hw;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;

/**
 * System Management Interrupts: a machine-wide stall source. At each SMI every physical CPU stops
 * (firmware runs in SMM, invisible to the OS) for the SMI's duration, then all resume together.
 * {@code interval} is the time from one SMI's start to the next one's (a periodic firmware source
 * keeps its period); an SMI never starts before the previous one has ended. Interval and duration
 * are drawn when the SMI fires.
 *
 * @see <a href="https://wiki.linuxfoundation.org/realtime/documentation/howto/debugging/smi-latency">LF RT wiki: SMI latency</a>
 */
public final class SmiSource {
    private final Simulation sim;
    private final PhysicalCpu[] cpus;
    private final Sampler intervalNs;
    private final Sampler durationNs;
    private final int blame;
    private final Start start;
    private final End end;
    private long count;
    private long nextStartNs;

    public SmiSource(Simulation sim, PhysicalCpu[] cpus, Sampler intervalNs, Sampler durationNs, int blame) {
        this.sim = sim;
        this.cpus = cpus;
        this.intervalNs = intervalNs;
        this.durationNs = durationNs;
        this.blame = blame;
        this.start = new Start();
        this.end = new End();
    }

    void start() {
        start.scheduleAt(sim.now() + Math.max(1, intervalNs.sampleNs()));
    }

    /** SMIs fired so far. */
    public long count() {
        return count;
    }

    private void begin() {
        count++;
        for (PhysicalCpu c : cpus) {
            c.stall(blame);
        }
        long now = sim.now();
        nextStartNs = now + Math.max(1, intervalNs.sampleNs());
        end.scheduleAt(now + durationNs.sampleNs());
    }

    private void finish() {
        for (PhysicalCpu c : cpus) {
            c.unstall();
        }
        start.scheduleAt(Math.max(nextStartNs, sim.now() + 1));
    }

    /** An SMI is raised: all CPUs enter SMM. */
    private final class Start extends SimEvent {
        Start() {
            super(SmiSource.this.sim, Phase.STALL);
        }

        @Override
        protected void fire() {
            begin();
        }
    }

    /** RSM: all CPUs leave SMM. */
    private final class End extends SimEvent {
        End() {
            super(SmiSource.this.sim, Phase.STALL);
        }

        @Override
        protected void fire() {
            finish();
        }
    }
}
