package org.rtvsim.kernel;

import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Phase;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.StreamRegistry;
import org.rtvsim.scenario.HousekeepingSpec;
import org.rtvsim.scenario.Overheads;
import org.rtvsim.scenario.PreemptModel;

/**
 * The kernel's own per-CPU housekeeping work, placed where the kernel configuration lets it land
 * (times in ns, rates per second). One per kernel; the model builder creates it.
 *
 * <ul>
 *   <li><b>RCU callbacks</b>: batches arrive per CPU as a Poisson stream and are invoked from the tick
 *       (rcu_sched_clock_irq → RCU_SOFTIRQ): only arrivals during the jiffy before a tick the CPU takes
 *       count (a CPU whose tick is stopped runs no code that queues callbacks). Not {@code rt}: RCU
 *       softirq on the tick's irq exit. {@code rt} (use_softirq = 0): the per-CPU {@code rcuc/N}
 *       kthread at {@code rcutree.kthread_prio}. CPUs in {@code rcu_nocbs} or {@code nohz_full}
 *       (which implies it) get none: their batches run in {@code rcuop/N} on a housekeeping CPU.
 *   <li><b>vmstat</b>: vmstat_update in {@code kworker/N:1} at the first tick after every interval (a
 *       deferrable timer), on every CPU except {@code nohz_full} ones (quiet, never due).
 *   <li><b>kworker</b>: Poisson work items on each workqueue CPU (not {@code isolcpus}, not
 *       {@code nohz_full}) in its {@code kworker/N:1}, plus unbound items spread over them in
 *       {@code kworker/u:N}; queued from elsewhere, so the worker is woken by a reschedule IPI.
 *   <li><b>timer softirq</b>: timer-wheel expiries per CPU (Poisson), run like RCU at the tick: TIMER
 *       softirq, or {@code ksoftirqd/N} (SCHED_OTHER) on {@code rt}.
 * </ul>
 *
 * <p>Inert under {@code overheads: none} or {@code housekeeping: off}. Each source draws from its own
 * streams ({@code PREFIX.housekeeping.rcu.cpuN.arrivals}, …), so adding housekeeping changes no other
 * component's numbers.
 *
 * @see <a href="https://docs.kernel.org/admin-guide/kernel-per-CPU-kthreads.html">kernel-per-CPU-kthreads.rst</a>
 */
public final class Housekeeping {
    /** The sources, for the per-CPU counters. */
    public enum Source { RCU, VMSTAT, KWORKER, TIMER_SOFTIRQ }

    private static final int KW_VMSTAT = 0;
    private static final int KW_ITEM = 1;

    private final Kernel kernel;
    private final String path;
    private final boolean active;
    private final boolean threaded;
    private final long tickPeriodNs;
    private final PerCpu[] cpus;
    private final long[][] counts;
    private final CpuSet wqCpus;
    private final HousekeepingSpec spec;
    private KthreadWork[] unbound;
    private UnboundArrival unboundArrival;

    /**
     * @param prefix the kernel's component path ({@code host}, a guest's path): streams are named
     *               {@code prefix.housekeeping.…}
     */
    public Housekeeping(Kernel kernel, HousekeepingSpec spec, String prefix) {
        this.kernel = kernel;
        this.spec = spec;
        this.path = prefix + ".housekeeping";
        this.active = spec != null && kernel.spec().overheads() != Overheads.NONE;
        this.threaded = kernel.spec().preempt() == PreemptModel.RT;
        this.tickPeriodNs = 1_000_000_000L / Math.max(1, kernel.spec().hz());
        int n = kernel.cpuCount();
        this.cpus = new PerCpu[n];
        this.counts = new long[Source.values().length][n];
        CpuSet wq = CpuSet.range(0, n).minus(kernel.spec().isolcpus()).minus(kernel.spec().nohzFull());
        this.wqCpus = wq.isEmpty() ? kernel.housekeeping() : wq;
        if (!active) {
            return;
        }
        CpuSet all = CpuSet.range(0, n); // rcu_nocbs ∪ nohz_full (nohz_full implies offloading, rcu_init_nohz)
        CpuSet offloaded = all.minus(all.minus(kernel.spec().rcuNocbs()).minus(kernel.spec().nohzFull()));
        CpuSet hkAll = kernel.housekeeping().minus(offloaded);
        int[] rcuoHosts = (hkAll.isEmpty() ? kernel.housekeeping() : hkAll).toArray();
        int placed = 0;
        for (int i = 0; i < n; i++) {
            int host = offloaded.contains(i) ? rcuoHosts[placed++ % rcuoHosts.length] : i;
            cpus[i] = new PerCpu(i, offloaded.contains(i), host);
        }
        kernel.housekeepingWork = this;
        if (spec.kworker() != null && spec.kworker().unboundRateHz() > 0) {
            int[] wqArr = wqCpus.toArray();
            unbound = new KthreadWork[n];
            for (int c : wqArr) {
                unbound[c] = new KthreadWork(kernel, "kworker/u:" + c, 0, c,
                        new Sampler[] {sampler(spec.kworker().duration(), "kworker.unbound.duration")},
                        new int[] {kernel.blames().id("kworker (unbound): work item")});
            }
            unboundArrival = new UnboundArrival(wqArr);
        }
    }

