package org.rtvsim.kernel;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.Samplers;
import org.rtvsim.engine.Simulation;
import org.rtvsim.hw.CStates;
import org.rtvsim.hw.Supply;
import org.rtvsim.measure.BlameRegistry;
import org.rtvsim.scenario.KernelSpec;
import org.rtvsim.scenario.Overheads;
import org.rtvsim.scenario.SchedPolicy;

/**
 * One Linux kernel (the host's, or later a guest's), configured by a {@link KernelSpec}: its CPUs,
 * the preemption model's rules, the periodic tick, RT throttling, the tasks it runs, and the
 * attribution labels of its own paths. PREEMPT vs PREEMPT_RT is a configuration value here, never
 * a subclass.
 */
public final class Kernel {
    final Simulation sim;
    private final String path;
    private final KernelSpec spec;
    private final PreemptionRules rules;
    private final BlameRegistry blames;
    private final Cpu[] cpus;
    private final long tickPeriodNs;
    private final long fairSliceNs;
    private final List<Task> tasks = new ArrayList<>();
    private final Locking locking = new Locking(this);
    /** The LLC model, or null (no memory-streaming neighbours: wake-up paths stay warm). */
    org.rtvsim.hw.Cache cache;

    final int blameIdle;
    final int blameSwitch;
    final int blameTimerIrq;
    final int blameIpi;
    final int blameTick;
    /** rt_kvm.stop_tick_for_fifo: a lone SCHED_FIFO task lets a nohz_full CPU stop its tick. */
    final boolean stopTickForFifo;

    /**
     * @param path     component path of this kernel ({@code host}), the prefix of its streams
     * @param supplies one supply per CPU (physical CPUs for the host)
     */
    public Kernel(Simulation sim, String path, KernelSpec spec, Supply[] supplies, CStates cstates,
                  BlameRegistry blames) {
        this.sim = sim;
        this.path = path;
        this.spec = spec;
        this.rules = new PreemptionRules(spec.preempt());
        this.blames = blames;
        boolean none = spec.overheads() == Overheads.NONE;
        this.blameIdle = blames.id("idle");
        this.blameSwitch = blames.id("context switch");
        this.blameTimerIrq = blames.id("timer interrupt entry");
        this.blameIpi = blames.id("reschedule IPI");
        this.blameTick = blames.id("tick");
        this.stopTickForFifo = spec.rtKvm() == null || spec.rtKvm().stopTickForFifo();
        this.tickPeriodNs = (none || spec.hz() <= 0) ? 0 : 1_000_000_000L / spec.hz();
        int n = supplies.length;
        this.fairSliceNs = spec.fairSliceNs() > 0 ? spec.fairSliceNs()
                : 750_000L * (1 + (31 - Integer.numberOfLeadingZeros(Math.min(n, 8))));
        this.cpus = new Cpu[n];
        CStates cs = none ? CStates.none() : cstates;
        for (int i = 0; i < n; i++) {
            KernelCosts costs = new KernelCosts(spec.costs(), spec.overheads(), sim.streams(), path, i);
            cpus[i] = new Cpu(this, i, supplies[i], costs, cs, spec.nohzFull().contains(i));
            if (spec.classicRtThrottling() != null) {
                cpus[i].enableRtThrottling(spec.classicRtThrottling().runtimeNs(), spec.classicRtThrottling().periodNs());
            }
            if (spec.fairServer() != null) {
                cpus[i].bandwidth.enableFairServer(sim, spec.fairServer().runtimeNs(), spec.fairServer().periodNs());
            }
        }
    }

    public Simulation sim() {
        return sim;
    }

    public String path() {
        return path;
    }

    public KernelSpec spec() {
        return spec;
    }

    public PreemptionRules rules() {
        return rules;
    }

    public BlameRegistry blames() {
        return blames;
    }

    public int cpuCount() {
        return cpus.length;
    }

    public Cpu cpu(int i) {
        return cpus[i];
    }

    /** CPUs for tasks and interrupts without an explicit placement: all CPUs minus isolcpus. */
    public CpuSet housekeeping() {
        CpuSet all = CpuSet.range(0, cpus.length);
        CpuSet hk = all.minus(spec.isolcpus());
        return hk.isEmpty() ? all : hk;
    }

    /**
     * Default device-interrupt CPUs: {@code irqaffinity}, else all CPUs (the kernel's default
     * irq affinity; plain {@code isolcpus} does not move interrupts).
     */
    public CpuSet irqCpus() {
        return spec.irqaffinity().isEmpty() ? CpuSet.range(0, cpus.length) : spec.irqaffinity();
    }

    /** Creates a task pinned to {@code cpu}; it starts blocked (see {@link #startTask}). */
    /** The trace pid of a kernel's first task (pids below it are the kernel's own, as on a booted system). */
    static final int FIRST_PID = 1000;

    public Task createTask(String name, SchedPolicy policy, int priority, int cpu, TaskBehaviour behaviour) {
        return createTask(name, policy, priority, cpu, null, behaviour);
    }

