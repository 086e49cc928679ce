package org.rtvsim.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.Trace;
import org.rtvsim.report.CyclictestJson;
import org.rtvsim.report.SamplesCsv;
import org.rtvsim.scenario.PreemptModel;
import org.rtvsim.scenario.ScenarioSpec;

/** The single files {@code run} writes besides {@code --out}: {@code --json} and {@code --samples}. */
final class RunFiles {
    private RunFiles() {
    }

    /** Refuses a target that is a directory, or whose directory does not exist (before the run starts). */
    static void checkTarget(String option, Path file) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new Errors.BadInput(option + " " + file + ": is a directory; give a file name");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new Errors.BadInput(option + " " + file + ": the directory " + parent + " does not exist");
        }
    }

    /** Whether the kernel the measuring threads run in is PREEMPT_RT (the first guest's, when there are guests). */
    static boolean realtime(ScenarioSpec s) {
        PreemptModel p = s.vms().isEmpty() ? s.host().kernel().preempt() : s.vms().get(0).kernel().preempt();
        return p == PreemptModel.RT;
    }

    /** Width of the trace window of report.html: at least this, or 4 times the worst sample. */
    static final long REPORT_TRACE_MIN_NS = 200_000;

    /**
     * The timeline around the run's worst cyclictest sample, for report.html: the same scenario and seed simulated
     * again up to the window's end with a {@link org.rtvsim.measure.TraceRecorder} (same seed, same events); null
     * when the run has no sample or an interrupted run did not reach it.
     */
    static Trace traceAroundMax(ScenarioSpec s, RunResult r) {
        org.rtvsim.measure.ThreadResult worst = null;
        for (org.rtvsim.measure.ThreadResult t : r.threads()) {
            if (t.samples() > 0 && (worst == null || t.maxNs() > worst.maxNs())) {
                worst = t;
            }
        }
        if (worst == null || org.rtvsim.engine.Simulation.stopRequested()) {
            return null;
        }
        long at = -1;
        for (org.rtvsim.measure.WindowMax w : worst.latencyOverTime()) {
            if (w.maxNs() == worst.maxNs()) {
                at = w.atNs();
                break;
            }
        }
        if (at < 0) {
            return null;
        }
        long width = Math.max(REPORT_TRACE_MIN_NS, 4 * worst.maxNs());
        long from = Math.max(0, at + worst.maxNs() / 2 - width / 2);
        long to = from + width;
        org.rtvsim.measure.TraceRecorder recorder = new org.rtvsim.measure.TraceRecorder(from, to)
                .followingMeasureScope();
        org.rtvsim.experiment.SingleRun.run(s.withDuration(Math.max(1, to - s.warmupNs())), 0, null, recorder);
        return recorder.trace();
    }

    /**
     * {@link #traceAroundMax} on a thread of its own, started as soon as the run has its result, so that the
     * re-run overlaps writing the other files and drawing the charts (on two cores it takes about the charts'
     * time off the wall clock). The trace is the same either way: the re-run is its own simulation.
     */
    static CompletableFuture<Trace> traceAroundMaxAsync(ScenarioSpec s, RunResult r) {
        CompletableFuture<Trace> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(traceAroundMax(s, r));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "rtvsim-report-trace");
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** The trace of {@link #traceAroundMaxAsync} (null for null), its failure rethrown as it was thrown. */
    static Trace await(CompletableFuture<Trace> f) {
        if (f == null) {
            return null;
        }
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Writes {@code --json FILE} atomically. */
    static void json(Path file, RunResult r, String cmdline, boolean realtime) {
        Path dir = file.toAbsolutePath().getParent();
        StringBuilder sb = new StringBuilder();
        try {
            CyclictestJson.write(r, cmdline, realtime, 0, sb);
        } catch (IOException e) {
            throw new Errors.BadInput("--json " + file + ": " + e.getMessage());
        }
        try {
            org.rtvsim.engine.OutputFiles.replace(dir, file.getFileName().toString(),
                    tmp -> Files.writeString(tmp, sb, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Errors.BadInput("--json " + file + ": cannot write: " + e.getMessage());
        }
    }

    /** An open {@code --samples} file: written to a temporary file during the run, moved into place at its end. */
    record Samples(Path file, Path tmp, org.rtvsim.report.SampleFile sink) {
        /** Closes and moves the file into place; says on {@code err} when rows were left out. */
        void finish(PrintWriter err) {
            try {
                sink.close();
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | UncheckedIOException e) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
                throw new Errors.BadInput("--samples " + file + ": cannot write: " + e.getMessage());
            }
            if (sink.seen() > sink.written()) {
                err.println("rtvsim: --samples " + file + ": wrote the first " + sink.written() + " of " + sink.seen()
                        + " samples (--samples-max " + sink.written() + ")");
                err.flush();
            }
        }
    }

    /**
     * Opens {@code --samples FILE} (null: none): CSV, or Parquet when FILE ends in {@code .parquet} and the
     * rtvsim-spark module (which carries the Parquet writer) is on the class path.
     */
    static Samples samples(Path file, long max) {
        if (file == null) {
            return null;
        }
        org.rtvsim.report.SampleFile.Format format = null;
        if (file.getFileName().toString().endsWith(".parquet")) {
            for (var f : java.util.ServiceLoader.load(org.rtvsim.report.SampleFile.Format.class,
                    RunFiles.class.getClassLoader())) {
                if (f.extension().equals("parquet")) {
                    format = f;
                }
            }
            if (format == null) {
                throw new Errors.BadInput("--samples " + file + ": Parquet is written by the rtvsim-spark module, "
                        + "which is not on the class path (build it as docs/distributed.md says: mvn -B install "
                        + "-DskipTests && mvn -B -f src/spark/pom.xml package; ./rtvsim then adds it), or name a .csv file");
            }
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
            if (format != null) {
                return new Samples(file, tmp, format.open(tmp, max));
            }
            BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
            return new Samples(file, tmp, new SamplesCsv(w, max));
        } catch (IOException e) {
            throw new Errors.BadInput("--samples " + file + ": cannot write: " + e.getMessage());
        }
    }

    /**
     * {@code --rtapp-logs DIR}: every periodic task's jobs, kept during the run and written at its end as
     * rt-app's per-thread logs, {@code rt-app-TASK-IDX.log} (rt-app names them LOG_BASENAME-THREAD-IDX.log,
     * src/rt-app.c), IDX the task's index among the run's periodic tasks.
     */
    static final class JobLogs implements org.rtvsim.measure.JobSink {
        private final java.util.Map<String, java.util.List<org.rtvsim.measure.JobRow>> rows = new java.util.HashMap<>();

        @Override
        public void job(String task, org.rtvsim.measure.JobRow row) {
            rows.computeIfAbsent(task, k -> new java.util.ArrayList<>()).add(row);
        }

        void write(Path dir, RunResult r) {
            if (r.tasks().isEmpty()) {
                throw new Errors.BadInput("--rtapp-logs " + dir + ": the scenario has no periodic tasks (rt-app tasks,"
                        + " periodic: or lock_sharing:), so there is no job to log");
            }
            for (int i = 0; i < r.tasks().size(); i++) {
                String task = r.tasks().get(i).task();
                StringBuilder sb = new StringBuilder();
                org.rtvsim.report.RtAppLog.write(i, rows.getOrDefault(task, java.util.List.of()), sb);
                String name = "rt-app-" + task.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + i + ".log";
                try {
                    org.rtvsim.engine.OutputFiles.replace(dir, name,
                            tmp -> Files.writeString(tmp, sb, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new Errors.BadInput("--rtapp-logs: cannot write " + dir.resolve(name) + ": " + e.getMessage());
                }
            }
        }
    }
}
