package org.rtvsim.scenario;

import java.util.List;
import java.util.Map;
import org.rtvsim.engine.DistSpec;

/**
 * The default of every scenario key that has one, with its source. Times in ns, sizes in bytes,
 * frequencies in Hz. Source tags: [K] kernel source or documentation, [V] the seed talk or a vendor
 * wiki, [B] a benchmark or measurement thread, [R] a reasoned assumption to calibrate.
 */
public final class Defaults {
    /** Replications are at most this many (docs/errors.md): each keeps its result in memory (assumption). */
    public static final int MAX_REPLICATIONS = 10_000;

    private Defaults() {
    }

    // ---- top level
    /** Seed of replication 0. */
    public static final long SEED = 1;
    /** Measured simulated time: 10 s. */
    public static final long DURATION_NS = 10_000_000_000L;
    /** Discarded simulated warm-up: 100 ms. */
    public static final long WARMUP_NS = 100_000_000L;
    public static final int REPLICATIONS = 1;
    public static final String DESCRIPTION = "";

    // ---- hardware
    public static final int CPUS = 4;
    public static final boolean SMT = false;
    /** [V] the seed talk's Ivy Bridge at 2.4 GHz. */
    public static final double FREQ_HZ = 2.4e9;
    /** [R] assumption: Xeon E5-2695 v2 class, 30 MiB, 20 ways. */
    public static final long LLC_SIZE_BYTES = 30L * 1024 * 1024;
    /** [R] assumption: Xeon E5-2695 v2 class. */
    public static final int LLC_WAYS = 20;
    /** [B] Intel MLC community thread: idle load-to-use latency 82–85 ns. */
    /**
     * [R] assumption: lines a wake-up path touches (task_struct, stacks, run queue, timer, the task's own
     * data); model-parameters.md Known unknowns suggests 100–300.
     */
    public static final int LLC_WAKEUP_LINES = 200;
    /**
     * [R] assumption: overlapping misses on the wake-up path, chosen so that a fully cold wake-up costs
     * 200 · 85 ns / 3 ≈ 5.7 µs, inside the 4–8 µs cold-cache penalty derived from timerlat-tracer.rst
     * (model-parameters.md §9).
     */
    public static final double LLC_MLP = 3.0;
    public static final long DRAM_LATENCY_NS = 85;
    /** [R] assumption: 256 KiB private L2 per core, Ivy Bridge-EP (Xeon E5-2695 v2 class). */
    public static final long L2_SIZE_BYTES = 256L * 1024;
    /** [R] model-parameters.md Known unknowns: an L3 hit costs about 20 ns. */
    public static final long LLC_HIT_LATENCY_NS = 20;
    /** [R] assumption: mean length of a cache_hog's streaming burst when its duty is below 1. */
    public static final long CACHE_HOG_BURST_NS = 10_000_000;
    /** [K] intel_idle.c Skylake-SP table: exit latency C1 2 us, C1E 10 us, C6 133 us. */
    public static final Map<String, Long> CSTATE_EXIT_LATENCY_NS = ordered("C1", 2_000L, "C1E", 10_000L,
            "C6", 133_000L);
    /** [K] intel_idle.c Skylake-SP table: target residency C1 2 us, C1E 20 us, C6 600 us. */
    public static final Map<String, Long> CSTATE_TARGET_RESIDENCY_NS = ordered("C1", 2_000L, "C1E", 20_000L,
            "C6", 600_000L);
    /** [K] intel_idle ACPI _CST fallback: target residency = 3 × exit latency when not given. */
    public static final int RESIDENCY_PER_EXIT_LATENCY = 3;
    /** Deepest allowed C-state: all of the table. */
    public static final String MAX_CSTATE = "C6";
    /**
     * [K] cpuidle picks the registered governor with the highest rating: menu 20 (menu.c), teo 19 (teo.c),
     * ladder 10; distribution kernels build both menu and teo, so menu is the default.
     */
    public static final String CSTATE_GOVERNOR = "menu";
    /**
     * Factor on the table's exit latency per exit, capped at 1 (the table value is the driver's worst case).
     * Mean 0.5: [K] teo.c takes "1/2 of the exit latency as a very rough approximation of the average";
     * lognormal with sigma 0.5 [R] assumption, so the median is 0.5 / exp(0.5²/2) ≈ 0.441.
     */
    public static final org.rtvsim.engine.DistSpec CSTATE_EXIT_FRACTION =
            new org.rtvsim.engine.DistSpec.Lognormal(0.5 / Math.exp(0.125), 0.5, 1.0);
    public static final Clocksource CLOCKSOURCE = Clocksource.TSC;

