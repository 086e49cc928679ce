package org.rtvsim.kernel;

import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Phase;
import org.rtvsim.engine.RingIndex;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.scenario.Overheads;
import org.rtvsim.scenario.PreemptModel;
import org.rtvsim.scenario.SchedPolicy;
import org.rtvsim.scenario.SegmentKind;
import org.rtvsim.scenario.StockSectionsSpec;
import umontreal.ssj.rng.RandomStream;

/**
 * The long sections of a stock kernel ({@code kernel.stock_sections}), each a Poisson stream of sections with
 * its own length distribution, placed and typed as the kernel runs them (rates per second, times in ns):
 *
 * <ul>
 *   <li><b>softirq</b> (NET_RX / block completions): a device interrupt {@code net-rx/block} on each CPU of
 *       {@code irqaffinity} whose softirq work is the section: on irq exit with preemption off, or on {@code rt}
 *       in its IRQ thread (preemptible by higher-priority tasks; {@link DeviceInterrupt}).
 *   <li><b>rcu</b> (callback flood above qhimark): a {@code softirq} segment of the CPU's {@code stock/N} kthread
 *       (preemption off; preemptible on {@code rt}, where callbacks run in rcuc/N), on CPUs whose callbacks are
 *       not offloaded ({@code rcu_nocbs}, {@code nohz_full}).
 *   <li><b>reclaim</b> (direct reclaim / compaction): a {@code kernel} segment of {@code stock/N} on the
 *       housekeeping CPUs: non-preemptible only under {@code none} (and up to cond_resched points under
 *       {@code voluntary}).
 *   <li><b>printk</b> (a line on a legacy serial console): interrupts off on the CPU at once, on a housekeeping CPU
 *       drawn uniformly; on {@code rt} the console is printed by a kthread, so a preemptible {@code kernel} segment
 *       of {@code stock/N}.
 *   <li><b>irqoff</b> (a driver's spin_lock_irqsave region): interrupts off at once on a housekeeping CPU; on
 *       {@code rt} that lock is a sleeping lock, so a {@code spinlock} segment (preemptible) of {@code stock/N}.
 * </ul>
 *
 * <p>Lengths are drawn at the arrival. Each source draws from its own streams
 * ({@code PREFIX.stock_sections.SOURCE.cpuN.arrivals}, {@code ….length}), so turning one on changes no other
 * component's numbers. Inert under {@code overheads: none}; all sources are off unless the scenario turns them on.
 */
public final class StockSections {
    /** The sources, for the counters. */
    public enum Source { SOFTIRQ, RCU, RECLAIM, PRINTK, IRQOFF }

    /** [R] assumption: a NAPI hardirq handler only schedules the poll: lognormal(1 µs, 0.5), cap 20 µs. */
    static final DistSpec NET_HANDLER = new DistSpec.Lognormal(1_000, 0.5, 20_000);

    private final Kernel kernel;
    private final String path;
    private final boolean rt;
    private final long[][] counts;
    private final Runner[] runners;
    private final java.util.List<Arrival> arrivals = new java.util.ArrayList<>();

    /** @param prefix the kernel's component path ({@code host}, a guest's path) */
    public StockSections(Kernel kernel, StockSectionsSpec spec, String prefix) {
        this.kernel = kernel;
        this.path = prefix + ".stock_sections";
        this.rt = kernel.spec().preempt() == PreemptModel.RT;
        int n = kernel.cpuCount();
        this.counts = new long[Source.values().length][n];
        this.runners = new Runner[n];
        if (spec == null || !spec.any() || kernel.spec().overheads() == Overheads.NONE) {
            return;
        }
        kernel.stockSections = this;
        CpuSet hk = kernel.housekeeping();
        if (spec.softirq() != null) {
            Sampler handler = Samplers.of(NET_HANDLER, stream("softirq.handler"));
            for (int c : kernel.irqCpus()) {
                Sampler len = Samplers.of(spec.softirq().length(), stream("softirq.cpu" + c + ".length"));
                DeviceInterrupt line = kernel.deviceInterrupt("net-rx/block", c, handler, len,
                        kernel.spec().irqThreadPriority());
                int cpu = c;
                arrivals.add(new Arrival(spec.softirq().rateHz(), "softirq.cpu" + c + ".arrivals", () -> {
                    counts[Source.SOFTIRQ.ordinal()][cpu]++;
                    line.raise();
                }));
            }
        }
        if (spec.rcu() != null) {
            CpuSet all = CpuSet.range(0, n);
            CpuSet local = all.minus(kernel.spec().rcuNocbs()).minus(kernel.spec().nohzFull());
            int blame = kernel.blames().id("RCU callback flood");
            for (int c : local) {
                perCpu(Source.RCU, spec.rcu(), c, SegmentKind.SOFTIRQ, blame);
            }
        }
        if (spec.reclaim() != null) {
            int blame = kernel.blames().id("page reclaim / compaction");
            for (int c : hk) {
                perCpu(Source.RECLAIM, spec.reclaim(), c, SegmentKind.KERNEL, blame);
            }
        }
        if (spec.irqoff() != null) {
            int blame = kernel.blames().id(rt ? "driver lock section (rt: sleeping lock)" : "driver irqs-off section");
            for (int c : hk) {
                perCpu(Source.IRQOFF, spec.irqoff(), c, rt ? SegmentKind.SPINLOCK : null, blame);
            }
        }
        if (spec.printk() != null) {
            int blame = kernel.blames().id(rt ? "printk: console kthread" : "printk: serial console (irqs off)");
            Sampler len = Samplers.of(spec.printk().length(), stream("printk.length"));
            RandomStream pick = kernel.sim().streams().stream(path + ".printk.cpu");
            int[] targets = hk.toArray();
            if (rt) {
                for (int c : targets) {
                    runner(c);
                }
            }
            arrivals.add(new Arrival(spec.printk().rateHz(), "printk.arrivals", () -> {
                int c = targets[Math.min(targets.length - 1, (int) (pick.nextDouble() * targets.length))];
                counts[Source.PRINTK.ordinal()][c]++;
                section(c, rt ? SegmentKind.KERNEL : null, len.sampleNs(), blame);
            }));
        }
    }

