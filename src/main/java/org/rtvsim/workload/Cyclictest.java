package org.rtvsim.workload;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Samplers;
import org.rtvsim.hw.CStates;
import org.rtvsim.hw.ClockRead;
import org.rtvsim.kernel.AttributionWindow;
import org.rtvsim.kernel.Cpu;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.kernel.Task;
import org.rtvsim.kernel.TaskBehaviour;
import org.rtvsim.measure.LatencyRecorder;
import org.rtvsim.scenario.SegmentKind;
import org.rtvsim.scenario.WorkloadSpec.CyclictestSpec;

/**
 * cyclictest: measuring threads that each sleep until an absolute time ({@code clock_nanosleep},
 * TIMER_ABSTIME), read the clock on wake-up and record {@code now − next}; {@code next} then
 * advances by the interval — and by more whole intervals while it is already past, so missed periods
 * are skipped and lateness does not accumulate (rt-tests' cyclictest.c, timerthread()).
 *
 * <p>A sample's path: timer expiry → timer interrupt (entry, hrtimer expiry + wake-up) →
 * need_resched → (whatever must finish first) → context switch → return to user → clock read.
 * An attribution window opens at the intended time and closes when the clock has been read. Without
 * {@code mlock}, a wake-up touches a page it must fault in with a small probability (a minor fault, or
 * rarely a major one), on the path after the return to user.
 * Samples whose intended time falls in the warm-up are not recorded; cycle numbers count recorded
 * samples from 0, as cyclictest counts loops.
 */
public final class Cyclictest {
    private final List<Thread> threads = new ArrayList<>();

    public Cyclictest(Kernel kernel, CyclictestSpec spec, ClockRead clock, CStates cstates, long warmupEndNs,
                      long bucketNs, int buckets, boolean attribution) {
        if (spec.latencyTargetNs() != null) {
            cstates.requestLatencyLimit(spec.latencyTargetNs());
        }
        long start = Samplers.of(new DistSpec.Uniform(0, spec.intervalNs()),
                kernel.sim().streams().stream(spec.path() + ".start")).sampleNs();
        for (int i = 0; i < spec.threads(); i++) {
            int cpu = spec.cpus() == null ? i : spec.cpus().get(i);
            long interval = spec.intervalNs() + i * spec.distanceNs();
            threads.add(new Thread(kernel, spec, i, cpu, interval, start, clock, warmupEndNs, bucketNs, buckets,
                    attribution));
        }
    }

    public List<LatencyRecorder> recorders() {
        List<LatencyRecorder> l = new ArrayList<>();
        for (Thread t : threads) {
            l.add(t.recorder);
        }
        return l;
    }

    /** The measuring threads' tasks. */
    public List<Task> tasks() {
        List<Task> l = new ArrayList<>();
        for (Thread t : threads) {
            l.add(t.task);
        }
        return l;
    }

    public void start() {
        for (Thread t : threads) {
            t.task.kernel().wakeLocal(t.task);
        }
    }

    /** One measuring thread (cyclictest's {@code timerthread}). */
    private static final class Thread implements TaskBehaviour {
        private static final int FIRST = 0;
        private static final int WOKEN = 1;
        private static final int RETURNED = 2;
        private static final int READ = 3;
        private static final int FAULTED = 4;

        final Task task;
        final LatencyRecorder recorder;
        private final ClockRead clock;
        private final long intervalNs;
        private final long warmupEndNs;
        private final long firstNs;
        private final AttributionWindow window = new AttributionWindow();
        private final WindowOpen windowOpen;
        private final int blameExpiry;
        private final int blameReturn;
        private final int blameSlack;
        private final boolean attribution;
        /** Without mlockall: per wake-up chances of a minor and of a major page fault, and their draws. */
        private final double minorP;
        private final double majorP;
        private final umontreal.ssj.rng.RandomStream faults;
        private final int blameMinor;
        private final int blameMajor;
        private long nextNs;
        /** When the sleeping thread was last woken (-1: not since it went to sleep) and the window up to then. */
        private long wokenNs = -1;
        private int[] preIds = new int[8];
        private long[] preNs = new long[8];
        private int preN;
        private long cycle;
        private int phase = FIRST;

        Thread(Kernel k, CyclictestSpec spec, int index, int cpuId, long intervalNs, long startNs, ClockRead clock,
               long warmupEndNs, long bucketNs, int buckets, boolean attribution) {
            String name = "cyclictest T" + index;
            this.task = k.createTask(name, spec.policy(), spec.priority(), cpuId, spec.affinity(), this);
            task.setNice(spec.fair().nice());
            task.setSlice(spec.fair().sliceNs());
            this.clock = clock;
            this.intervalNs = intervalNs;
            this.warmupEndNs = warmupEndNs;
            this.firstNs = startNs + intervalNs;
            this.attribution = attribution;
            // in a guest the thread is named after it (rt/T0), so the threads of several guests stay apart
            String prefix = k.path().startsWith("vms[") ? k.path().substring(4, k.path().length() - 1) + "/" : "";
            this.recorder = new LatencyRecorder(prefix + "T" + index, index, cpuId, spec.priority(), intervalNs, bucketNs,
                    buckets, attribution, k.blames());
            this.windowOpen = new WindowOpen(k);
            this.blameExpiry = k.blames().id("hrtimer expiry + wake-up (" + name + ")");
            this.blameReturn = k.blames().id("return to user (" + name + ")");
            this.blameSlack = spec.policy().isRealtime() ? -1 : k.blames().id("timer slack (" + name + ", SCHED_"
                    + spec.policy().key().toUpperCase(java.util.Locale.ROOT) + ")");
            this.minorP = spec.mlock() ? 0 : spec.minorFaultProbability();
            this.majorP = spec.mlock() ? 0 : spec.majorFaultProbability();
            this.faults = k.sim().streams().stream(spec.path() + ".thread" + index + ".page_faults");
            this.blameMinor = k.blames().id("page fault, minor (" + name + ", no mlock)");
            this.blameMajor = k.blames().id("page fault, major (" + name + ", no mlock)");
        }