    // ---- kernel (host and guest)
    /** [R] assumption: distribution kernels' usual boot default. */
    public static final PreemptModel PREEMPT = PreemptModel.VOLUNTARY;
    /** [K] the osnoise tracer documentation's example runs at HZ=1000. */
    public static final int HZ = 1000;
    /** [K] Documentation/scheduler/sched-rt-group.rst: sched_rt_runtime_us 950000. */
    public static final long RT_RUNTIME_NS = 950_000_000L;
    /** [K] Documentation/scheduler/sched-rt-group.rst: sched_rt_period_us 1000000. */
    public static final long RT_PERIOD_NS = 1_000_000_000L;
    /** [K] kernel/sched/fair.c fair_server_init (v6.12): dl_runtime 50 ms of the fair server. */
    public static final long FAIR_SERVER_RUNTIME_NS = 50_000_000L;
    /** [K] kernel/sched/fair.c fair_server_init (v6.12): dl_deadline = dl_period 1000 ms. */
    public static final long FAIR_SERVER_PERIOD_NS = 1_000_000_000L;
    public static final Overheads OVERHEADS = Overheads.DEFAULT;
    /** [R] assumption, to calibrate: longest kernel run between two cond_resched() points. */
    public static final long COND_RESCHED_GAP_NS = 250_000L;
    /**
     * [K] init/init_task.c {@code .timer_slack_ns = 50000}: the slack every non-RT task inherits; kernel/time/hrtimer.c
     * hrtimer_nanosleep uses 0 for RT and deadline tasks.
     */
    public static final long TIMER_SLACK_NS = 50_000L;

    /** [K] RR_TIMESLICE = 100 ms (include/linux/sched/rt.h). */
    public static final long RR_TIMESLICE_NS = 100_000_000L;
    /** 0 = derived by the kernel model from the CPU count (sysctl_sched_base_slice scaling). */
    public static final long FAIR_SLICE_NS = 0;
    /** [V] Linux Foundation RT wiki (threadirq): IRQ threads run SCHED_FIFO 50. */
    public static final int IRQ_THREAD_PRIORITY = 50;
    // rt_kvm defaults describe a current kernel; scenarios/kvm-stock-host.yaml sets the talk-era stock values
    /** [R] merged upstream after the talk (Linux 4.x): guest mode counts as an RCU extended quiescent state. */
    public static final boolean RT_KVM_EXTENDED_RCU_QS_IN_GUEST = true;
    /** [K] arch/x86/kvm/x86.c: kvmclock_periodic_sync module parameter defaults to true. */
    public static final boolean RT_KVM_KVMCLOCK_PERIODIC_SYNC = true;
    /** [K] kernel/sched/core.c sched_can_stop_tick(): a lone SCHED_FIFO task lets a nohz_full CPU stop its tick. */
    public static final boolean RT_KVM_STOP_TICK_FOR_FIFO = true;
    /** [K] arch/x86/kvm/lapic.c: lapic_timer_advance defaults on, adaptive from 1000 ns; "adaptive" or a duration. */
    public static final String RT_KVM_TIMER_ADVANCE = "adaptive";

