package org.rtvsim.kernel;

import org.rtvsim.scenario.SchedPolicy;
import org.rtvsim.scenario.SegmentKind;

/**
 * A schedulable task (a thread): policy, static priority, the CPU it is on, its affinity mask, its
 * behaviour, and its current segment. Times in ns. A task whose mask has one CPU never moves (every
 * scenario before masks); one with more is placed at each wake-up and balanced between CPUs
 * ({@link Placement}; docs/model-reference.md, "Placement and load balancing").
 */
public final class Task {
    /** The effective priority of SCHED_DEADLINE tasks: above every RT priority (the deadline class runs first). */
    public static final int DL_PRIO = 100;
    final String name;
    final SchedPolicy policy;
    /** Static priority: 1..99 for FIFO/RR, {@link #DL_PRIO} for SCHED_DEADLINE, -1 for the fair policies. */
    final int basePriority;
    /** The trace pid ({@link Kernel#FIRST_PID} + creation index), and whether the trace sink has been told it. */
    int pid;
    boolean traceDescribed;
    /** Effective priority: the static one, raised by priority inheritance or a priority ceiling. */
    int priority;
    /** The CPU whose run queue holds it (task_cpu): changed only by {@link Placement#setCpu}. */
    Cpu cpu;
    /** cpus_ptr when it has more than one CPU, else null (pinned: never migrates). */
    final org.rtvsim.engine.CpuSet mask;
    /** p->recent_used_cpu (select_idle_sibling), -1 before the first placement. */
    int recentUsedCpu = -1;
    /** Moved since it last ran: its first run on the new CPU refills its cache footprint. */
    boolean migrated;
    /** Detached from one run queue and on its way to another's (queued on that CPU's wake list). */
    boolean migrating;
    /** The CPU whose wake list holds it (TASK_WAKING), or null. */
    Cpu wakingOn;
    /** How many times it changed CPU (se.nr_migrations). */
    long migrations;
    private final TaskBehaviour behaviour;
    final Segment seg = new Segment();
    TaskState state = TaskState.BLOCKED;
    HrTimer sleepTimer;

    // run-queue links (intrusive, no allocation)
    Task rqNext;
    Task rqPrev;
    boolean queued;
    /** The priority the task was queued with (its list in the run queue). */
    int queuedPriority;
    /** What {@code CpuBandwidth.started} decided, so {@code stopped} undoes exactly that. */
    boolean sliced;
    boolean rtAccounted;

    /** The sleeping lock this task waits for, or null; locks it holds, in acquisition order. */
    Lock blockedOn;
    /** The window attributing this task's current job (its response time), or null. */
    AttributionWindow jobWindow;

    /** The spinning lock this task spins on (preemption off), or null. */
    Lock spinningOn;
    Lock[] held = new Lock[2];
    int heldCount;

    /** Remaining SCHED_RR / fair slice (ns) and when the task last started running. */
    long sliceRemainingNs = -1;
    long runStartNs;
    /** When the task last left its CPU (ns), or -1: how long its cache footprint was exposed. */
    long lastRanNs = -1;
    /** Set when its SCHED_RR slice expired with an equal-priority task waiting: requeue at the tail. */
    boolean requeueTail;

    // fair class (EEVDF, see FairRunQueue): virtual times in ns of a nice-0 task
    /** nice −20..19 and the load weight it gives (3 for SCHED_IDLE). */
    int nice;
    long weight;
    /** The slice asked for with sched_setattr's sched_runtime (ns), or 0: the kernel's base slice. */
    long customSliceNs;
    /** The slice of its current request (se->slice), its vruntime, virtual deadline and protected vruntime. */
    long sliceNs;
    long vruntime;
    long deadline;
    long vprot;
    /** The lag V − vᵢ kept across a sleep (se->vlag). */
    long vlag;
    /** On its CPU's fair queue (running or queued: se->on_rq). */
    boolean fairOnRq;
    /** When its run time was last charged (se->exec_start), and its total fair run time (sum_exec_runtime). */
    long execStartNs;
    long sumExecNs;

