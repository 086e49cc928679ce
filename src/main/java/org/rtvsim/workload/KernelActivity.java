package org.rtvsim.workload;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Phase;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Samplers;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.kernel.Lock;
import org.rtvsim.kernel.LockKind;
import org.rtvsim.kernel.LockProtocol;
import org.rtvsim.kernel.Task;
import org.rtvsim.kernel.TaskBehaviour;
import org.rtvsim.scenario.SchedPolicy;
import org.rtvsim.scenario.SegmentKind;
import org.rtvsim.scenario.WorkloadSpec.KernelActivitySpec;
import org.rtvsim.scenario.WorkloadSpec.SegmentSpec;
import umontreal.ssj.rng.RandomStream;

/**
 * SCHED_OTHER tasks making syscalls whose kernel paths are typed segments (semantics in the
 * workload, policy in the kernel): each loop is user think time, then the syscall's segments (each
 * taken with its probability), then, with {@code sleep_probability}, a block of {@code sleep} ns ended
 * by a wake-up from another CPU (a reschedule IPI here). The preemption model decides what each
 * segment means for a waiting real-time task. Spinlock and raw-spinlock sections take real locks
 * ({@code locks} of each kind, shared by all the activity's tasks), so sections on different CPUs
 * contend: waiters spin with preemption off, or — spinlock_t on PREEMPT_RT — sleep on a PI rt_mutex.
 */
public final class KernelActivity {
    private final List<Worker> workers = new ArrayList<>();
    private final String path;
    private final String label;
    private final List<Lock> locks = new ArrayList<>();

    public KernelActivity(Kernel kernel, KernelActivitySpec spec) {
        Profiles.Profile p = spec.segments() != null && !spec.segments().isEmpty()
                ? new Profiles.Profile("custom", spec.think(), spec.segments(), spec.sleep(),
                Double.isNaN(spec.sleepProbability()) ? 0 : spec.sleepProbability())
                : Profiles.get(spec.profile() == null ? "hackbench" : spec.profile(),
                Profiles.MEASURED_SECTIONS.with(spec.sections()));
        DistSpec think = spec.think() != null ? spec.think() : p.think();
        DistSpec sleep = spec.sleep() != null ? spec.sleep() : p.sleep();
        double sleepP = !Double.isNaN(spec.sleepProbability()) ? spec.sleepProbability() : p.sleepProbability();
        String label = spec.profile() != null ? spec.profile() : p.name();
        this.path = spec.path();
        this.label = label;
        CpuSet cpus = spec.cpus() != null ? spec.cpus() : kernel.housekeeping();
        // each activity has its own locks, named by its label and occurrence, e.g. hackbench[0]/spinlock#3
        String component = spec.path();
        String owner = label + (component.endsWith("]") ? component.substring(component.lastIndexOf('[')) : "");
        Lock[] spinlocks = new Lock[spec.locks()];
        Lock[] rawSpinlocks = new Lock[spec.locks()];
        for (int i = 0; i < spec.locks(); i++) {
            spinlocks[i] = kernel.locking().lock(owner + "/spinlock#" + i, LockKind.SPINLOCK, LockProtocol.NONE, 0);
            rawSpinlocks[i] = kernel.locking().lock(owner + "/raw_spinlock#" + i, LockKind.RAW_SPINLOCK,
                    LockProtocol.NONE, 0);
            locks.add(spinlocks[i]);
            locks.add(rawSpinlocks[i]);
        }
        for (int cpu : cpus) {
            for (int i = 0; i < spec.tasks(); i++) {
                String path = spec.path() + ".cpu" + cpu + ".task" + i;
                Worker w = new Worker(kernel, path, label, cpu, spec.affinity(), i, think, p.segments(), sleep, sleepP,
                        spinlocks, rawSpinlocks, spec.policy());
                w.task.setNice(spec.fair().nice());
                w.task.setSlice(spec.fair().sliceNs());
                workers.add(w);
            }
        }
    }

    /** The activity's tasks (one per CPU and task index). */
    public List<Task> tasks() {
        List<Task> out = new ArrayList<>();
        for (Worker w : workers) {
            out.add(w.task);
        }
        return out;
    }

    /** The locks only this activity's tasks take. */
    public List<Lock> locks() {
        return locks;
    }

    /** The scenario path of the activity, e.g. {@code host.workload[0]}. */
    public String path() {
        return path;
    }

    /** Its profile's name, e.g. {@code hackbench}. */
    public String label() {
        return label;
    }

    public void start() {
        for (Worker w : workers) {
            w.task.kernel().wakeLocal(w.task);
        }
    }

