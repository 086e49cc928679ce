package org.rtvsim.workload;

import java.util.List;
import org.rtvsim.engine.Samplers;
import org.rtvsim.kernel.AttributionWindow;
import org.rtvsim.kernel.HrTimer;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.kernel.Task;
import org.rtvsim.kernel.TaskBehaviour;
import org.rtvsim.measure.ResponseTimeRecorder;
import org.rtvsim.kernel.Lock;
import org.rtvsim.scenario.SegmentKind;
import org.rtvsim.scenario.WorkloadSpec;
import org.rtvsim.scenario.WorkloadSpec.PeriodicTaskSpec;

/**
 * One periodic task of {@link PeriodicTasks}: its release timer, its sequence of jobs (phases, repeats,
 * overrun), each job's work with its critical sections and sync points, and its job records.
 */
final class PeriodicTask implements TaskBehaviour, SyncPoints.Party {
    final PeriodicTaskSpec spec;
    final Task task;
    final HrTimer release;
    final ResponseTimeRecorder recorder;
    private final JobPhase[] phases;
    private final int blameRun;
    private final int blameSleep;
    private final long warmupEndNs;
    private final Lock[] heldStack;
    private int heldDepth;
    private final JobQueue jobs = new JobQueue();
    private boolean inJob;
    private long progressNs;
    private int nextOp;
    private boolean waiting;
    /** The next synchronisation point of the current job, and the workload's barriers and suspensions. */
    private int nextSync;
    private final SyncPoints syncs;
    /** The mutex a condition wait released, taken back when woken ({@code condLockAsked}: requested). */
    private Lock condMutex;
    private boolean condLockAsked;
    /** The phase of the next release, the jobs of it released so far, the passes over all phases so far. */
    private int relPhase;
    private int relJobInPhase;
    private int relPass;
    /** The sequence has released its last job. */
    private boolean finished;
    /** A release found the previous job unfinished and waits for its completion (shiftOnOverrun). */
    private boolean deferred;
    /** The job log (rt-app's columns): the current job's start and time in its execution segments. */
    private long jobStartNs;
    private long jobRunNs;
    private long runFromNs = -1;
    /** The last completed job, whose row ends when the next job starts (null: none waiting). */
    private long[] pendingRow;
    /** Attributes the current job's response time (null when attribution is off). */
    final AttributionWindow window;
    final WindowOpen windowOpen;
    private final Kernel kernel;
    private final int blameBacklog;

    PeriodicTask(Kernel k, String path, PeriodicTaskSpec spec, long warmupEndNs,
             java.util.function.Function<String, Lock> locks, boolean attribution, SyncPoints syncs) {
        this.spec = spec;
        this.syncs = syncs;
        this.kernel = k;
        this.warmupEndNs = warmupEndNs;
        this.task = k.createTask(spec.name(), spec.policy(), spec.priority(), spec.cpu(), spec.mask(), this);
        task.setNice(spec.fair().nice());
        task.setSlice(spec.fair().sliceNs());
        if (spec.dlRuntimeNs() > 0) {
            task.setDeadline(spec.dlRuntimeNs(), spec.deadlineNs(), spec.periodNs(), spec.dlReclaim());
        }
        this.blameRun = k.blames().id("task " + spec.name() + " (" + spec.policy().key()
                + (spec.policy().isRealtime() ? " " + spec.priority() : "") + ")");
        List<WorkloadSpec.JobPhaseSpec> specs = spec.phases();
        this.phases = new JobPhase[specs.size()];
        int maxSections = 1;
        for (int p = 0; p < phases.length; p++) {
            WorkloadSpec.JobPhaseSpec ps = specs.get(p);
            CriticalSections sections = new CriticalSections(ps.locks(), locks);
            int[] inside = new int[sections.size()];
            for (int i = 0; i < sections.size(); i++) {
                inside[i] = k.blames().id("task " + spec.name() + " in critical section " + sections.lock[i].name());
            }
            String stream = p == 0 ? path + ".wcet" : path + ".phases[" + p + "].wcet";
            phases[p] = new JobPhase(ps.periodNs(), ps.deadlineNs(),
                    Samplers.of(ps.wcet(), k.sim().streams().stream(stream)), sections, inside, ps.jobs(),
                    ps.syncs(), locks);
            maxSections = Math.max(maxSections, sections.size());
        }
        this.heldStack = new Lock[maxSections];
        this.release = k.newTimer(spec.cpu(), k.blames().id("hrtimer expiry: release of " + spec.name()),
                t -> onRelease(k));
        this.recorder = new ResponseTimeRecorder(spec.name(), spec.cpu(), spec.priority(), spec.periodNs(),
                spec.deadlineNs());
        recorder.setCpuShare(() -> task.now() > 0 ? (double) task.onCpuNs() / task.now() : 0.0);
        this.window = attribution ? new AttributionWindow() : null;
        this.windowOpen = new WindowOpen(k);
        this.blameBacklog = k.blames().id("previous job of " + spec.name() + " still running");
        boolean sleeps = spec.phases().stream().anyMatch(ph -> ph.syncs().stream().anyMatch(o -> o.op().equals("sleep")));
        this.blameSleep = sleeps ? k.blames().id("hrtimer expiry: sleep of " + spec.name()) : -1;
        task.setJobWindow(window);
    }