    /** Arms the arrival streams from now. */
    public void start() {
        for (Arrival a : arrivals) {
            a.next();
        }
    }

    /** Sections of {@code source} that arrived on {@code cpu} so far. */
    public long count(Source source, int cpu) {
        return counts[source.ordinal()][cpu];
    }

    private RandomStream stream(String name) {
        return kernel.sim().streams().stream(path + "." + name);
    }

    /** A per-CPU Poisson source of sections of {@code kind} (null: interrupts off at once). */
    private void perCpu(Source s, StockSectionsSpec.Source spec, int c, SegmentKind kind, int blame) {
        String name = s.name().toLowerCase(java.util.Locale.ROOT) + ".cpu" + c;
        if (kind != null) {
            runner(c); // the kthread exists from the start
        }
        Sampler len = Samplers.of(spec.length(), stream(name + ".length"));
        arrivals.add(new Arrival(spec.rateHz(), name + ".arrivals", () -> {
            counts[s.ordinal()][c]++;
            section(c, kind, len.sampleNs(), blame);
        }));
    }

    /** Runs a section on {@code cpu}: a task segment of {@code kind} in {@code stock/N}, or (null) interrupts off at once. */
    private void section(int cpu, SegmentKind kind, long ns, int blame) {
        if (kind == null) {
            kernel.irqsOff(cpu, ns, blame);
        } else {
            runner(cpu).queue(kind, ns, blame);
        }
    }

    private Runner runner(int cpu) {
        if (runners[cpu] == null) {
            runners[cpu] = new Runner(cpu);
        }
        return runners[cpu];
    }

    /** The kthread {@code stock/N} that runs a CPU's task-context sections in arrival order. */
    private final class Runner implements TaskBehaviour {
        private final Task task;
        private final RingIndex ring = new RingIndex(4);
        private SegmentKind[] kinds = new SegmentKind[4];
        private long[] lengths = new long[4];
        private int[] blames = new int[4];

        Runner(int cpu) {
            // not marked as a kthread: it stands in for the tasks that meet these sections, and the starvation
            // monitor's hung-task judgement would not apply to it
            task = kernel.createTask("stock/" + cpu, SchedPolicy.OTHER, 0, cpu, this);
        }

        void queue(SegmentKind kind, long ns, int blame) {
            if (ring.full()) {
                kinds = ring.grow(kinds);
                lengths = ring.grow(lengths);
                blames = ring.grow(blames);
                ring.grown();
            }
            int at = ring.push();
            kinds[at] = kind;
            lengths[at] = ns;
            blames[at] = blame;
            if (task.state != TaskState.RUNNING && task.state != TaskState.RUNNABLE) {
                kernel.wakeLocal(task);
            }
        }

        @Override
        public void next(Task t) {
            if (ring.isEmpty()) {
                t.block();
                return;
            }
            int head = ring.head();
            SegmentKind k = kinds[head];
            long ns = lengths[head];
            int b = blames[head];
            ring.pop();
            t.run(ns, k, b);
        }
    }

    /** A Poisson stream of section arrivals (one reused event). */
    private final class Arrival extends SimEvent {
        private final Sampler gap;
        private final Runnable action;

        Arrival(double rateHz, String name, Runnable action) {
            super(kernel.sim(), Phase.RELEASE);
            this.gap = Samplers.of(new DistSpec.Exponential(1e9 / rateHz), stream(name));
            this.action = action;
        }

        void next() {
            scheduleAt(kernel.sim().now() + Math.max(1, gap.sampleNs()));
        }

        @Override
        protected void fire() {
            action.run();
            next();
        }
    }
}