    // ---- kernel housekeeping (model-reference.md §7b)
    /** [R] assumption: RCU callback batches per CPU per second (no published rate; calibrate). */
    public static final double HK_RCU_RATE_HZ = 50;
    /**
     * [R] model-parameters.md Known unknowns: 50–200 ns per callback, rcutree.blimit 10 per batch ⇒ 1–2 µs;
     * capped at 50 µs.
     */
    public static final DistSpec HK_RCU_DURATION = new DistSpec.Lognormal(1_500, 0.5, 50_000);
    /** [R] vm.stat_interval = 1 s (Documentation/admin-guide/sysctl/vm.rst). */
    public static final long HK_VMSTAT_INTERVAL_NS = 1_000_000_000L;
    /** [R] assumption: vmstat_update folds a few per-CPU counters: a few µs. */
    public static final DistSpec HK_VMSTAT_DURATION = new DistSpec.Lognormal(3_000, 0.5, 50_000);
    /**
     * [R] assumption: per-CPU workqueue items per housekeeping CPU per second, in the 0–41 thread
     * interruptions per second of the osnoise example ([K] osnoise-tracer.rst).
     */
    public static final double HK_KWORKER_RATE_HZ = 10;
    /** [R] assumption: unbound workqueue items per second, spread over the housekeeping CPUs. */
    public static final double HK_KWORKER_UNBOUND_RATE_HZ = 10;
    /** [R] assumption: "duration µs–ms" (model-parameters.md §7): lognormal(10 µs, 1.0), cap 1 ms. */
    public static final DistSpec HK_KWORKER_DURATION = new DistSpec.Lognormal(10_000, 1.0, 1_000_000);
    /** [K] osnoise-tracer.rst example: 16–49 softirqs per CPU per second; taken as 25 timer-wheel expiries. */
    public static final double HK_TIMER_SOFTIRQ_RATE_HZ = 25;
    /** [R] assumption: one timer-wheel callback batch, about 1 µs. */
    public static final DistSpec HK_TIMER_SOFTIRQ_DURATION = new DistSpec.Lognormal(1_000, 0.5, 50_000);

    // ---- stock-kernel sections (model-reference.md §7c); every source is off unless a scenario turns it on
    /** [R] assumption: NIC / block interrupts with softirq work per CPU per second under network or block load. */
    public static final double STOCK_SOFTIRQ_RATE_HZ = 1_000;
    /**
     * NET_RX / block softirq batch: body lognormal(10 µs, 0.8) and 5 % pareto(50 µs, 1.5) are assumptions; cap 2 ms
     * = MAX_SOFTIRQ_TIME ([K] kernel/softirq.c), also net.core.netdev_budget_usecs at HZ 1000 ([K] net/core/dev.c).
     */
    public static final DistSpec STOCK_SOFTIRQ_LENGTH = new DistSpec.Mixture(new DistSpec.Lognormal(10_000, 0.8, 2_000_000),
            new DistSpec.Pareto(50_000, 1.5, 2_000_000), 0.05);
    /** [R] assumption: RCU callback floods (a queue above qhimark) per CPU per second. */
    public static final double STOCK_RCU_RATE_HZ = 0.1;
    /**
     * Derived: qhimark 10 000 callbacks × 50–200 ns per callback ([R] model-parameters.md §2, Known unknowns)
     * = 0.5–2 ms: lognormal(1 ms, 0.35), cap 2 ms.
     */
    public static final DistSpec STOCK_RCU_LENGTH = new DistSpec.Lognormal(1_000_000, 0.35, 2_000_000);
    /** [R] assumption: direct reclaim / compaction stalls per CPU per second under memory pressure. */
    public static final double STOCK_RECLAIM_RATE_HZ = 1;
    /** [R] assumption: lognormal(100 µs, 1.0), cap 20 ms (the NONE cap of the NPS prior, model-parameters.md). */
    public static final DistSpec STOCK_RECLAIM_LENGTH = new DistSpec.Lognormal(100_000, 1.0, 20_000_000);
    /** [R] assumption: one console line every 10 s, for the whole kernel. */
    public static final double STOCK_PRINTK_RATE_HZ = 0.1;
    /** Derived: 80 characters × 10 bits at 115 200 baud = 80 × 86.8 µs = 6.94 ms (the 80-character line is an assumption). */
    public static final DistSpec STOCK_PRINTK_LENGTH = new DistSpec.Fixed(80 * 10 * 1e9 / 115_200);
    /** [R] assumption: long driver irqs-off regions per CPU per second. */
    public static final double STOCK_IRQOFF_RATE_HZ = 10;
    /**
     * Driver irqs-off region: lognormal(30 µs, 0.6), cap 260 µs, shaped on [K] Documentation/trace/ftrace.rst's
     * irqsoff examples (16, 71 µs in ata_scsi_queuecmd, 259 µs) and [M] the 100 µs e1000_update_stats trace of
     * the irqsoff tracer's LKML posting (2008); the median is an assumption.
     */
    public static final DistSpec STOCK_IRQOFF_LENGTH = new DistSpec.Lognormal(30_000, 0.6, 260_000);

