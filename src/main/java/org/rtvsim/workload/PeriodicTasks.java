package org.rtvsim.workload;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.kernel.Task;
import org.rtvsim.measure.ResponseTimeRecorder;
import org.rtvsim.kernel.Lock;
import org.rtvsim.kernel.LockKind;
import org.rtvsim.kernel.LockProtocol;
import org.rtvsim.scenario.WorkloadSpec;
import org.rtvsim.scenario.WorkloadSpec.PeriodicSpec;
import org.rtvsim.scenario.WorkloadSpec.PeriodicTaskSpec;

/**
 * A real-time task set: each task is released by its own hrtimer at {@code offset + k·period}; a job's
 * execution time is drawn from {@code wcet} at its release (raised, if needed, to the end of its last
 * critical section) and runs as user code, taking and releasing locks at its critical sections'
 * offsets. Jobs released while an earlier one is unfinished wait in order (no job is dropped).
 * Response time = completion − release; a job misses its deadline when its response time exceeds the
 * relative deadline. A task's jobs follow its job sequence ({@code JobSequenceSpec}): phases of
 * {@code jobs} jobs, each with its own period, wcet, deadline and critical sections, repeated
 * {@code repeat} times (or forever); with {@code shiftOnOverrun} a release that finds the previous job
 * unfinished is made at its completion instead, and the grid restarts there.
 */
public final class PeriodicTasks {
    private final List<PeriodicTask> tasks = new ArrayList<>();

    public PeriodicTasks(Kernel kernel, PeriodicSpec spec, long warmupEndNs, boolean attribution) {
        java.util.function.Function<String, Lock> locks = name -> lockFor(kernel, spec, name);
        SyncPoints syncs = new SyncPoints(spec.tasks());
        for (int i = 0; i < spec.tasks().size(); i++) {
            tasks.add(new PeriodicTask(kernel, spec.path() + ".tasks[" + spec.tasks().get(i).name() + "]",
                    spec.tasks().get(i), warmupEndNs, locks, attribution, syncs));
        }
    }

    /**
     * The kernel lock behind {@code name}: as declared in {@code mutexes:}, else a pthread mutex without a
     * protocol. A PROTECT lock without a ceiling gets the highest priority among the tasks that take it.
     */
    private static Lock lockFor(Kernel kernel, PeriodicSpec spec, String name) {
        WorkloadSpec.MutexSpec m = spec.mutexes().get(name);
        LockKind kind = m == null ? LockKind.PTHREAD_MUTEX : LockKind.valueOf(m.kind().toUpperCase(java.util.Locale.ROOT));
        LockProtocol protocol = m == null ? LockProtocol.NONE
                : LockProtocol.valueOf(m.protocol().toUpperCase(java.util.Locale.ROOT));
        int ceiling = -1; // no real-time user: the ceiling raises nobody (SCHED_OTHER stays fair)
        if (m != null && m.ceiling() != null) {
            ceiling = m.ceiling();
        } else {
            for (PeriodicTaskSpec t : spec.tasks()) {
                for (WorkloadSpec.CriticalSectionSpec cs : t.allLocks()) {
                    if (cs.lock().equals(name)) {
                        ceiling = Math.max(ceiling, t.policy().isRealtime() ? t.priority() : -1);
                    }
                }
            }
        }
        return kernel.locking().lock(name, kind, protocol, ceiling, m != null && m.irqsave());
    }

    /** The tasks whose response times are measured. */
    public List<Task> measuredTasks() {
        List<Task> l = new ArrayList<>();
        for (PeriodicTask p : tasks) {
            l.add(p.task);
        }
        return l;
    }

    public List<ResponseTimeRecorder> recorders() {
        List<ResponseTimeRecorder> l = new ArrayList<>();
        for (PeriodicTask p : tasks) {
            l.add(p.recorder);
        }
        return l;
    }

    public void start(long startNs) {
        for (PeriodicTask p : tasks) {
            p.start(startNs);
        }
    }
}
