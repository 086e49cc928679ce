package org.rtvsim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.Simulation;
import org.rtvsim.hw.Machine;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.measure.LatencyRecorder;
import org.rtvsim.measure.ResponseTimeRecorder;
import org.rtvsim.measure.TraceSink;

/**
 * One built model, ready to run: the simulation, the machine, the host kernel, the start actions of
 * its workloads, and the recorders they feed. Built by {@link ModelBuilder}; run by {@link SingleRun}.
 */
public final class Model {
    final Simulation sim;
    final Machine machine;
    final Kernel host;
    /** The LLC model (null when no memory-streaming neighbour is configured). */
    org.rtvsim.hw.Cache cache;
    final List<Runnable> starters = new ArrayList<>();
    /** KVM and its guests, or null on bare metal. */
    org.rtvsim.virt.Kvm kvm;
    final List<LatencyRecorder> latency = new ArrayList<>();
    final List<ResponseTimeRecorder> responses = new ArrayList<>();
    private TraceSink trace;
    /** What {@link Elision} needs to know, collected while building. */
    final Elision.Facts facts = new Elision.Facts();
    /** Whether the run's results are its latency samples only ({@code measure.scope: latency}). */
    boolean latencyScope;
    /** A coupling that reaches every CPU (cache hog, system events): nothing is left out. */
    boolean globalCoupling;
    /** The load sources left out when the model started (see {@link Elision}). */
    private List<Elision.Candidate> elided = List.of();

    Model(Simulation sim, Machine machine, Kernel host) {
        this.sim = sim;
        this.machine = machine;
        this.host = host;
    }

    public Simulation sim() {
        return sim;
    }

    public Kernel host() {
        return host;
    }

    /** KVM and its guests, or null on bare metal. */
    public org.rtvsim.virt.Kvm kvm() {
        return kvm;
    }

    public Machine machine() {
        return machine;
    }

    public List<LatencyRecorder> latencyRecorders() {
        return latency;
    }

    public List<ResponseTimeRecorder> responseRecorders() {
        return responses;
    }

    /** Sends the model's timeline events to {@code sink} (null: no tracing); call before {@link #start()}. */
    public void setTrace(TraceSink sink) {
        this.trace = sink;
        host.setTrace(sink);
        if (kvm != null) {
            for (int i = 0; i < kvm.vms().size(); i++) {
                var vm = kvm.vms().get(i);
                vm.kernel().setTrace(sink, traceCpuBase(i), vm.name());
            }
        }
    }

    /**
     * The trace number of guest {@code vmIndex}'s CPU 0 (its CPU i is this plus i; the host's are their own ids); its
     * tasks are traced as {@code "NAME: task"}.
     */
    public static int traceCpuBase(int vmIndex) {
        return 1000 * (vmIndex + 1);
    }

    /** The trace sink, or null when the run is not traced. */
    public TraceSink trace() {
        return trace;
    }

    /** Whether the load source {@code a} is left out of this run (decided in {@link #start()}). */
    boolean elided(Object a) {
        for (Elision.Candidate c : elided) {
            if (c.source() == a) {
                return true;
            }
        }
        return false;
    }

    /** The note on what this run left out, or null when it simulated everything. */
    String elisionNote() {
        return elided.isEmpty() ? null : Elision.note(elided);
    }

    /**
     * Arms every source: hardware stalls, the tick, and the workloads, in scenario order. Under
     * {@code measure.scope: latency} (and no trace), load that no measured CPU can meet is not started.
     */
    public void start() {
        if (latencyScope && (trace == null || trace.followsMeasureScope())) {
            elided = Elision.unobserved(this, facts, globalCoupling);
        }
        machine.start();
        host.start();
        if (kvm != null) {
            kvm.start();
        }
        for (Runnable r : starters) {
            r.run();
        }
    }
}