    // ---- kernel costs (lognormal, ns)
    /** [R] assumption: part of the 0.77–2.8 us timer IRQ latency in timerlat-tracer.rst. */
    public static final DistSpec COST_IRQ_ENTRY = new DistSpec.Lognormal(500, 0.3, 0);
    /** [K] osnoise-tracer.rst: timer handler 1.8–2.8 us incl. expiry and wake-up, minus the entry. */
    public static final DistSpec COST_TIMER_EXPIRY = new DistSpec.Lognormal(1_500, 0.4, 0);
    /** [B] 1.07 us thread switch measurement. */
    public static final DistSpec COST_CONTEXT_SWITCH = new DistSpec.Lognormal(1_100, 0.3, 0);
    /** [K]-derived: wake-up + switch + return 2.3–10.8 us (timerlat). */
    public static final DistSpec COST_RETURN_TO_USER = new DistSpec.Lognormal(600, 0.6, 0);
    /** [K] osnoise: tick 1.8–2.8 us idle, 7–12 us loaded; capped at 12 us. */
    public static final DistSpec COST_TICK = new DistSpec.Lognormal(2_200, 0.35, 12_000);
    /** [R] known unknowns. */
    public static final DistSpec COST_IPI = new DistSpec.Lognormal(1_000, 0.3, 0);
    /** [R] 1–3 us for a primary handler that only wakes the IRQ thread. */
    public static final DistSpec COST_IRQ_THREAD_STUB = new DistSpec.Lognormal(1_500, 0.4, 0);
    /** [R] known unknowns: try_to_wake_up about 0.5 us; charged per task enqueued by a reschedule IPI. */
    public static final DistSpec COST_WAKEUP = new DistSpec.Lognormal(500, 0.3, 0);
    /** [R] model-parameters.md §8: minor fault (anonymous zero page, 4 KiB) ~0.5–2 µs. */
    public static final DistSpec COST_PAGE_FAULT_MINOR = new DistSpec.Lognormal(1_000, 0.4, 0);
    /** [R] model-parameters.md §8: major fault ~10–100 µs on NVMe, ms on a disk; capped at 10 ms. */
    public static final DistSpec COST_PAGE_FAULT_MAJOR = new DistSpec.Lognormal(50_000, 0.8, 10_000_000);
    /**
     * [R] assumption: without mlockall, the chance that a cyclictest wake-up touches a page it must fault
     * in (reclaimed or never touched) — no published rate was found; calibrate.
     */
    public static final double CYCLICTEST_MINOR_FAULT_P = 0.01;
    /** [R] assumption: the chance that such a fault is a major one (the page is read back from storage). */
    public static final double CYCLICTEST_MAJOR_FAULT_P = 0.0001;