    /** Arms the event-driven sources (kworker items, offloaded RCU batches) from now. */
    public void start() {
        if (!active) {
            return;
        }
        for (PerCpu p : cpus) {
            p.start();
        }
        if (unboundArrival != null) {
            unboundArrival.next();
        }
    }

    /** Pieces of {@code source} that ran (or were raised) on {@code cpu} so far. */
    public long runs(Source source, int cpu) {
        return counts[source.ordinal()][cpu];
    }

    /** Called from the tick's handler on {@code c} (hardirq context, after the scheduler's tick work). */
    void tick(Cpu c) {
        PerCpu p = cpus[c.id];
        if (p != null) {
            p.tick(c.now());
        }
    }

    private Sampler sampler(DistSpec d, String name) {
        return Samplers.of(d, streams().stream(path + "." + name));
    }

    private StreamRegistry streams() {
        return kernel.sim().streams();
    }

    private Sampler exponential(double rateHz, String name) {
        return sampler(new DistSpec.Exponential(1e9 / rateHz), name);
    }

    /** Poisson arrivals counted lazily: the arrivals of the jiffy before {@code nowNs}. */
    private final class LazyPoisson {
        private final Sampler gap;
        private long nextNs;

        LazyPoisson(double rateHz, String name) {
            gap = exponential(rateHz, name);
            nextNs = gap.sampleNs();
        }

        int countUpTo(long nowNs) {
            long from = nowNs - tickPeriodNs;
            while (nextNs <= from) { // the tick was stopped: nothing ran here to queue this work
                nextNs += Math.max(1, gap.sampleNs());
            }
            int n = 0;
            while (nextNs <= nowNs) {
                n++;
                nextNs += Math.max(1, gap.sampleNs());
            }
            return n;
        }
    }

    /** One CPU's sources and kthreads. */
    private final class PerCpu {
        final int id;
        final Cpu cpu;
        final boolean offloaded;
        LazyPoisson rcuArrivals;
        Sampler rcuLength;
        int rcuBlame;
        KthreadWork rcuThread;
        RcuoArrival rcuoArrival;
        LazyPoisson timerArrivals;
        Sampler timerLength;
        int timerBlame;
        KthreadWork ksoftirqd;
        long vmstatDueNs = Long.MAX_VALUE;
        KthreadWork kworker;
        KworkerArrival kworkerArrival;

        PerCpu(int i, boolean offloaded, int rcuoHost) {
            this.id = i;
            this.cpu = kernel.cpu(i);
            this.offloaded = offloaded;
            String c = ".cpu" + i;
            int rcuPrio = spec.effectiveRcuKthreadPrio(kernel.spec().preempt());
            if (spec.rcuCallbacks() != null) {
                rcuLength = sampler(spec.rcuCallbacks().duration(), "rcu" + c + ".duration");
                if (offloaded) {
                    rcuBlame = kernel.blames().id("rcuop/" + i + ": RCU callbacks (offloaded)");
                    rcuThread = new KthreadWork(kernel, "rcuop/" + i, rcuPrio, rcuoHost,
                            new Sampler[] {rcuLength}, new int[] {rcuBlame});
                    rcuoArrival = new RcuoArrival(this, exponential(spec.rcuCallbacks().rateHz(), "rcu" + c + ".arrivals"));
                } else {
                    rcuArrivals = new LazyPoisson(spec.rcuCallbacks().rateHz(), "rcu" + c + ".arrivals");
                    if (threaded) {
                        rcuBlame = kernel.blames().id("rcuc/" + i + ": RCU callbacks");
                        rcuThread = new KthreadWork(kernel, "rcuc/" + i, rcuPrio, i, new Sampler[] {rcuLength},
                                new int[] {rcuBlame});
                    } else {
                        rcuBlame = kernel.blames().id("RCU softirq: callbacks");
                    }
                }
            }
            if (spec.timerSoftirq() != null) {
                timerArrivals = new LazyPoisson(spec.timerSoftirq().rateHz(), "timer_softirq" + c + ".arrivals");
                timerLength = sampler(spec.timerSoftirq().duration(), "timer_softirq" + c + ".duration");
                if (threaded) {
                    timerBlame = kernel.blames().id("ksoftirqd/" + i + ": timer-wheel callbacks");
                    ksoftirqd = new KthreadWork(kernel, "ksoftirqd/" + i, 0, i, new Sampler[] {timerLength},
                            new int[] {timerBlame});
                } else {
                    timerBlame = kernel.blames().id("TIMER softirq: timer-wheel callbacks");
                }
            }
            boolean vmstat = spec.vmstat() != null && !kernel.spec().nohzFull().contains(i);
            boolean items = spec.kworker() != null && spec.kworker().rateHz() > 0 && wqCpus.contains(i);
            if (vmstat || items) {
                Sampler vmLen = vmstat ? sampler(spec.vmstat().duration(), "vmstat" + c + ".duration") : null;
                Sampler itemLen = items ? sampler(spec.kworker().duration(), "kworker" + c + ".duration") : null;
                kworker = new KthreadWork(kernel, "kworker/" + i + ":1", 0, i, new Sampler[] {vmLen, itemLen},
                        new int[] {kernel.blames().id("kworker: vmstat_update"), kernel.blames().id("kworker: work item")});
                if (vmstat) {
                    long interval = spec.vmstat().intervalNs();
                    vmstatDueNs = sampler(new DistSpec.Uniform(0, interval), "vmstat" + c + ".phase").sampleNs();
                }
                if (items) {
                    kworkerArrival = new KworkerArrival(this, exponential(spec.kworker().rateHz(), "kworker" + c + ".arrivals"));
                }
            }
        }