    /**
     * Creates a task on {@code cpu} allowed on the CPUs of {@code mask} (null or one CPU: pinned to {@code cpu});
     * with more than one it is placed at each wake-up and balanced ({@link Placement}). It starts blocked.
     */
    public Task createTask(String name, SchedPolicy policy, int priority, int cpu, CpuSet mask,
                           TaskBehaviour behaviour) {
        if (mask != null && (mask.isEmpty() || mask.max() >= cpus.length || !mask.contains(cpu))) {
            throw new IllegalArgumentException(name + ": mask " + mask + " must hold its CPU " + cpu
                    + " and CPUs below " + cpus.length);
        }
        Task t = new Task(name, policy, priority, cpus[cpu], mask, behaviour);
        t.pid = FIRST_PID + tasks.size();
        if (t.migratable() && placement == null) {
            placement = new Placement(this);
        }
        tasks.add(t);
        return t;
    }

    /** Wake-up placement and load balancing: null while no task of this kernel may migrate (all pinned). */
    Placement placement;
    /** GRUB reclaiming: null while no deadline task of this kernel reclaims. */
    Grub grub;

    public List<Task> tasks() {
        return tasks;
    }

    /** Makes switched-in tasks pay the refill of their cache footprint ({@link org.rtvsim.hw.Cache}). */
    public void setCache(org.rtvsim.hw.Cache c) {
        setCache(c, null);
    }

    /**
     * As {@link #setCache(org.rtvsim.hw.Cache)} for a guest: {@code physicalCpuOf[i]} is the host CPU whose
     * cache (and CAT class) guest CPU i's vCPU runs on (null: the CPU itself).
     */
    public void setCache(org.rtvsim.hw.Cache c, int[] physicalCpuOf) {
        this.cache = spec.overheads() == org.rtvsim.scenario.Overheads.NONE ? null : c;
        this.cacheCpus = physicalCpuOf;
    }

    private int[] cacheCpus;

    /** The physical CPU whose LLC ways CPU {@code i} of this kernel uses. */
    int cacheCpuOf(int i) {
        return cacheCpus == null ? i : cacheCpus[i];
    }

    /** Sends this kernel's timeline events to {@code sink} (null: no tracing). */
    public void setTrace(org.rtvsim.measure.TraceSink sink) {
        for (Cpu c : cpus) {
            c.tracing.sink = sink;
        }
    }

    /**
     * As {@link #setTrace(org.rtvsim.measure.TraceSink)} for a guest: its CPU i appears as trace CPU
     * {@code idBase + i} named {@code name + i}, and its tasks' names get {@code name}'s prefix up to the '/'.
     */
    public void setTrace(org.rtvsim.measure.TraceSink sink, int idBase, String vmName) {
        for (Cpu c : cpus) {
            c.tracing.sink = sink;
            c.tracing.traceId = idBase + c.id;
            c.tracing.taskPrefix = vmName + ": ";
            c.tracing.pidBase = idBase * 10;
            if (sink != null) {
                sink.nameCpu(idBase + c.id, vmName + "/vcpu" + c.id);
            }
        }
    }

    /** The trace sink, or null. */
    public org.rtvsim.measure.TraceSink trace() {
        return cpus[0].tracing.sink;
    }

    /** The kernel's locks and lock protocols. */
    public Locking locking() {
        return locking;
    }

    /** {@code t}'s effective priority changed (a PI boost or de-boost): its CPU requeues and reschedules. */
    void priorityChanged(Task t, int oldPriority) {
        t.cpu.sched.priorityChanged(t, oldPriority);
    }

    /**
     * Makes a blocked task runnable, from the context of its own CPU (timer callbacks, its IPI handler); a task
     * that may migrate is placed first (select_task_rq), and reaches another CPU by a reschedule IPI.
     */
    public void wakeLocal(Task t) {
        if (t.mask == null) {
            t.cpu.sched.wake(t);
        } else {
            placement.wake(t, t.cpu);
        }
    }

    /** Wakes a task from elsewhere (another CPU, a device): a reschedule IPI on its CPU. */
    public void wakeRemote(Task t) {
        wakeRemote(t, null);
    }

    /**
     * As {@link #wakeRemote(Task)} from CPU {@code waker} of this kernel (null: a device or an unknown context),
     * the CPU wake_affine weighs against the task's previous one.
     */
    public void wakeRemote(Task t, Cpu waker) {
        if (t.mask == null) {
            t.cpu.wakeFromRemote(t);
        } else {
            placement.wake(t, waker != null && waker.kernel == this ? waker : null);
        }
    }

    /** A new hrtimer on {@code cpu} whose expiry costs {@code kernel.costs.timer_expiry}. */
    public HrTimer newTimer(int cpu, int blame, HrTimer.Callback callback) {
        return new HrTimer(cpus[cpu], blame, cpus[cpu].costs.timerExpiry(), false, callback);
    }