    /** Arms the first release, {@code offset} after {@code startNs}. */
    void start(long startNs) {
        release.start(startNs + spec.offsetNs());
        if (window != null) {
            windowOpen.scheduleAt(startNs + spec.offsetNs());
        }
    }

    @Override
    public Task task() {
        return task;
    }

    /** A release instant: the job's attribution starts, unless an earlier job is still running. */
    private void openWindowAtRelease() {
        if (!inJob && jobs.size() == 0) {
            task.cpu().openWindow(window);
        }
    }

    private void onRelease(Kernel k) {
        long releasedAt = release.expiresNs();
        if (spec.sequence().shiftOnOverrun() && (inJob || jobs.size() > 0)) {
            deferred = true; // released when the unfinished job completes (completeJob)
            return;
        }
        releaseJob(k, releasedAt);
        if (!inJob) { // a task busy with (or blocked inside) an earlier job finds this one when done
            if (task.migratable()) { // the release timer's CPU wakes it: placed from there (an IPI if elsewhere)
                k.wakeRemote(task, k.cpu(spec.cpu()));
            } else {
                k.wakeLocal(task);
            }
        }
    }

    /** Queues the next job of the sequence, released at {@code releasedAt}, and arms the release after it. */
    private void releaseJob(Kernel k, long releasedAt) {
        int p = relPhase;
        JobPhase phase = phases[p];
        jobs.push(releasedAt, Math.max(phase.wcet.sampleNs(), phase.sections.lastEndNs), p);
        org.rtvsim.measure.TraceSink tr = k.trace();
        if (tr != null && tr.wants(releasedAt)) {
            tr.instant(releasedAt, spec.cpu(), org.rtvsim.measure.TraceSink.Instant.RELEASE, spec.name(), null);
        }
        if (++relJobInPhase == phase.jobs) {
            relJobInPhase = 0;
            if (++relPhase == phases.length) {
                relPhase = 0;
                relPass++;
                finished = spec.sequence().repeat() > 0 && relPass == spec.sequence().repeat();
            }
        }
        if (!finished) {
            release.start(releasedAt + phase.periodNs);
            if (window != null) {
                windowOpen.scheduleAt(releasedAt + phase.periodNs);
            }
        }
    }

    @Override
    public void next(Task t) {
        if (runFromNs >= 0) { // an execution segment ended (rt-app's run: its wall time)
            jobRunNs += t.now() - runFromNs;
            runFromNs = -1;
        }
        if (!inJob) {
            if (jobs.size() == 0) {
                t.block();
                return;
            }
            inJob = true;
            progressNs = 0;
            nextOp = 0;
            nextSync = 0;
            if (recorder.logsJobs()) {
                startLoggedJob(t.now());
            }
            if (window != null && !window.isOpen()) { // a backlogged job: its wait so far was ours
                t.cpu().openWindow(window);
                window.charge(blameBacklog, t.now() - jobs.releaseNs());
            }
        }
        JobPhase phase = phases[jobs.phase()];
        CriticalSections sections = phase.sections;
        if (waiting) { // the lock we waited for has been handed to us
            waiting = false;
            heldStack[heldDepth++] = sections.lock[nextOp++];
        }
        if (condMutex != null) { // woken from a condition wait: take the mutex back first
            if (!condLockAsked) {
                condLockAsked = true;
                if (!t.lock(condMutex)) {
                    return;
                }
            }
            heldStack[heldDepth++] = condMutex;
            condMutex = null;
            condLockAsked = false;
        }
        long demand = jobs.demandNs();
        // at one offset: lock releases, then sync points, then acquisitions
        while (true) {
            boolean lockDue = nextOp < sections.size() && sections.offsetNs[nextOp] <= progressNs;
            long syncAt = nextSync < phase.syncs.length ? Math.min(phase.syncs[nextSync].offsetNs(), demand) : -1;
            boolean syncDue = syncAt >= 0 && syncAt <= progressNs;
            if (!lockDue && !syncDue) {
                break;
            }
            if (lockDue && (!syncDue || sections.offsetNs[nextOp] < syncAt || !sections.acquire[nextOp])) {
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
            } else if (!sync(t, phase, nextSync++)) { // past it: a wake-up goes on after it
                return;
            }
        }
        long until = nextOp < sections.size() ? sections.offsetNs[nextOp] : demand;
        if (nextSync < phase.syncs.length) {
            until = Math.min(until, Math.min(phase.syncs[nextSync].offsetNs(), demand));
        }
        if (progressNs < until) {
            long ns = until - progressNs;
            progressNs = until;
            runFromNs = t.now();
            if (heldDepth == 0) {
                t.run(ns, SegmentKind.USER, blameRun);
            } else {
                Lock inner = heldStack[heldDepth - 1];
                t.run(ns, CriticalSections.sectionKind(inner), phase.blameInside(inner));
            }
            return;
        }
        completeJob(t, phase);
        next(t);
    }