        void start() {
            if (rcuoArrival != null) {
                rcuoArrival.next();
            }
            if (kworkerArrival != null) {
                kworkerArrival.next();
            }
        }

        void tick(long now) {
            if (rcuArrivals != null) {
                int n = rcuArrivals.countUpTo(now);
                counts[Source.RCU.ordinal()][id] += n;
                if (rcuThread != null) {
                    rcuThread.queueLocal(0, n);
                } else {
                    for (int k = 0; k < n; k++) {
                        cpu.raiseSoftirq(rcuLength.sampleNs(), rcuBlame);
                    }
                }
            }
            if (timerArrivals != null) {
                int n = timerArrivals.countUpTo(now);
                counts[Source.TIMER_SOFTIRQ.ordinal()][id] += n;
                if (ksoftirqd != null) {
                    ksoftirqd.queueLocal(0, n);
                } else {
                    for (int k = 0; k < n; k++) {
                        cpu.raiseSoftirq(timerLength.sampleNs(), timerBlame);
                    }
                }
            }
            if (now >= vmstatDueNs) {
                long interval = spec.vmstat().intervalNs();
                vmstatDueNs += ((now - vmstatDueNs) / interval + 1) * interval;
                counts[Source.VMSTAT.ordinal()][id]++;
                kworker.queueLocal(KW_VMSTAT, 1);
            }
        }
    }

    /** A Poisson stream of arrivals (one reused event, rescheduled at each arrival). */
    private abstract class Arrival extends SimEvent {
        private final Sampler gap;

        Arrival(Sampler gap) {
            super(kernel.sim(), Phase.RELEASE);
            this.gap = gap;
        }

        final void next() {
            scheduleAt(kernel.sim().now() + Math.max(1, gap.sampleNs()));
        }

        @Override
        protected final void fire() {
            arrived();
            next();
        }

        abstract void arrived();
    }

    /** The next RCU batch of an offloaded CPU is ready: its rcuop thread is woken on its housekeeping CPU. */
    private final class RcuoArrival extends Arrival {
        private final PerCpu p;

        RcuoArrival(PerCpu p, Sampler gap) {
            super(gap);
            this.p = p;
        }

        @Override
        void arrived() {
            counts[Source.RCU.ordinal()][p.rcuThread.task.cpu.id]++;
            p.rcuThread.queueRemote(0);
        }
    }

    /** A work item is queued on a CPU's kworker from elsewhere. */
    private final class KworkerArrival extends Arrival {
        private final PerCpu p;

        KworkerArrival(PerCpu p, Sampler gap) {
            super(gap);
            this.p = p;
        }

        @Override
        void arrived() {
            counts[Source.KWORKER.ordinal()][p.id]++;
            p.kworker.queueRemote(KW_ITEM);
        }
    }

    /** An unbound work item: queued on the unbound worker of a workqueue CPU drawn uniformly. */
    private final class UnboundArrival extends Arrival {
        private final int[] targets;
        private final umontreal.ssj.rng.RandomStream choice;

        UnboundArrival(int[] targets) {
            super(exponential(spec.kworker().unboundRateHz(), "kworker.unbound.arrivals"));
            this.targets = targets;
            this.choice = streams().stream(path + ".kworker.unbound.cpu");
        }

        @Override
        void arrived() {
            int c = targets[Math.min(targets.length - 1, (int) (choice.nextDouble() * targets.length))];
            counts[Source.KWORKER.ordinal()][c]++;
            unbound[c].queueRemote(0);
        }
    }
}