        @Override
        public void next(Task t) {
            switch (phase) {
                case FIRST -> {
                    nextNs = firstNs;
                    sleep(t);
                }
                case WOKEN -> {
                    phase = RETURNED;
                    t.run(t.cpu().costs().returnToUser().sampleNs(), SegmentKind.KERNEL, blameReturn);
                }
                case RETURNED -> {
                    if (minorP + majorP > 0) { // without mlockall the wake-up may touch a page it must fault in
                        double u = faults.nextDouble();
                        if (u < majorP) {
                            phase = FAULTED;
                            t.run(t.cpu().costs().pageFaultMajor().sampleNs(), SegmentKind.KERNEL, blameMajor);
                            return;
                        }
                        if (u < majorP + minorP) {
                            phase = FAULTED;
                            t.run(t.cpu().costs().pageFaultMinor().sampleNs(), SegmentKind.KERNEL, blameMinor);
                            return;
                        }
                    }
                    phase = READ;
                    t.run(clock.sampleNs(), SegmentKind.USER, clock.blame());
                }
                case FAULTED -> {
                    phase = READ;
                    t.run(clock.sampleNs(), SegmentKind.USER, clock.blame());
                }
                case READ -> {
                    long now = t.now();
                    sample(now);
                    nextNs += intervalNs;
                    while (now > nextNs) { // as cyclictest does: missed periods are skipped
                        nextNs += intervalNs;
                    }
                    sleep(t);
                }
                default -> throw new IllegalStateException("phase " + phase);
            }
        }

        /** The timer callback woke the thread: the end of the sample's IRQ part (rtla timerlat's split). */
        @Override
        public void woken(Task t) {
            if (phase != WOKEN) {
                return;
            }
            wokenNs = t.now();
            preN = 0;
            if (attribution && window.isOpen()) {
                window.flush();
                preN = window.size();
                if (preN > preIds.length) {
                    preIds = java.util.Arrays.copyOf(window.ids(), Math.max(preN, 2 * preIds.length));
                    preNs = java.util.Arrays.copyOf(window.ns(), preIds.length);
                }
                System.arraycopy(window.ids(), 0, preIds, 0, preN);
                System.arraycopy(window.ns(), 0, preNs, 0, preN);
            }
        }

        private void sleep(Task t) {
            phase = WOKEN;
            wokenNs = -1;
            if (t.sleepUntil(nextNs, blameExpiry)) {
                windowOpen.scheduleAt(nextNs);
                return;
            }
            // the next wake-up time is now exactly: clock_nanosleep returns at once
            openWindow();
            next(t);
        }

        private void openWindow() {
            if (attribution) {
                task.cpu().openWindow(window); // the CPU it sleeps on; the window follows it if it moves
                if (task.migratable()) {
                    task.setJobWindow(window);
                }
                if (blameSlack >= 0) {
                    window.slackOf(task, blameSlack);
                }
            }
        }

        private void sample(long nowNs) {
            long latency = nowNs - nextNs;
            Cpu on = task.cpu();
            if (on.tracingWanted()) {
                on.traceInstant(org.rtvsim.measure.TraceSink.Instant.SAMPLE, task,
                        String.format(java.util.Locale.ROOT, "%.3f us", latency / 1000.0));
            }
            if (attribution) {
                on.closeWindow(window);
                task.setJobWindow(null);
            }
            if (nextNs < warmupEndNs) {
                return;
            }
            long irq = -1;
            long callback = 0;
            if (wokenNs >= nextNs) { // the callback is charged to the expiry label up to the wake-up
                for (int i = 0; i < preN; i++) {
                    if (preIds[i] == blameExpiry) {
                        callback = preNs[i];
                    }
                }
                irq = wokenNs - nextNs - callback;
            }
            recorder.record(latency, cycle++, nextNs, window.ids(), window.ns(), attribution ? window.size() : 0,
                    irq, callback, preIds, preNs, attribution && wokenNs >= nextNs ? preN : 0);
        }

        /** The intended wake-up time: the sample's attribution starts here. */
        private final class WindowOpen extends SimEvent {
            WindowOpen(Kernel k) {
                super(k.sim(), Phase.WINDOW);
            }

            @Override
            protected void fire() {
                openWindow();
            }
        }
    }
}
