package org.rtvsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.ReplicationStats;
import org.rtvsim.measure.RunResult;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * Runs replications 0..N−1 of a scenario on a fixed pool of threads and combines them. Replication r
 * uses substream r of every named stream (each run builds its own model and simulator), and results
 * are combined in replication order, so the outcome is byte-for-byte the same for any thread count.
 */
public final class Replications {
    private Replications() {
    }

    /** Told after each finished replication; called from worker threads, one call at a time. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param done      replications finished so far (in this call and, for sweeps, earlier ones)
         * @param events    events simulated by the finished replications
         * @param wallNanos wall time since {@link Tracker} was made
         */
        void update(int done, long events, long wallNanos);
    }

    /** Counts finished replications over one or several {@link #run} calls (a sweep) for progress. */
    public static final class Tracker {
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicLong events = new AtomicLong();
        private final long wall0 = System.nanoTime();
        private final Progress progress;

        public Tracker(Progress progress) {
            this.progress = progress;
        }

        /** Counts one finished run (engines that run items elsewhere call it as results arrive). */
        public synchronized void finished(RunResult r) {
            int d = done.incrementAndGet();
            long e = events.addAndGet(r.events());
            if (progress != null) {
                progress.update(d, e, System.nanoTime() - wall0);
            }
        }
    }

    /** The number of threads to use by default: every available core. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The runs of replications 0..n−1 in replication order, on {@code threads} threads. */
    public static List<RunResult> runs(ScenarioSpec spec, int n, int threads, Tracker tracker) {
        if (n < 1 || threads < 1) {
            throw new IllegalArgumentException("replications and threads must be >= 1, got " + n + ", " + threads);
        }
        return runs(work(spec, n), threads, tracker);
    }

    /** The work list of replications 0..n−1 of {@code spec}. */
    public static List<Work> work(ScenarioSpec spec, int n) {
        List<Work> out = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            out.add(new Work(spec, r));
        }
        return out;
    }

    /** The local engine: the results of every item in item order, on {@code threads} threads. */
    public static List<RunResult> runs(List<Work> work, int threads, Tracker tracker) {
        int n = work.size();
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (threads == 1 || n <= 1) {
            List<RunResult> out = new ArrayList<>(n);
            for (Work w : work) {
                out.add(finish(w.run(), tracker));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), task -> {
            Thread t = new Thread(task, "rtvsim-replication");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RunResult>> futures = new ArrayList<>(n);
            for (Work w : work) {
                futures.add(pool.submit(() -> finish(w.run(), tracker)));
            }
            List<RunResult> out = new ArrayList<>(n);
            for (Future<RunResult> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running replications", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs and combines replications 0..n−1 at confidence {@code level}, labelled {@code label}. */
    public static ReplicatedResult run(String label, ScenarioSpec spec, int n, int threads, double level,
                                       Tracker tracker) {
        return ReplicationStats.combine(label, runs(spec, n, threads, tracker), level);
    }

    private static RunResult finish(RunResult r, Tracker tracker) {
        if (tracker != null) {
            tracker.finished(r);
        }
        return r;
    }
}
