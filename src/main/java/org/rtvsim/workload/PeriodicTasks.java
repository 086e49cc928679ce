package org.rtvsim.workload;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.kernel.AttributionWindow;
import org.rtvsim.kernel.HrTimer;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.kernel.Task;
import org.rtvsim.kernel.TaskBehaviour;
import org.rtvsim.measure.ResponseTimeRecorder;
import org.rtvsim.kernel.Lock;
import org.rtvsim.kernel.LockKind;
import org.rtvsim.kernel.LockProtocol;
import org.rtvsim.scenario.SegmentKind;
import org.rtvsim.scenario.WorkloadSpec;
import org.rtvsim.scenario.WorkloadSpec.PeriodicSpec;
import org.rtvsim.scenario.WorkloadSpec.PeriodicTaskSpec;

/**
 * A real-time task set: each task is released by its own hrtimer at {@code offset + k·period}; a job's
 * execution time is drawn from {@code wcet} at its release (raised, if needed, to the end of its last
 * critical section) and runs as user code, taking and releasing locks at its critical sections'
 * offsets. Jobs released while an earlier one is unfinished wait in order (no job is dropped).
 * Response time = completion − release; a job misses its deadline when its response time exceeds the
 * relative deadline.
 */
public final class PeriodicTasks {
    private final List<Periodic> tasks = new ArrayList<>();

