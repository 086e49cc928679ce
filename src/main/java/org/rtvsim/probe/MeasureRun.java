package org.rtvsim.probe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code rtvsim measure}: reads the machine facts, starts the load (if any) and waits 1 s, runs cyclictest,
 * stops the load, and writes {@code histogram.txt}, {@code cyclictest.stderr} (when non-empty) and
 * {@code measurement.json} into the output directory, each atomically. {@link #interrupt()} (Ctrl-C) forwards
 * SIGINT to cyclictest; the measurement is still written, marked interrupted.
 */
public final class MeasureRun {
    /** Called about every 200 ms while cyclictest runs. */
    @FunctionalInterface
    public interface Progress {
        void update(long elapsedNs, Long expectedNs);
    }

    /** What to run. {@code load} may be null. */
    public record Settings(Path dir, Path binary, CyclictestOptions options, String load, String rtvsimVersion) {
    }

    /** The result: the JSON written and the warnings also recorded in it. */
    public record Outcome(Path json, ObjectNode measurement, List<String> warnings, boolean interrupted,
            int exitStatus) {
    }

    static final long LOAD_WARMUP_MS = 1000;
    static final long KILL_AFTER_INTERRUPT_MS = 10_000;
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    private final Settings s;
    private final FactsReader facts;
    private volatile boolean interrupted;
    private volatile CyclictestRun run;

    public MeasureRun(Settings settings, FactsReader facts) {
        this.s = settings;
        this.facts = facts;
    }

    /** Ctrl-C: stop cyclictest (SIGINT) and keep what it measured. Safe to call from a signal handler thread. */
    public void interrupt() {
        interrupted = true;
        CyclictestRun r = run;
        if (r != null) {
            r.interrupt();
        }
    }

    /**
     * Runs the measurement.
     *
     * @throws ProbeException when the load cannot be started or exits during its warm-up, or cyclictest prints no
     *     histogram
     */
    public Outcome run(Progress progress) throws IOException, InterruptedException {
        Path dir = s.dir();
        Files.createDirectories(dir);
        MachineFacts machine = facts.machine();
        String versionLine = CyclictestRun.versionLine(s.binary()).orElse(null);
        List<String> command = CyclictestRun.command(s.binary(), s.options());
        List<String> warnings = new ArrayList<>();

        LoadProcess load = null;
        if (s.load() != null) {
            Files.deleteIfExists(dir.resolve(MeasurementFile.LOAD_LOG));
            load = LoadProcess.start(s.load(), dir.resolve(MeasurementFile.LOAD_LOG));
            long until = System.nanoTime() + LOAD_WARMUP_MS * 1_000_000L;
            while (System.nanoTime() < until && load.isAlive() && !interrupted) {
                Thread.sleep(50);
            }
            if (!load.isAlive()) {
                throw new ProbeException("--load \"" + s.load() + "\": the load exited within " + LOAD_WARMUP_MS
                        + " ms with status " + load.exitValue() + ", before cyclictest started; see "
                        + dir.resolve(MeasurementFile.LOAD_LOG));
            }
        }

        Path out = MeasurementFile.tempFile(dir, "cyclictest.stdout");
        Path err = MeasurementFile.tempFile(dir, "cyclictest.stderr");
        Optional<Map<String, Long>> steal0 = facts.steal();
        Optional<String> load0 = facts.loadavg();
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        int status;
        long wallNs;
        LoadProcess.Stopped stopped = null;
        try {
            CyclictestRun r = CyclictestRun.start(command, out, err);
            run = r;
            if (interrupted) {
                r.interrupt();
            }
            Long expected = s.options().expectedNs().orElse(null);
            long interruptAt = -1;
            while (!r.waitFor(200)) {
                long now = System.nanoTime();
                if (progress != null) {
                    progress.update(now - t0, expected);
                }
                if (interrupted && interruptAt < 0) {
                    interruptAt = now;
                } else if (interrupted && now - interruptAt > KILL_AFTER_INTERRUPT_MS * 1_000_000L) {
                    warnings.add("cyclictest did not stop within " + KILL_AFTER_INTERRUPT_MS / 1000
                            + " s of SIGINT and was killed");
                    r.kill();
                }
            }
            wallNs = System.nanoTime() - t0;
            status = r.exitValue();
        } finally {
            if (load != null) {
                boolean early = !load.isAlive();
                stopped = load.stop();
                if (early) {
                    String w = "the load \"" + s.load() + "\" exited before cyclictest ended (status "
                            + stopped.exitStatus() + "): part of the measurement ran without it";
                    warnings.add(w);
                }
            }
        }
        Optional<Map<String, Long>> steal1 = facts.steal();
        Optional<String> load1 = facts.loadavg();

        String stdout = Files.readString(out, StandardCharsets.ISO_8859_1);
        String histText = stdout;
        Optional<String> histfile = s.options().value("histfile");
        if (histfile.isPresent()) {
            Path hf = Path.of(histfile.get());
            histText = Files.isReadable(hf) ? Files.readString(hf, StandardCharsets.ISO_8859_1) : "";
        }
        boolean hasStderr = Files.size(err) > 0;
        if (hasStderr) {
            MeasurementFile.move(err, dir.resolve(MeasurementFile.STDERR));
        } else {
            Files.deleteIfExists(err);
            Files.deleteIfExists(dir.resolve(MeasurementFile.STDERR));
        }
        if (!HistogramSummary.hasHistogram(histText)) {
            Files.deleteIfExists(out);
            String first = hasStderr ? Files.readString(dir.resolve(MeasurementFile.STDERR),
                    StandardCharsets.ISO_8859_1).lines().filter(l -> !l.isBlank()).findFirst().orElse("") : "";
            throw new ProbeException("cyclictest exited with status " + status + " and printed no '# Histogram' "
                    + (histfile.isPresent() ? "into --histfile " + histfile.get() : "on stdout")
                    + (hasStderr ? "; its stderr (" + dir.resolve(MeasurementFile.STDERR) + ") says: " + first : "")
                    + (interrupted ? " (interrupted)" : ""));
        }
        if (histfile.isPresent()) {
            Files.deleteIfExists(out);
            MeasurementFile.writeAtomically(dir, MeasurementFile.HISTOGRAM, histText);
        } else {
            MeasurementFile.move(out, dir.resolve(MeasurementFile.HISTOGRAM));
        }
        if (status != 0) {
            warnings.add("cyclictest exited with status " + status);
        }
        if (interrupted) {
            warnings.add("interrupted (Ctrl-C): the histogram covers " + String.format(java.util.Locale.ROOT,
                    "%.1f s", wallNs / 1e9) + " instead of the whole run asked for");
        }
        HistogramSummary sum = HistogramSummary.parse(histText);

        ObjectNode j = J.objectNode();
        j.put("format", MeasurementFile.FORMAT);
        j.put("tool", "rtvsim measure " + s.rtvsimVersion());
        j.put("start", start.truncatedTo(ChronoUnit.MILLIS).toString());
        j.put("duration_s", Math.round(wallNs / 1e6) / 1e3);
        j.put("interrupted", interrupted);
        j.set("cyclictest", cyclictest(command, versionLine, status, hasStderr, histfile.orElse(null)));
        j.set("histogram", histogram(sum));
        j.set("load", load == null ? J.nullNode() : load(load, stopped, warnings));
        j.set("steal", steal(steal0, steal1, wallNs));
        ObjectNode la = j.putObject("loadavg");
        la.put("source", "/proc/loadavg (1, 5, 15 min averages, running/total tasks, last pid)");
        la.put("before", load0.orElse(null));
        la.put("after", load1.orElse(null));
        j.set("machine", machine.json());
        ArrayNode w = j.putArray("warnings");
        warnings.forEach(w::add);
        Path json = MeasurementFile.write(dir, j);
        return new Outcome(json, j, warnings, interrupted, status);
    }

    private ObjectNode cyclictest(List<String> command, String versionLine, int status, boolean hasStderr,
            String histfile) {
        ObjectNode c = J.objectNode();
        c.put("binary", s.binary().toString());
        c.put("version", CyclictestRun.version(versionLine));
        c.put("version_line", versionLine);
        c.put("version_source", s.binary() + " --help (first line)");
        c.put("options", MeasurementFile.join(s.options().args()));
        ArrayNode u = c.putArray("user_args");
        s.options().args().forEach(u::add);
        ArrayNode a = c.putArray("added_args");
        s.options().additions().forEach(a::add);
        ArrayNode cmd = c.putArray("command");
        command.forEach(cmd::add);
        Optional<Long> exp = s.options().expectedNs();
        if (exp.isPresent()) {
            c.put("expected_duration_s", exp.get() / 1e9);
        } else {
            c.putNull("expected_duration_s");
        }
        c.put("exit_status", status);
        c.put("stderr_file", hasStderr ? MeasurementFile.STDERR : null);
        c.put("histfile", histfile);
        return c;
    }

    private static ObjectNode histogram(HistogramSummary sum) {
        ObjectNode h = J.objectNode();
        h.put("file", MeasurementFile.HISTOGRAM);
        h.put("buckets", sum.buckets());
        h.put("bucket_us", 1);
        h.put("threads", sum.threads().size());
        h.put("samples", sum.samples());
        h.put("overflows", sum.overflows());
        ArrayNode per = h.putArray("per_thread");
        for (HistogramSummary.Thread t : sum.threads()) {
            ObjectNode o = per.addObject();
            o.put("thread", t.thread());
            o.put("samples", t.samples());
            o.put("in_histogram", t.inHistogram());
            o.put("min_us", t.minUs());
            o.put("avg_us", t.avgUs());
            o.put("max_us", t.maxUs());
            o.put("overflows", t.overflows());
        }
        return h;
    }

    private ObjectNode load(LoadProcess load, LoadProcess.Stopped stopped, List<String> warnings) {
        ObjectNode l = J.objectNode();
        l.put("command", load.command());
        ArrayNode a = l.putArray("argv");
        load.argv().forEach(a::add);
        l.put("log_file", MeasurementFile.LOAD_LOG);
        l.put("started_s_before_cyclictest", LOAD_WARMUP_MS / 1000.0);
        l.put("running_at_end", stopped != null && stopped.runningAtEnd());
        l.put("exit_status", stopped == null ? null : stopped.exitStatus());
        l.put("killed", stopped != null && stopped.killed());
        l.put("warning", warnings.stream().filter(w -> w.startsWith("the load")).findFirst().orElse(null));
        return l;
    }

    private ObjectNode steal(Optional<Map<String, Long>> before, Optional<Map<String, Long>> after, long wallNs) {
        ObjectNode st = J.objectNode();
        st.put("source", "/proc/stat steal column (8th value), read before and after cyclictest");
        ObjectNode hz = facts.userHz();
        st.set("user_hz", hz);
        if (before.isEmpty() || after.isEmpty()) {
            st.putNull("total");
            st.putNull("per_cpu");
            st.put("reason", "/proc/stat unreadable or without a steal column");
            return st;
        }
        double userHz = hz.path("value").asDouble(100);
        double wallS = wallNs / 1e9;
        ObjectNode per = J.objectNode();
        int cpus = 0;
        for (Map.Entry<String, Long> e : before.get().entrySet()) {
            Long b = e.getValue();
            Long a = after.get().get(e.getKey());
            if (a == null) {
                continue;
            }
            long ticks = a - b;
            ObjectNode o = J.objectNode();
            o.put("ticks", ticks);
            if (e.getKey().equals("cpu")) {
                st.set("total", o);
            } else {
                cpus++;
                o.put("percent_of_wall", round(100.0 * ticks / userHz / wallS));
                per.set(e.getKey(), o);
            }
        }
        if (st.has("total") && cpus > 0) {
            ((ObjectNode) st.get("total")).put("percent_of_wall", round(100.0 * st.get("total").get("ticks").asLong()
                    / userHz / (wallS * cpus)));
            ((ObjectNode) st.get("total")).put("note", "percent of wall time × " + cpus + " CPUs");
        }
        st.set("per_cpu", per);
        return st;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : 0;
    }
}