    /** Arms the periodic tick on every CPU, each with its own phase drawn from {@code <path>.tick.phase}. */
    public void start() {
        if (tickPeriodNs <= 0) {
            return;
        }
        var phase = Samplers.of(new org.rtvsim.engine.DistSpec.Uniform(0, tickPeriodNs),
                sim.streams().stream(path + ".tick.phase"));
        for (Cpu c : cpus) {
            HrTimer tick = new HrTimer(c, blameTick, c.costs.tick(), true, t -> {
                rearmTick(t);
                c.sched.tickFired();
                if (placement != null) {
                    placement.balancer.tick(c);
                }
                if (housekeepingWork != null) {
                    housekeepingWork.tick(c);
                }
            });
            tick.start(sim.now() + phase.sampleNs());
        }
    }

    /** TICK_NSEC: the tick period (0 when the kernel has no tick). */
    long tickPeriodNs() {
        return tickPeriodNs;
    }

    void rearmTick(HrTimer t) {
        long next = t.expiresNs + tickPeriodNs;
        long now = sim.now();
        if (next <= now) {
            next += ((now - next) / tickPeriodNs + 1) * tickPeriodNs;
        }
        t.start(next);
    }

    /**
     * The cache refill (ns) of a migrated task's first run on its new CPU when no LLC model is attached: its
     * wake-up footprint read back from the shared LLC, {@code LLC_WAKEUP_LINES × LLC_HIT_LATENCY / LLC_MLP}
     * (the cache model's own defaults, docs/model-reference.md §16b); 0 under {@code overheads: none}.
     */
    long migrationRefillNs() {
        if (spec.overheads() == Overheads.NONE) {
            return 0;
        }
        return Math.round(org.rtvsim.scenario.Defaults.LLC_WAKEUP_LINES
                * (double) org.rtvsim.scenario.Defaults.LLC_HIT_LATENCY_NS / org.rtvsim.scenario.Defaults.LLC_MLP);
    }

    /** task->timer_slack_ns of non-RT tasks ({@code kernel.timer_slack}). */
    long timerSlackNs() {
        return spec.timerSlackNs();
    }

    /** The SCHED_RR timeslice, or a fair task's slice: its own (sched_runtime) or the base slice. */
    long sliceFor(Task t) {
        if (t.policy == SchedPolicy.RR) {
            return spec.rrTimesliceNs();
        }
        return t.customSliceNs > 0 ? t.customSliceNs : fairSliceNs;
    }

    /** TICK_NSEC: one jiffy (1 s / hz), which bounds the lag a fair task keeps (update_entity_lag). */
    long tickNs() {
        return spec.hz() > 0 ? 1_000_000_000L / spec.hz() : 0;
    }

    /** Registers a device interrupt on {@code cpu}; see {@link DeviceInterrupt}. */
    public DeviceInterrupt deviceInterrupt(String name, int cpu, org.rtvsim.engine.Sampler handlerNs,
                                           org.rtvsim.engine.Sampler softirqNs, int threadPriority) {
        return new DeviceInterrupt(this, name, cpus[cpu], handlerNs, softirqNs, threadPriority);
    }
    private StopMachine[] stoppers;
    private FunctionCallIpi[] callIpis;

    /**
     * stop_machine: every CPU runs the stopper with interrupts off for {@code durationNs}, all starting
     * now (a CPU inside an interrupts-off section starts when it ends); see {@link StopMachine}.
     */
    public void stopMachine(long durationNs, int blame) {
        for (int i = 0; i < cpus.length; i++) {
            irqsOff(i, durationNs, blame);
        }
    }

    /** {@code cpu} runs with interrupts off for {@code durationNs} from now (a P-state transition stall). */
    public void irqsOff(int cpu, long durationNs, int blame) {
        if (stoppers == null) {
            stoppers = new StopMachine[cpus.length];
        }
        if (stoppers[cpu] == null) {
            stoppers[cpu] = new StopMachine(cpus[cpu]);
        }
        stoppers[cpu].add(durationNs, blame);
        stoppers[cpu].raise();
    }

    /**
     * A call-function IPI to {@code cpu} (TLB shootdown, text_poke_sync): interrupt entry and a handler
     * drawn from {@code handlerNs}, or {@code costs.ipi} of that CPU when null; see {@link FunctionCallIpi}.
     */
    public void callFunctionIpi(int cpu, org.rtvsim.engine.Sampler handlerNs, int blame) {
        if (callIpis == null) {
            callIpis = new FunctionCallIpi[cpus.length];
        }
        if (callIpis[cpu] == null) {
            callIpis[cpu] = new FunctionCallIpi(cpus[cpu]);
        }
        Cpu c = cpus[cpu];
        FunctionCallIpi ipi = callIpis[cpu];
        ipi.add(c.costs.irqEntry().sampleNs(), blame);
        ipi.add((handlerNs != null ? handlerNs : c.costs.ipi()).sampleNs(), blame);
        ipi.raise();
    }

    /** The housekeeping work the tick drives on this kernel's CPUs, or null (set by {@link Housekeeping}). */
    Housekeeping housekeepingWork;

    /** The stock-kernel section sources of this kernel, or null (set by {@link StockSections}). */
    StockSections stockSections;
}
