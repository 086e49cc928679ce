package org.rtvsim.experiment;

import org.rtvsim.engine.Simulation;
import org.rtvsim.engine.Units;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.rtvsim.measure.LatencyRecorder;
import org.rtvsim.measure.Percentile;
import org.rtvsim.measure.Percentiles;
import org.rtvsim.measure.ResponseTimeRecorder;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.SloResult;
import org.rtvsim.measure.Starvation;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.measure.TaskWait;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.measure.TraceSink;
import org.rtvsim.measure.Verdict;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * One simulation run of a scenario: build the model for a replication, run warm-up plus measured
 * duration, and collect a {@link RunResult}. Each run owns its simulator, so runs may execute in
 * parallel threads with identical results.
 */
public final class SingleRun {
    /** The percentile whose exceedances the tail attribution sums over. */
    public static final double TAIL_PERCENTILE = 99.9;

    private SingleRun() {
    }

    /** Told how far a run has come; called from the simulating thread. */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param simulatedNs simulated time done (warm-up included)
         * @param totalNs     simulated time of the whole run
         * @param events      events executed so far
         * @param wallNanos   wall time since the run started
         */
        void update(long simulatedNs, long totalNs, long events, long wallNanos);
    }

    /** Progress reports per run when a listener is given. */
    private static final int PROGRESS_STEPS = 50;

    public static RunResult run(ScenarioSpec spec, int replication) {
        return run(spec, replication, null);
    }

    /**
     * Runs one replication. With a {@code progress} listener the run advances in 50 steps of simulated
     * time and reports after each; the results are the same as without (an event at a step's end
     * instant runs before the step stops), only the event count includes the step markers.
     */
    public static RunResult run(ScenarioSpec spec, int replication, Progress progress) {
        return run(spec, replication, progress, null);
    }

    /**
     * Runs one replication as {@link #run(ScenarioSpec, int, Progress)} does, sending the model's timeline
     * events to {@code trace} (null: untraced). Tracing only observes: the results are the same. An untraced
     * run whose duration is shorter than every measuring interval is refused ({@link NoSamplesException}); a
     * traced one is not, since a trace window may rightly hold no sample.
     */
    public static RunResult run(ScenarioSpec spec, int replication, Progress progress, TraceSink trace) {
        return run(spec, replication, progress, trace, null);
    }

    /**
     * Runs one replication as {@link #run(ScenarioSpec, int, Progress, TraceSink)} does, sending every latency
     * sample to {@code samples} as it is recorded (null: none). Observing only: the results are the same.
     */
    public static RunResult run(ScenarioSpec spec, int replication, Progress progress, TraceSink trace,
                                org.rtvsim.measure.SampleSink samples) {
        return run(spec, replication, progress, trace, samples, null);
    }

    /**
     * Runs one replication as {@link #run(ScenarioSpec, int, Progress, TraceSink, org.rtvsim.measure.SampleSink)}
     * does, sending every periodic task's jobs to {@code jobs} (null: none; rt-app's per-task log). Observing
     * only: the results are the same.
     */
    public static RunResult run(ScenarioSpec spec, int replication, Progress progress, TraceSink trace,
                                org.rtvsim.measure.SampleSink samples, org.rtvsim.measure.JobSink jobs) {
        Model m = ModelBuilder.build(spec, replication);
        if (jobs != null) {
            for (ResponseTimeRecorder r : m.responses) {
                r.jobSink(jobs);
            }
        }
        if (samples != null) {
            for (LatencyRecorder r : m.latency) {
                r.sampleSink(samples);
            }
        }
        if (trace != null) {
            m.setTrace(trace);
        }
        long wall0 = System.nanoTime();
        m.start();
        long total = spec.warmupNs() + spec.durationNs();
        if (progress == null) {
            m.sim.runUntil(total);
        } else {
            for (int i = 1; i <= PROGRESS_STEPS && !Simulation.stopRequested(); i++) {
                long t = total / PROGRESS_STEPS * i + (i == PROGRESS_STEPS ? total % PROGRESS_STEPS : 0);
                m.sim.runUntil(t);
                progress.update(t, total, m.sim.events(), System.nanoTime() - wall0);
            }
        }
        long wall = System.nanoTime() - wall0;
        boolean interrupted = Simulation.stopRequested() && m.sim.now() < total;
        List<Double> ps = spec.measure().percentiles();
        List<ThreadResult> threads = new ArrayList<>();
        for (LatencyRecorder r : m.latency) {
            threads.add(r.result(ps, TAIL_PERCENTILE));
        }
        if (!interrupted && trace == null) { // a traced run is for its timeline: a window may hold no sample
            checkSamples(spec, threads);
        }
        List<TaskResult> tasks = new ArrayList<>();
        for (ResponseTimeRecorder r : m.responses) {
            tasks.add(r.result(ps));
        }
        List<String> notes = new ArrayList<>();
        if (m.kvm != null) {
            notes.addAll(m.kvm.overcommitNotes());
            notes.addAll(m.kvm.exitlessTimerNotes());
        }
        if (m.elisionNote() != null) {
            notes.add(m.elisionNote());
        }
        if (interrupted) {
            notes.add(INTERRUPTED + Units.formatNs(m.sim.now()) + " of " + Units.formatNs(total)
                    + " simulated (warm-up included): the results are what was measured until then");
        }
        boolean starved = false;
        for (ThreadResult t : interrupted ? List.<ThreadResult>of() : threads) {
            long expected = t.intervalNs() > 0 ? spec.durationNs() / t.intervalNs() : 0;
            if (expected > 0 && t.samples() < expected / 2) {
                starved = true;
                notes.add(STARVED + "measuring thread " + t.thread() + " got " + t.samples() + " of ~" + expected
                        + " samples: its CPU (or vCPU) did not run it; its latency is not represented, so no latency"
                        + " objective counts as met");
            }
        }
        SloResult slo = null;
        if (spec.slo() != null && !threads.isEmpty()) {
            slo = evaluateSlo(spec, threads);
            if (starved && !slo.missed()) {
                slo = new SloResult(slo.percentile(), slo.limitNs(), slo.valueNs(), slo.verdict().missed());
            }
        }
        List<TaskWait> waits = waits(m.host, total, "");
        if (m.kvm != null) {
            for (org.rtvsim.virt.VirtualMachine vm : m.kvm.vms()) {
                waits.addAll(waits(vm.kernel(), total, vm.name() + ": "));
            }
        }
        return new RunResult(spec.name(), spec.source(), spec.seed(), spec.durationNs(), spec.warmupNs(),
                threads, tasks, m.sim.events(), wall, m.machine.smiCount(), slo, notes,
                Starvation.top(waits, Starvation.TOP), Starvation.findings(waits, total), m.sim.profile().kinds());
    }

    /**
     * Refuses a run whose measuring threads have no sample because the measured duration is shorter than
     * every one's interval ({@link NoSamplesException}); threads that had time for samples but got none are
     * starved, which the {@link #STARVED} note reports.
     */
    static void checkSamples(ScenarioSpec spec, List<ThreadResult> threads) {
        if (threads.isEmpty() || threads.stream().anyMatch(t -> t.samples() > 0)) {
            return;
        }
        long shortest = threads.stream().mapToLong(ThreadResult::intervalNs).filter(i -> i > 0).min().orElse(0);
        if (shortest > 0 && spec.durationNs() < shortest) {
            throw new NoSamplesException(spec.source() + ": no latency samples: the measured duration "
                    + Units.formatNs(spec.durationNs()) + " is shorter than the measuring interval "
                    + Units.formatNs(shortest) + " of scenario " + spec.name() + "; give a --duration (or duration:) "
                    + "of many intervals (a supported p99.99 needs 100,000 samples; run --plan says how long)");
        }
    }

    /** Prefix of the note of a run stopped by SIGINT or SIGTERM ({@link Simulation#requestStop()}). */
    public static final String INTERRUPTED = "interrupted at ";

    /** Prefix of the note for a measuring thread that got far fewer samples than its interval asks for. */
    public static final String STARVED = "starved: ";

    /** The starvation monitor's reading of every task of kernel {@code k} at the run's end {@code endNs}. */
    static List<TaskWait> waits(org.rtvsim.kernel.Kernel k, long endNs, String prefix) {
        List<TaskWait> out = new ArrayList<>();
        for (org.rtvsim.kernel.Task t : k.tasks()) {
            out.add(new TaskWait(prefix + t.name(), t.cpu().id(), t.policy().key(), t.basePriority(), t.kthread(),
                    t.longestWaitNs(endNs), t.longestWaitStartNs(endNs), t.longestWaitOngoing(endNs)));
        }
        return out;
    }

    /**
     * The SLO is judged on all measuring threads' samples pooled: on the 95 % order-statistic interval of the
     * percentile (batch means over every thread's batches), meets / misses / inconclusive ({@link Verdict}).
     */
    static SloResult evaluateSlo(ScenarioSpec spec, List<ThreadResult> threads) {
        Histogram pooled = null;
        long min = Long.MAX_VALUE;
        long max = 0;
        long samples = 0;
        List<org.HdrHistogram.AbstractHistogram> batches = new ArrayList<>();
        for (ThreadResult t : threads) {
            if (pooled == null) {
                pooled = t.hdr().copy();
            } else {
                pooled.add(t.hdr());
            }
            if (t.samples() > 0) {
                min = Math.min(min, t.minNs());
                max = Math.max(max, t.maxNs());
            }
            samples += t.samples();
            batches.addAll(t.batches());
        }
        double p = spec.slo().percentile();
        long limit = spec.slo().belowNs();
        if (samples == 0) {
            return new SloResult(p, limit, 0, false);
        }
        Percentile pc = Percentiles.of(pooled, List.of(p), min, max, batches).get(0);
        return new SloResult(p, limit, pc.valueNs(), Verdict.of(pc, limit, samples));
    }
}
