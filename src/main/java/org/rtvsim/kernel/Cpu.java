package org.rtvsim.kernel;

import org.rtvsim.engine.Simulation;
import org.rtvsim.hw.CStates;
import org.rtvsim.hw.Supply;
import org.rtvsim.hw.SupplyListener;
import org.rtvsim.measure.TraceSink;
import org.rtvsim.scenario.SegmentKind;

/**
 * A CPU as its kernel sees it (a physical CPU for the host, a vCPU for a guest): the stack of
 * contexts (the current task at the bottom, softirq and hardirq frames above), the run queue, the
 * hrtimer queue, and the execution of the top context's {@link Segment} while supply lasts.
 *
 * <p>Execution model: the top segment progresses only while {@link Supply#available()}; its
 * completion is one rescheduled event. Every change — an interrupt raised, a wake-up, a segment
 * end, supply lost or back — goes through {@link #dispatch()}, which pauses the running segment,
 * decides what should run now (pending interrupts unless irqs are off; completion of zero-length
 * work inline; a reschedule at a preemption point) and starts it. Nothing here allocates.
 *
 * <p>Time accounting for attribution: whatever occupies the CPU (the top segment's label, "idle",
 * or the supply's reason) is charged to every open {@link AttributionWindow}, so the charges of a
 * window add up exactly to its length.
 */
public final class Cpu implements SupplyListener {

    final Kernel kernel;
    final int id;
    private final Simulation sim;
    final Supply supply;
    final KernelCosts costs;
    final RunQueue rq = new RunQueue(this);
    final TimerQueue timers;
    final CStates cstates;
    final PreemptionRules rules;
    final long condReschedGapNs;
    private final boolean nohzFull;

    /** The task-level state machine and its decisions. */
    final CpuScheduler sched = new CpuScheduler(this);

    final IrqFrames frames = new IrqFrames();

    boolean supplied;

    final SegmentClock clock;

    final PendingIrqs pending = new PendingIrqs();

    final Softirqs softirqs = new Softirqs();
    private final RemoteWakeups remote = new RemoteWakeups();
    final IrqLine timerLine;
    final IrqLine ipiLine;
    final CpuBandwidth bandwidth;

    final BlameMeter meter;
    /** Reports to the timeline trace, when one is attached. */
    final CpuTrace tracing = new CpuTrace(this);

    /** Decides what runs: interrupts, reschedules, segment completions ({@link Dispatcher}). */
    final Dispatcher dispatcher;
    /** Set on a host CPU that runs vCPU threads (exits, entries, guest supply); null otherwise. */
    VcpuHosting hosting;

    Cpu(Kernel kernel, int id, Supply supply, KernelCosts costs, CStates cstates, boolean nohzFull) {
        this.kernel = kernel;
        this.id = id;
        this.sim = kernel.sim;
        this.supply = supply;
        this.costs = costs;
        this.cstates = cstates;
        this.rules = kernel.rules();
        this.condReschedGapNs = kernel.spec().condReschedGapNs();
        this.nohzFull = nohzFull;
        this.timers = new TimerQueue(sim, this);
        this.dispatcher = new Dispatcher(this);
        this.clock = new SegmentClock(sim, dispatcher::onCompletion);
        this.bandwidth = new CpuBandwidth(sim, this, kernel);
        this.timerLine = new IrqLine("local timer", new TimerInterrupt(this));
        this.ipiLine = new IrqLine("reschedule IPI", remote);
        this.supplied = supply.available();
        this.meter = new BlameMeter(sim, kernel.blameIdle);
        supply.attach(this);
    }

    void enableRtThrottling(long runtimeNs, long periodNs) {
        bandwidth.enableRtThrottling(sim, runtimeNs, periodNs);
    }

    public int id() {
        return id;
    }

    public long now() {
        return sim.now();
    }

    public Kernel kernel() {
        return kernel;
    }

    public KernelCosts costs() {
        return costs;
    }

    /** Time this CPU spent executing segments (ns): a utilisation check for tests. */
    public long busyNs() {
        return clock.busyNs();
    }

    /** The task currently on this CPU (switching in counts), or null when idle. */
    public Task current() {
        return sched.current();
    }

    /** The label of what occupies this CPU now. */
    public int currentBlame() {
        return meter.current();
    }

    // ---------------------------------------------------------------- stimuli