    /** One fair-class task of the activity (SCHED_OTHER unless its {@code policy} says batch or idle). */
    private static final class Worker implements TaskBehaviour {
        final Task task;
        private final Sampler think;
        private final Sampler[] lengths;
        private final SegmentKind[] kinds;
        private final double[] probabilities;
        private final int[] blames;
        private final int blameUser;
        private final Sampler sleep;
        private final double sleepProbability;
        private final RandomStream choices;
        private final WakeUp wakeUp;
        private final Lock[] spinlocks;
        private final Lock[] rawSpinlocks;
        private int next = -1;
        /** The lock held for the section now running (released when it ends), or being waited for. */
        private Lock holding;
        private Lock waitingFor;
        private long pendingNs;
        private int pendingIndex;

        Worker(Kernel k, String path, String label, int cpu, CpuSet mask, int index, DistSpec think, List<SegmentSpec> segs,
               DistSpec sleep, double sleepProbability, Lock[] spinlocks, Lock[] rawSpinlocks, SchedPolicy policy) {
            this.spinlocks = spinlocks;
            this.rawSpinlocks = rawSpinlocks;
            var streams = k.sim().streams();
            this.task = k.createTask(label + "/" + cpu + "." + index, policy, 0, cpu, mask, this);
            this.think = Samplers.of(think, streams.stream(path + ".think"));
            this.lengths = new Sampler[segs.size()];
            this.kinds = new SegmentKind[segs.size()];
            this.probabilities = new double[segs.size()];
            this.blames = new int[segs.size()];
            for (int i = 0; i < segs.size(); i++) {
                SegmentSpec s = segs.get(i);
                lengths[i] = Samplers.of(s.length(), streams.stream(path + ".segments[" + i + "]"));
                kinds[i] = s.kind();
                probabilities[i] = s.probability();
                blames[i] = k.blames().id(label + ": " + s.kind().key() + " section");
            }
            this.blameUser = k.blames().id(label + ": user code");
            this.sleep = sleep == null ? null : Samplers.of(sleep, streams.stream(path + ".sleep"));
            this.sleepProbability = sleep == null ? 0 : sleepProbability;
            this.choices = streams.stream(path + ".choices");
            this.wakeUp = new WakeUp(k);
        }

        @Override
        public void next(Task t) {
            if (waitingFor != null) { // the lock has been handed to us: run the section
                holding = waitingFor;
                waitingFor = null;
                t.run(pendingNs, kinds[pendingIndex], blames[pendingIndex]);
                return;
            }
            if (holding != null) { // the locked section ended
                Lock l = holding;
                holding = null;
                t.unlock(l);
            }
            while (true) {
                if (next < 0) {
                    next = 0;
                    t.run(think.sampleNs(), SegmentKind.USER, blameUser);
                    return;
                }
                if (next < lengths.length) {
                    // a certain segment draws no choice; an optional one draws its choice and its
                    // length either way, so the streams stay aligned whatever is chosen
                    int i = next++;
                    boolean taken = probabilities[i] >= 1 || choices.nextDouble() < probabilities[i];
                    long ns = lengths[i].sampleNs();
                    Lock l = lockFor(kinds[i]);
                    if (taken) {
                        if (l != null && !t.lock(l)) {
                            waitingFor = l;
                            pendingNs = ns;
                            pendingIndex = i;
                            return;
                        }
                        holding = l;
                        t.run(ns, kinds[i], blames[i]);
                        return;
                    }
                    continue;
                }
                next = -1;
                boolean blocks = sleepProbability >= 1
                        || (sleepProbability > 0 && choices.nextDouble() < sleepProbability);
                long sleepNs = sleep == null ? 0 : sleep.sampleNs();
                if (blocks) {
                    t.block();
                    wakeUp.scheduleAt(t.now() + sleepNs);
                    return;
                }
            }
        }

        /** A lock for a section of this kind, chosen uniformly (one draw for locked kinds), or null. */
        private Lock lockFor(SegmentKind kind) {
            Lock[] pool = kind == SegmentKind.SPINLOCK ? spinlocks : kind == SegmentKind.RAW_SPINLOCK ? rawSpinlocks
                    : null;
            if (pool == null || pool.length == 0) {
                return null;
            }
            return pool[(int) (choices.nextDouble() * pool.length)];
        }

        /** The event that ends the block: another CPU wakes this task. */
        private final class WakeUp extends SimEvent {
            WakeUp(Kernel k) {
                super(k.sim(), Phase.RELEASE);
            }

            @Override
            protected void fire() {
                task.kernel().wakeRemote(task);
            }
        }
    }
}