    /** Performs sync point {@code i} of the job; false when the task now sleeps or is blocked until woken. */
    private boolean sync(Task t, JobPhase phase, int i) {
        WorkloadSpec.SyncOpSpec op = phase.syncs[i];
        switch (op.op()) {
            case "resume" -> syncs.resume(t, op.name());
            case "signal" -> syncs.signal(t, op.name(), false);
            case "broadcast" -> syncs.signal(t, op.name(), true);
            case "sleep" -> {
                return !t.sleepUntil(t.now() + op.lengthNs(), blameSleep);
            }
            case "suspend" -> {
                syncs.suspend(spec.name(), this);
                t.block();
                return false;
            }
            case "wait" -> {
                Lock m = phase.syncMutex[i];
                if (m != null && holds(m)) { // pthread_cond_wait releases the mutex while it sleeps
                    t.unlock(m);
                    removeHeld(m);
                    condMutex = m;
                }
                syncs.await(op.name(), this);
                t.block();
                return false;
            }
            default -> {
                if (!syncs.barrier(op.name(), this)) {
                    t.block();
                    return false;
                }
            }
        }
        return true;
    }

    private boolean holds(Lock l) {
        for (int i = 0; i < heldDepth; i++) {
            if (heldStack[i] == l) {
                return true;
            }
        }
        return false;
    }

    private void completeJob(Task t, JobPhase phase) {
        long rel = jobs.releaseNs();
        if (recorder.logsJobs()) {
            pendingRow = new long[] {jobStartNs, jobRunNs, t.now(), rel + phase.periodNs, jobs.demandNs(),
                    phase.periodNs};
        }
        jobs.pop();
        inJob = false;
        long response = t.now() - rel;
        org.rtvsim.measure.TraceSink tr = kernel.trace();
        if (tr != null && tr.wants(t.now())) {
            tr.instant(t.now(), spec.cpu(), org.rtvsim.measure.TraceSink.Instant.JOB_END, spec.name(),
                    String.format(java.util.Locale.ROOT, "%.3f us deadline %.3f us", response / 1000.0,
                            phase.deadlineNs / 1000.0));
        }
        if (window != null) {
            window.close();
            if (rel >= warmupEndNs) {
                recorder.record(response, response > phase.deadlineNs, window.ids(), window.ns(),
                        window.size(), kernel.blames());
            }
        } else if (rel >= warmupEndNs) {
            recorder.record(response, response > phase.deadlineNs);
        }
        if (deferred && jobs.size() == 0) { // the overrun release: now, and the grid restarts here
            deferred = false;
            releaseJob(kernel, t.now());
        }
        if (pendingRow != null && finished && jobs.size() == 0) { // the last job: no next start ends its row
            long due = pendingRow[3];
            logRow(Math.max(t.now(), due), 0);
        }
    }

    /** A job starts: the previous job's row ends here (its wake-up latency: after its due release). */
    private void startLoggedJob(long nowNs) {
        if (pendingRow != null) {
            long due = pendingRow[3];
            logRow(nowNs, due > pendingRow[2] ? Math.max(0, nowNs - due) : 0);
        }
        jobStartNs = nowNs;
        jobRunNs = 0;
    }

    private void logRow(long endNs, long wakeupLatencyNs) {
        long[] p = pendingRow;
        pendingRow = null;
        recorder.logJob(new org.rtvsim.measure.JobRow(p[0], endNs, p[1], p[2], p[3], p[4], p[5], wakeupLatencyNs));
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