    public PeriodicTasks(Kernel kernel, PeriodicSpec spec, long warmupEndNs, boolean attribution) {
        java.util.function.Function<String, Lock> locks = name -> lockFor(kernel, spec, name);
        for (int i = 0; i < spec.tasks().size(); i++) {
            tasks.add(new Periodic(kernel, spec.path() + ".tasks[" + spec.tasks().get(i).name() + "]",
                    spec.tasks().get(i), warmupEndNs, locks, attribution));
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
                for (WorkloadSpec.CriticalSectionSpec cs : t.locks()) {
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
        for (Periodic p : tasks) {
            l.add(p.task);
        }
        return l;
    }

    public List<ResponseTimeRecorder> recorders() {
        List<ResponseTimeRecorder> l = new ArrayList<>();
        for (Periodic p : tasks) {
            l.add(p.recorder);
        }
        return l;
    }

    public void start(long startNs) {
        for (Periodic p : tasks) {
            p.release.start(startNs + p.spec.offsetNs());
            if (p.window != null) {
                p.windowOpen.scheduleAt(startNs + p.spec.offsetNs());
            }
        }
    }

    /** One periodic task and its release timer. */
    private static final class Periodic implements TaskBehaviour {
        final PeriodicTaskSpec spec;
        final Task task;
        final HrTimer release;
        final ResponseTimeRecorder recorder;
        private final Sampler wcet;
        private final int blameRun;
        private final int[] blameInside;
        private final long warmupEndNs;
        private final CriticalSections sections;
        private final Lock[] heldStack;
        private int heldDepth;
        private long[] releases = new long[8];
        private long[] demands = new long[8];
        private int head;
        private int count;
        private boolean inJob;
        private long progressNs;
        private int nextOp;
        private boolean waiting;
        /** Attributes the current job's response time (null when attribution is off). */
        final AttributionWindow window;
        final WindowOpen windowOpen;
        private final Kernel kernel;
        private final int blameBacklog;

        Periodic(Kernel k, String path, PeriodicTaskSpec spec, long warmupEndNs,
                 java.util.function.Function<String, Lock> locks, boolean attribution) {
            this.spec = spec;
            this.kernel = k;
            this.warmupEndNs = warmupEndNs;
            this.task = k.createTask(spec.name(), spec.policy(), spec.priority(), spec.cpu(), spec.mask(), this);
            task.setNice(spec.fair().nice());
            task.setSlice(spec.fair().sliceNs());
            if (spec.dlRuntimeNs() > 0) {
                task.setDeadline(spec.dlRuntimeNs(), spec.deadlineNs(), spec.periodNs(), spec.dlReclaim());
            }
            this.wcet = Samplers.of(spec.wcet(), k.sim().streams().stream(path + ".wcet"));
            this.blameRun = k.blames().id("task " + spec.name() + " (" + spec.policy().key()
                    + (spec.policy().isRealtime() ? " " + spec.priority() : "") + ")");
            this.sections = new CriticalSections(spec.locks(), locks);
            this.blameInside = new int[sections.size()];
            for (int i = 0; i < sections.size(); i++) {
                blameInside[i] = k.blames().id("task " + spec.name() + " in critical section " + sections.lock[i].name());
            }
            this.heldStack = new Lock[Math.max(1, sections.size())];
            this.release = k.newTimer(spec.cpu(), k.blames().id("hrtimer expiry: release of " + spec.name()),
                    t -> onRelease(k));
            this.recorder = new ResponseTimeRecorder(spec.name(), spec.cpu(), spec.priority(), spec.periodNs(),
                    spec.deadlineNs());
            recorder.setCpuShare(() -> task.now() > 0 ? (double) task.onCpuNs() / task.now() : 0.0);
            this.window = attribution ? new AttributionWindow() : null;
            this.windowOpen = new WindowOpen(k);
            this.blameBacklog = k.blames().id("previous job of " + spec.name() + " still running");
            task.setJobWindow(window);
        }

        /** A release instant: the job's attribution starts, unless an earlier job is still running. */
        private void openWindowAtRelease() {
            if (!inJob && count == 0) {
                task.cpu().openWindow(window);
            }
        }

        private void onRelease(Kernel k) {
            long releasedAt = release.expiresNs();
            push(releasedAt, Math.max(wcet.sampleNs(), sections.lastEndNs));
            org.rtvsim.measure.TraceSink tr = k.trace();
            if (tr != null && tr.wants(releasedAt)) {
                tr.instant(releasedAt, spec.cpu(), org.rtvsim.measure.TraceSink.Instant.RELEASE, spec.name(), null);
            }
            release.start(releasedAt + spec.periodNs());
            if (window != null) {
                windowOpen.scheduleAt(releasedAt + spec.periodNs());
            }
            if (!inJob) { // a task busy with (or blocked inside) an earlier job finds this one when done
                if (task.migratable()) { // the release timer's CPU wakes it: placed from there (an IPI if elsewhere)
                    k.wakeRemote(task, k.cpu(spec.cpu()));
                } else {
                    k.wakeLocal(task);
                }
            }
        }

        private void push(long releaseNs, long demandNs) {
            if (count == releases.length) {
                long[] r = new long[count * 2];
                long[] d = new long[count * 2];
                for (int i = 0; i < count; i++) {
                    r[i] = releases[(head + i) % releases.length];
                    d[i] = demands[(head + i) % releases.length];
                }
                releases = r;
                demands = d;
                head = 0;
            }
            int at = (head + count++) % releases.length;
            releases[at] = releaseNs;
            demands[at] = demandNs;
        }

        @Override
        public void next(Task t) {
            if (!inJob) {
                if (count == 0) {
                    t.block();
                    return;
                }
                inJob = true;
                progressNs = 0;
                nextOp = 0;
                if (window != null && !window.isOpen()) { // a backlogged job: its wait so far was ours
                    t.cpu().openWindow(window);
                    window.charge(blameBacklog, t.now() - releases[head]);
                }
            }
            if (waiting) { // the lock we waited for has been handed to us
                waiting = false;
                heldStack[heldDepth++] = sections.lock[nextOp++];
            }
            long demand = demands[head];
            while (nextOp < sections.size() && sections.offsetNs[nextOp] <= progressNs) {
                Lock l = sections.lock[nextOp];
                if (sections.acquire[nextOp]) {
                    if (!t.lock(l)) {
                        waiting = true;
                        return;
                    }
                    heldStack[heldDepth++] = l;
                } else {
                    t.unlock(l);
                    removeHeld(l);
                }
                nextOp++;
            }
            long until = nextOp < sections.size() ? sections.offsetNs[nextOp] : demand;
            if (progressNs < until) {
                long ns = until - progressNs;
                progressNs = until;
                if (heldDepth == 0) {
                    t.run(ns, SegmentKind.USER, blameRun);
                } else {
                    Lock inner = heldStack[heldDepth - 1];
                    t.run(ns, CriticalSections.sectionKind(inner), blameInside[indexOf(inner)]);
                }
                return;
            }
            completeJob(t);
            next(t);
        }

        private void completeJob(Task t) {
            long rel = releases[head];
            head = (head + 1) % releases.length;
            count--;
            inJob = false;
            long response = t.now() - rel;
            org.rtvsim.measure.TraceSink tr = kernel.trace();
            if (tr != null && tr.wants(t.now())) {
                tr.instant(t.now(), spec.cpu(), org.rtvsim.measure.TraceSink.Instant.JOB_END, spec.name(),
                        String.format(java.util.Locale.ROOT, "%.3f us deadline %.3f us", response / 1000.0,
                                spec.deadlineNs() / 1000.0));
            }
            if (window != null) {
                window.close();
                if (rel >= warmupEndNs) {
                    recorder.record(response, response > spec.deadlineNs(), window.ids(), window.ns(),
                            window.size(), kernel.blames());
                }
            } else if (rel >= warmupEndNs) {
                recorder.record(response, response > spec.deadlineNs());
            }
        }

        /** A job's release instant: its attribution opens (before the release interrupt at that time). */
        private final class WindowOpen extends org.rtvsim.engine.SimEvent {
            WindowOpen(Kernel k) {
                super(k.sim(), org.rtvsim.engine.Phase.WINDOW);
            }

            @Override
            protected void fire() {
                openWindowAtRelease();
            }
        }

        private int indexOf(Lock l) {
            for (int i = 0; i < sections.size(); i++) {
                if (sections.lock[i] == l && sections.acquire[i]) {
                    return i;
                }
            }
            return 0;
        }

        private void removeHeld(Lock l) {
            for (int i = heldDepth - 1; i >= 0; i--) {
                if (heldStack[i] == l) {
                    System.arraycopy(heldStack, i + 1, heldStack, i, heldDepth - i - 1);
                    heldStack[--heldDepth] = null;
                    return;
                }
            }
        }
    }
}