    /** A SCHED_DEADLINE task's reservation (null for other policies; see {@link #setDeadline}). */
    DlEntity dl;
    /** Total time on its CPU (switched in to switched out, interrupts over it included) and since when it runs. */
    long onCpuNs;
    long onCpuSinceNs = -1;

    /** For a vCPU thread: its host side (null for other tasks), and whether it left guest mode by an exit. */
    GuestMode guestMode;
    boolean guestExited;

    Task(String name, SchedPolicy policy, int priority, Cpu cpu, org.rtvsim.engine.CpuSet mask,
         TaskBehaviour behaviour) {
        this.name = name;
        this.policy = policy;
        this.basePriority = policy == SchedPolicy.DEADLINE ? DL_PRIO : policy.isRealtime() ? priority : -1;
        this.priority = this.basePriority;
        this.cpu = cpu;
        this.mask = mask != null && mask.size() > 1 ? mask : null;
        this.behaviour = behaviour;
        this.weight = FairRunQueue.weightOf(policy, 0);
    }

    /** Sets the nice value (−20..19) of a fair task; call before it first runs. */
    public void setNice(int nice) {
        if (nice < -20 || nice > 19) {
            throw new IllegalArgumentException("nice " + nice + " outside -20..19");
        }
        this.nice = nice;
        this.weight = FairRunQueue.weightOf(policy, nice);
    }

    /**
     * Gives a SCHED_DEADLINE task its reservation (sched_setattr's sched_runtime, sched_deadline, sched_period, ns,
     * 0 &lt; runtime ≤ deadline ≤ period); call before it first runs.
     */
    public void setDeadline(long runtimeNs, long deadlineNs, long periodNs) {
        if (policy != SchedPolicy.DEADLINE) {
            throw new IllegalStateException(this + " is not a SCHED_DEADLINE task");
        }
        this.dl = new DlEntity(this, runtimeNs, deadlineNs, periodNs);
    }

    /**
     * As {@link #setDeadline(long, long, long)}, with SCHED_FLAG_RECLAIM when {@code reclaim}: GRUB charges its
     * runtime ({@link Grub}).
     */
    public void setDeadline(long runtimeNs, long deadlineNs, long periodNs, boolean reclaim) {
        setDeadline(runtimeNs, deadlineNs, periodNs);
        dl.reclaim = reclaim;
        if (reclaim && cpu.kernel.grub == null) {
            cpu.kernel.grub = new Grub(cpu.kernel);
        }
    }

    /** Total time this task has held its CPU so far (ns; interrupts over it included): its CPU share's numerator. */
    public long onCpuNs() {
        return onCpuNs + (onCpuSinceNs >= 0 ? cpu.now() - onCpuSinceNs : 0);
    }

    /** Whether it is a deadline task throttled by its CBS (dl_throttled). */
    public boolean dlThrottled() {
        return dl != null && dl.throttled;
    }

    public int nice() {
        return nice;
    }

    /** The fair slice this task asked for (ns), 0 for the kernel's base slice. */
    public long customSlice() {
        return customSliceNs;
    }

    /** Sets the fair slice this task asks for (sched_setattr's sched_runtime, ns), 0 for the base slice. */
    public void setSlice(long ns) {
        this.customSliceNs = Math.max(0, ns);
    }

    /** Total run time (ns) the task has had as a fair task (sum_exec_runtime of the fair class). */
    public long fairRunNs() {
        return sumExecNs + (cpu.rq.fair.curr == this ? Math.max(0, cpu.now() - execStartNs) : 0);
    }

    /** The fair task's lag in its own virtual time (V − vᵢ, ns at nice 0) now: positive when owed service. */
    public long fairLag() {
        if (!fairOnRq) {
            return vlag;
        }
        cpu.rq.fair.updateCurr(); // charges the running task's time so far, as any update_curr does
        return cpu.rq.fair.vlagNow(this);
    }

    public String name() {
        return name;
    }

    public SchedPolicy policy() {
        return policy;
    }