    /** A hardware interrupt on {@code line}: handled now, or held pending (irqs off, no supply). */
    void raise(IrqLine line) {
        if (!pending.add(line)) {
            return;
        }
        if (!supplied) {
            supply.consumerKick(); // a halted vCPU is woken by its host
        }
        Segment top = top();
        if (supplied && !dispatcher.inFlow() && top != null && top.irqsOff) {
            return; // stays pending until the irqs-off segment ends
        }
        dispatch();
    }

    /** Wakes {@code t} from another CPU: queued, and a reschedule IPI raised here. */
    void wakeFromRemote(Task t) {
        remote.add(t);
        raise(ipiLine);
    }

    /**
     * Runnable {@code t}, detached from another CPU's queue, arrives here through this CPU's wake list
     * (attach_task and resched_curr): with a reschedule IPI, or ({@code raise} false) inside the IPI handler
     * running here now.
     */
    void queueMigrated(Task t, boolean raise) {
        t.migrating = true;
        t.wakingOn = this;
        remote.add(t);
        if (raise) {
            raise(ipiLine);
        }
    }

    /** kick_ilb: a reschedule IPI whose handler runs the idle balance for the idle CPUs (nohz_idle_balance). */
    void kickIdleBalance() {
        remote.kick = true;
        raise(ipiLine);
    }

    /** Whether a wake-up is queued on this CPU's wake list (ttwu_pending: not idle for placement). */
    boolean wakeupsQueued() {
        return remote.pending() > 0;
    }

    /** The wake list's deadline tasks moved here by a push or pull, not yet enqueued (for {@link DlPushPull}). */
    RemoteWakeups wakeList() {
        return remote;
    }

    /** Queues softirq work of {@code ns}, run on irq exit (not used on PREEMPT_RT, where it is threaded). */
    void raiseSoftirq(long ns, int softBlame) {
        softirqs.add(ns, softBlame);
    }

    @Override
    public void supplyLost(int lostBlame) {
        supplied = false;
        dispatch();
    }

    @Override
    public void supplyRestored() {
        supplied = true;
        dispatch();
    }

    /** Whether this CPU is in nohz_full (its tick may already be stopped when it goes idle). */
    boolean nohzFullCpu() {
        return nohzFull;
    }

    /** NO_HZ: the tick is not taken while this CPU idles, nor on a nohz_full CPU running one task. */
    boolean tickStopped() {
        if (sched.state == CpuScheduler.IDLE && frames.depth() == 0 && pending.size() == 0) {
            return true;
        }
        if (!nohzFull || sched.nrRunning() > 1) {
            return false;
        }
        Task c = sched.current();
        // before the RT KVM change, a SCHED_FIFO task kept the tick running on a nohz_full CPU
        return c == null || c.policy != org.rtvsim.scenario.SchedPolicy.FIFO || kernel.stopTickForFifo;
    }

    // ---------------------------------------------------------------- hosting vCPUs, being a vCPU

    /** Makes this (host) CPU able to run vCPU threads: exits on interrupts, entries, guest supply. */
    public void hostVcpus() {
        if (hosting == null) {
            hosting = new VcpuHosting(this);
        }
    }

    /** Registers a guest CPU that follows this CPU's attribution label while it has no supply. */
    public void addBlameFollower(BlameFollower f) {
        hostVcpus();
        hosting.addFollower(f);
    }

    /**
     * vCPU thread {@code t} leaves guest mode now by its own request (a synchronous exit: HLT, an MSR
     * write, I/O): its guest-mode segment ends and its behaviour is asked for the exit's handling.
     */
    public void endGuestMode(Task t) {
        if (!t.inGuestSegment()) {
            throw new IllegalStateException(t + " is not in guest mode");
        }
        pauseRunning();
        t.seg.remainingNs = 0;
        t.guestExited = true;
        dispatch();
    }

    /** Ends task {@code t}'s current segment now (a poll loop that saw its condition). */
    public void endSegment(Task t) {
        pauseRunning();
        t.seg.remainingNs = 0;
        dispatch();
    }

    /**
     * Number of tasks on this CPU that want to run, the current one included (nr_running; single_task_running()
     * is {@code nrRunning() == 1}).
     */
    public int nrRunning() {
        return sched.nrRunning();
    }

    /** Whether this CPU idles now: no task, no interrupt frame. */
    public boolean idle() {
        return sched.state == CpuScheduler.IDLE && frames.depth() == 0;
    }

