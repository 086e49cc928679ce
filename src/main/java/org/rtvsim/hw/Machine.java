package org.rtvsim.hw;

import java.util.List;

/**
 * The physical machine: its CPUs, idle states, clocksource and stall sources. Built by the model
 * builder from {@code hardware:}; the host kernel runs one {@code Cpu} on each {@link PhysicalCpu}.
 */
public final class Machine {
    private final PhysicalCpu[] cpus;
    private final CStates cstates;
    private final ClockRead clockRead;
    private final List<SmiSource> smis;

    public Machine(int ncpus, CStates cstates, ClockRead clockRead, List<SmiSource> smis) {
        this.cpus = new PhysicalCpu[ncpus];
        for (int i = 0; i < ncpus; i++) {
            cpus[i] = new PhysicalCpu(i);
        }
        this.cstates = cstates;
        this.clockRead = clockRead;
        this.smis = smis;
    }

    public int cpuCount() {
        return cpus.length;
    }

    public PhysicalCpu cpu(int i) {
        return cpus[i];
    }

    public PhysicalCpu[] cpus() {
        return cpus;
    }

    public CStates cstates() {
        return cstates;
    }

    public ClockRead clockRead() {
        return clockRead;
    }

    /** SMIs seen so far on this machine (what MSR_SMI_COUNT, MSR 0x34, would read). */
    public long smiCount() {
        long n = 0;
        for (SmiSource s : smis) {
            n += s.count();
        }
        return n;
    }

    /** Arms the stall sources; called once before the run starts. */
    public void start() {
        for (SmiSource s : smis) {
            s.start();
        }
    }
}