    /** Effective scheduling priority: 1..99 for real-time (higher runs first), -1 for SCHED_OTHER. */
    public int priority() {
        return priority;
    }

    /** Static priority, without boosting. */
    public int basePriority() {
        return basePriority;
    }

    /**
     * Gives the kernel the window that attributes this task's current job: while the task waits for a
     * sleeping lock, the kernel charges it with the lock holder's progress or preemption instead of
     * this task's CPU (null: none).
     */
    public void setJobWindow(AttributionWindow w) {
        this.jobWindow = w;
    }

    /** The lock this task sleeps on, or null. */
    public Lock blockedOn() {
        return blockedOn;
    }

    public Cpu cpu() {
        return cpu;
    }

    /** Whether the task may run on CPU {@code id} (its affinity mask). */
    public boolean allowed(int id) {
        return mask == null ? id == cpu.id : mask.contains(id);
    }

    /** The CPUs it may run on: its affinity mask, or its one CPU when pinned. */
    public org.rtvsim.engine.CpuSet allowedCpus() {
        return mask != null ? mask : org.rtvsim.engine.CpuSet.of(cpu.id);
    }

    /** Whether its mask has more than one CPU (nr_cpus_allowed > 1). */
    public boolean migratable() {
        return mask != null;
    }

    /** How many times the task changed CPU. */
    public long migrations() {
        return migrations;
    }

    public TaskState state() {
        return state;
    }

    public long now() {
        return cpu.now();
    }

    public Kernel kernel() {
        return cpu.kernel;
    }

    void step() {
        behaviour.next(this);
    }

    /** Runs {@code ns} of work of the given kind, charged to attribution label {@code blame}. */
    public void run(long ns, SegmentKind kind, int blame) {
        PreemptionRules r = cpu.kernel.rules();
        seg.set(ns, kind, r.irqsOff(kind), r.preemptOff(kind), r.chunked(kind), blame);
    }

    /**
     * Sleeps until absolute time {@code wakeNs} (clock_nanosleep TIMER_ABSTIME): arms an hrtimer on
     * this task's CPU whose expiry (handled at a cost of {@code kernel.costs.timer_expiry}, charged
     * to {@code timerBlame}) wakes the task. A non-RT task's timer has the kernel's timer slack: it expires
     * at {@code wakeNs + slack} unless another interrupt of that CPU's timer comes first (hrtimer_nanosleep). Returns false, without sleeping, when the time has
     * already passed: the kernel returns from the syscall at once and the behaviour goes on.
     */
    public boolean sleepUntil(long wakeNs, int timerBlame) {
        if (wakeNs <= cpu.now()) {
            return false;
        }
        if (sleepTimer == null || sleepTimer.cpu != cpu) { // armed on the CPU it sleeps on (it may have moved)
            sleepTimer = new HrTimer(cpu, timerBlame, cpu.costs.timerExpiry(), false,
                    t -> cpu.kernel.wakeLocal(this));
        }
        sleepTimer.blame = timerBlame;
        seg.live = false;
        state = TaskState.SLEEPING;
        if (cpu.tracing.on()) {
            cpu.tracing.state(this, org.rtvsim.measure.TraceSink.TaskState.SLEEPING, null);
        }
        sleepTimer.start(wakeNs, policy.isRealtime() || dl != null ? 0 : cpu.kernel.timerSlackNs());
        return true;
    }

    /**
     * Takes {@code l}. Returns true when the task holds it now; otherwise the task waits (spinning or
     * sleeping, per the lock's kind and the preemption model) and its behaviour is called again once
     * the lock has been handed to it (then {@code l.owner() == this}).
     */
    public boolean lock(Lock l) {
        return cpu.kernel.locking().acquire(this, l);
    }

    /** Releases {@code l}, handing it to its top waiter and dropping any priority it gave this task. */
    public void unlock(Lock l) {
        cpu.kernel.locking().release(this, l);
    }

    /** Whether this task holds, or spins on, a lock taken with preemption disabled (a spinning lock). */
    boolean holdsSpinningLock() {
        if (spinningOn != null) {
            return true;
        }
        for (int i = 0; i < heldCount; i++) {
            if (held[i].spins) {
                return true;
            }
        }
        return false;
    }