    // ---- measure
    /** Histogram bucket 1 us, like cyclictest -h. */
    public static final long HISTOGRAM_BUCKET_NS = 1_000;
    public static final int HISTOGRAM_BUCKETS = 1000;
    public static final List<Double> PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9, 99.99, 99.999);
    public static final boolean ATTRIBUTION = true;
    public static final String TRACE_AROUND = "max";

    // ---- cyclictest (cyclictest's own defaults)
    public static final int CYCLICTEST_THREADS = 1;
    public static final int CYCLICTEST_PRIORITY = 0;
    /** -i 1000 us. */
    public static final long CYCLICTEST_INTERVAL_NS = 1_000_000L;
    /** -d 0 (the brief's default; cyclictest itself uses 500 us only with -t). */
    public static final long CYCLICTEST_DISTANCE_NS = 0;
    public static final boolean CYCLICTEST_MLOCK = false;
    /** cyclictest writes 0 to /dev/cpu_dma_latency by default. */
    public static final long CYCLICTEST_LATENCY_TARGET_NS = 0;

    // ---- periodic tasks
    public static final SchedPolicy TASK_POLICY = SchedPolicy.FIFO;
    public static final int TASK_CPU = 0;
    public static final long TASK_OFFSET_NS = 0;

    // ---- kernel_activity
    public static final int KERNEL_ACTIVITY_TASKS = 2;
    /**
     * [R] assumption: kernel_activity spreads its spinlock and raw_spinlock sections over 8 locks of each
     * kind, shared by its tasks on all CPUs, so sections on different CPUs sometimes contend (no published
     * lock-contention rates were found; calibrate).
     */
    static final int KERNEL_ACTIVITY_LOCKS = 8;
    public static final String KERNEL_ACTIVITY_PROFILE = "hackbench";
    public static final List<String> KERNEL_ACTIVITY_PROFILES = List.of("idle", "hackbench", "io", "compile");
    /** NaN = not set: the profile decides. */
    public static final double SLEEP_PROBABILITY = Double.NaN;
    public static final double SEGMENT_PROBABILITY = 1.0;

    // ---- device_irq
    /** [R] assumption; timerlat shows a 7.1 us virtual-GPU handler. */
    public static final DistSpec DEVICE_IRQ_HANDLER = new DistSpec.Lognormal(3_000, 0.5, 0);

    // ---- emulated_io
    /** [R] assumption: QEMU's device emulation runs under the big QEMU lock unless a device opts out. */
    public static final boolean EMULATED_IO_NEEDS_BQL = true;

    // ---- vms
    public static final SchedPolicy VCPU_POLICY = SchedPolicy.FIFO;
    public static final int VCPU_PRIORITY = 1;
    public static final String VM_IDLE = "halt";
    /** [K] KVM_HALT_POLL_NS_DEFAULT on x86: 200000 ns. */
    public static final long HALT_POLL_NS = 200_000L;
    /** [K] virt/kvm/kvm_main.c halt_poll_ns_grow: the window doubles. */
    public static final int HALT_POLL_GROW = 2;
    /** [K] virt/kvm/kvm_main.c halt_poll_ns_grow_start: 10000 ns. */
    public static final long HALT_POLL_GROW_START_NS = 10_000L;
    /**
     * [K] virt/kvm/kvm_main.c halt_poll_ns_shrink: 2 (halves) since "KVM: enable halt polling shrink parameter by
     * default" (Parshuram Sangle, posted 2023-11); 0 (reset to 0) before.
     */
    public static final int HALT_POLL_SHRINK = 2;
    /** vms[].vmm: qemu keeps the model's qemu process (BQL, main loop). */
    public static final String VMM = "qemu";
    /** [K] drivers/cpuidle/cpuidle-haltpoll.c loads only with KVM_HINTS_REALTIME (or force=1): off in most guests. */
    public static final boolean GUEST_HALTPOLL = false;
    /** [K] Documentation/virt/guest-halt-polling.rst: guest_halt_poll_ns 200000. */
    public static final long GUEST_HALT_POLL_NS = 200_000L;
    /** [K] guest_halt_poll_grow 2. */
    public static final int GUEST_HALT_POLL_GROW = 2;
    /** [K] guest_halt_poll_shrink 2. */
    public static final int GUEST_HALT_POLL_SHRINK = 2;
    /** [K] guest_halt_poll_grow_start 50000 ns. */
    public static final long GUEST_HALT_POLL_GROW_START_NS = 50_000L;
    /** [K] guest_halt_poll_allow_shrink Y. */
    public static final boolean GUEST_HALT_POLL_ALLOW_SHRINK = true;

    // ---- host.kvm (lognormal, ns); at 2.4 GHz 1 us = 2,400 cycles
    /**
     * [M] AMD SVM VMRUN to #VMEXIT round trip 1,340-1,380 cycles (0.56 us at 2.4 GHz); [R] an Intel light exit
     * plus entry 1-2 us with mitigations. The exit half of a ~1 us round trip.
     */
    public static final DistSpec KVM_VM_EXIT = new DistSpec.Lognormal(500, 0.2, 0);
    /** [M] Haswell: 700+ cycles from the end of wait_lapic_expire to the world switch, plus request checks [R]. */
    public static final DistSpec KVM_VM_ENTRY = new DistSpec.Lognormal(400, 0.2, 0);
    /** [R] assumption: apic_timer_fn / the preemption-timer exit handler and the injection bookkeeping. */
    public static final DistSpec KVM_TIMER_INJECTION = new DistSpec.Lognormal(300, 0.3, 0);
    /** [R] assumption: handling of the TSC-deadline MSR write (programming the preemption timer). */
    public static final DistSpec KVM_MSR_WRITE = new DistSpec.Lognormal(300, 0.3, 0);
    /** [R] assumption: HLT exit handling before polling or scheduling out. */
    public static final DistSpec KVM_HALT = new DistSpec.Lognormal(300, 0.3, 0);
    /** [R] assumption: handling of a kick (a request IPI) on exit. */
    public static final DistSpec KVM_IPI_KICK = new DistSpec.Lognormal(200, 0.3, 0);
    /** [R] known unknowns: an exit to qemu userspace is 5-15 us round trip, of which exit and entry are ~1 us. */
    public static final DistSpec KVM_QEMU_EXIT = new DistSpec.Lognormal(5_000, 0.4, 0);
    /** [R] known unknowns: kvmclock sync 2-5 us per vCPU including the kick and the exit. */
    public static final DistSpec KVM_KVMCLOCK_UPDATE = new DistSpec.Lognormal(2_000, 0.3, 0);
    /** [K] arch/x86/kvm/x86.c: KVMCLOCK_SYNC_PERIOD = 300 * HZ. */
    public static final long KVMCLOCK_SYNC_NS = 300_000_000_000L;
    /** [K] kvm_intel.preemption_timer defaults to Y (VMX preemption timer for TSC-deadline, since 2016). */
    public static final boolean KVM_HV_TIMER = true;
    /**
     * [R] assumption: 10 RCU grace periods per second on a lightly loaded host; each needs a quiescent state
     * from a nohz_full CPU that stays in guest mode, which RCU forces with an IPI unless
     * rt_kvm.extended_rcu_qs_in_guest counts guest mode as an extended quiescent state.
     */
    public static final double KVM_RCU_GP_RATE_HZ = 10.0;
    /**
     * [K] arch/x86/kvm/x86.c: {@code pi_inject_timer = -1}, which kvm_init turns into
     * housekeeping_enabled(HK_TYPE_TIMER), i.e. on exactly when nohz_full is in use (exitless timer, 5.3).
     */
    public static final String KVM_PI_INJECT_TIMER = "auto";
    /**
     * [R] assumption: delivery of a posted interrupt (the notification IPI from the housekeeping CPU to the
     * vCPU's CPU, processed by the CPU without an exit); of the order of a receiver's IPI hardirq for TLB
     * shootdowns, 0.5-1 us, without the handler.
     */
    public static final DistSpec KVM_POSTED_INTERRUPT = new DistSpec.Lognormal(500, 0.3, 0);
    /** qemu's default: without {@code -overcommit cpu-pm=on} a guest's HLT, MWAIT and PAUSE exit. */
    public static final boolean VM_CPU_PM = false;

    // ---- vms[].qemu
    public static final SchedPolicy QEMU_IO_POLICY = SchedPolicy.OTHER;
    public static final boolean QEMU_BQL_PI = false;
    /** [R] assumption (no published BQL measurement): the main loop takes the BQL 100 times a second. */
    public static final double QEMU_MAIN_LOOP_RATE_HZ = 100.0;
    /**
     * [R] known unknowns: BQL hold body 2-20 us, tail 0.1-1 ms (QMP, dirty sync, block completions); a lognormal of
     * median 10 us and sigma 1 puts p99 near 100 us; capped at 1 ms.
     */
    public static final DistSpec QEMU_MAIN_LOOP_HOLD = new DistSpec.Lognormal(10_000, 1.0, 1_000_000);

    private static Map<String, Long> ordered(Object... kv) {
        java.util.LinkedHashMap<String, Long> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Long) kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