    /** When this CPU last went idle (after a task or an interrupt), ns. */
    public long idleSinceNs() {
        return sched.idleSinceNs;
    }

    /** Calls {@code watcher} with every task woken onto this (host) CPU: a halt-polling vCPU stops polling. */
    public void watchWakeups(java.util.function.Consumer<Task> watcher) {
        hostVcpus();
        hosting.addWakeWatcher(watcher);
    }

    void taskWoken(Task t) {
        if (hosting != null) {
            hosting.taskWoken(t);
        }
    }

    /** Replaces this CPU's local APIC timer by an emulated one (a vCPU's, driven by the host). */
    public void useLocalTimer(LocalTimer device) {
        timers.useDevice(device);
    }

    /** The emulated local timer's interrupt is delivered now (guest side of an injection). */
    public void localTimerFired() {
        timers.fired();
    }

    /**
     * An interrupt is due here but still on its way (an exitless guest timer whose host side is late): while
     * this CPU idles meanwhile, its time is charged to {@code blame} rather than to idle.
     */
    public void awaitInterrupt(int blame) {
        if (supplied && frames.depth() == 0 && sched.state == CpuScheduler.IDLE && pending.size() == 0) {
            charge(blame);
        }
    }

    /**
     * As {@link #localTimerFired()}, as a posted interrupt whose handling begins with {@code deliveryNs} charged
     * to {@code blame}.
     */
    public void localTimerPosted(long deliveryNs, int blame) {
        TimerInterrupt handler = (TimerInterrupt) timerLine.handler;
        handler.deliverWith(deliveryNs, blame);
        if (!timers.fired()) {
            handler.deliverWith(0, blame); // nothing due any more: no interrupt to deliver
        }
    }

    /** Whether an interrupt waits to be handled here. */
    public boolean interruptPending() {
        return pending.size() > 0;
    }

    /** Whether a timeline trace wants an event from this CPU now. */
    public boolean tracingWanted() {
        return tracing.wantsNow();
    }

    /** Reports a point event of task {@code t} on this CPU to the trace (its trace id and task name). */
    public void traceInstant(TraceSink.Instant kind, Task t, String detail) {
        tracing.instant(kind, t, detail);
    }

    /** Whether this CPU has supply now. */
    public boolean supplied() {
        return supplied;
    }

    /** Re-charges the time from now to the supply's current reason (the host's label changed). */
    public void supplyReasonChanged() {
        if (!supplied) {
            meter.charge(supply.unavailableBlame());
        }
    }

    /** {@code t}, spinning on a lock on this CPU, has been handed the lock: its spin ends now. */
    void endSpin(Task t) {
        pauseRunning();
        t.seg.remainingNs = 0;
        dispatch();
    }

    // ---------------------------------------------------------------- attribution

    /** Starts charging this CPU's time to {@code w} from now. */
    public void openWindow(AttributionWindow w) {
        meter.open(w);
        w.attachedTo = this;
    }

    /** Stops charging to {@code w}; its charges now cover exactly its open interval. */
    public void closeWindow(AttributionWindow w) {
        meter.close(w);
        w.attachedTo = null;
    }

    void charge(int newBlame) {
        meter.charge(newBlame);
        if (hosting != null) {
            hosting.blameChanged();
        }
    }

    // ---------------------------------------------------------------- the dispatcher (Dispatcher)

    /** The segment that runs when this CPU has supply: the top interrupt frame's, else the current task's. */
    Segment top() {
        if (frames.depth() > 0) {
            return frames.topSegment();
        }
        return sched.top();
    }

    /** Re-decides what runs here now: every change to this CPU's state goes through it ({@link Dispatcher}). */
    void dispatch() {
        dispatcher.dispatch();
    }

    /** The current frequency over the nominal one. */
    public double speed() {
        return clock.speed();
    }

    /**
     * Runs this CPU at {@code factor} × its nominal frequency from now on: segments (CPU work measured at
     * the nominal frequency) take 1/factor as long. A P-state change ({@code cpu_frequency_change}).
     */
    public void setSpeed(double factor) {
        pauseRunning();
        clock.setSpeed(factor);
        dispatch();
    }

    void pauseRunning() {
        clock.pause();
    }

    @Override
    public String toString() {
        return "cpu" + id;
    }
}