    /** The length of a guest-mode segment: it ends only by an exit the vCPU asks for. */
    static final long GUEST_MODE_NS = Long.MAX_VALUE / 8;

    /** Makes this task a vCPU thread whose guest-mode segments are driven by {@code g}. */
    public void setGuestMode(GuestMode g) {
        this.guestMode = g;
    }

    /**
     * Runs in guest mode (VMX non-root) until the vCPU asks to leave ({@link Cpu#endGuestMode}): preemptible
     * by the host, and every host interrupt meanwhile costs a VM exit and an entry.
     */
    public void runGuest(int blame) {
        seg.set(GUEST_MODE_NS, SegmentKind.USER, false, false, false, blame);
        seg.guest = true;
        guestExited = false;
    }

    /** Whether this task runs its guest-mode segment (it may be preempted or interrupted meanwhile). */
    public boolean inGuestSegment() {
        return seg.live && seg.guest;
    }

    /** Blocks until another component calls {@link Kernel#wakeLocal} or {@link Kernel#wakeRemote}. */
    public void block() {
        seg.live = false;
        state = TaskState.BLOCKED;
        if (cpu.tracing.on()) {
            cpu.tracing.state(this, blockedOn != null ? org.rtvsim.measure.TraceSink.TaskState.BLOCKED_ON_LOCK
                    : org.rtvsim.measure.TraceSink.TaskState.SLEEPING, blockedOn != null ? blockedOn.name : null);
        }
    }

    @Override
    public String toString() {
        return name + "(" + policy.key() + (priority >= 0 && dl == null ? " " + priority : "") + ")";
    }

    // ---------------------------------------------------------------- starvation monitor

    /** A kernel thread (rcuc/N, kworker/N:1, ksoftirqd/N, irq/…): the starvation monitor judges these. */
    boolean kthread;
    /** When the task last became runnable (woken or preempted), or -1 while running or blocked. */
    long runnableSinceNs = -1;
    /** The longest completed runnable-but-not-running wait (ns) and when it began. */
    long longestWaitNs;
    long longestWaitStartNs = -1;

    /** Marks this task as a kernel thread (see {@link #kthread()}). */
    public void markKthread() {
        kthread = true;
    }

    public boolean kthread() {
        return kthread;
    }

    /** Tells the behaviour that the task has just been woken (an observation, see TaskBehaviour#woken). */
    void woken() {
        behaviour.woken(this);
    }

    /** The task became runnable at {@code nowNs}: its wait starts (no-op when it already waits). */
    void waitStarted(long nowNs) {
        if (runnableSinceNs < 0) {
            runnableSinceNs = nowNs;
        }
    }

    /** The task was picked to run at {@code nowNs}: its wait ends. */
    void waitEnded(long nowNs) {
        if (runnableSinceNs >= 0) {
            long w = nowNs - runnableSinceNs;
            if (w > longestWaitNs) {
                longestWaitNs = w;
                longestWaitStartNs = runnableSinceNs;
            }
            runnableSinceNs = -1;
        }
    }

    /** Whether the task is waiting for its CPU now (runnable, not running). */
    public boolean waitingNow() {
        return runnableSinceNs >= 0;
    }

    /** The longest runnable-but-not-running wait up to {@code nowNs}, a wait still going on counted up to now. */
    public long longestWaitNs(long nowNs) {
        return Math.max(longestWaitNs, runnableSinceNs >= 0 ? nowNs - runnableSinceNs : 0);
    }

    /** Whether the longest wait up to {@code nowNs} is the one still going on. */
    public boolean longestWaitOngoing(long nowNs) {
        return runnableSinceNs >= 0 && nowNs - runnableSinceNs >= longestWaitNs;
    }

    /** When the longest wait up to {@code nowNs} began (-1: never waited). */
    public long longestWaitStartNs(long nowNs) {
        return longestWaitOngoing(nowNs) ? runnableSinceNs : longestWaitStartNs;
    }
}
