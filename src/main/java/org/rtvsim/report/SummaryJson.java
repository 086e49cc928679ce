package org.rtvsim.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.Percentile;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.SloResult;
import org.rtvsim.measure.StarvationFinding;
import org.rtvsim.measure.TailAttribution;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.measure.TaskWait;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.measure.WindowMax;

/**
 * Writes {@code summary.json}: the run's per-thread and per-task statistics with times in integer
 * nanoseconds ({@code *_ns}) plus cyclictest's truncated microsecond values ({@code *_us_trunc}).
 *
 * <p>Keys appear in a fixed order, indentation is two spaces with {@code \n} line ends on every
 * platform, and no wall-clock data appears unless {@code stats} is asked for, so the same result
 * gives the same bytes. Histogram buckets are in {@code histogram.csv}, not here.
 *
 * <p>Each thread ends with {@code latency_over_time}: the maximum latency per window of intended
 * wake-up time, in time order, only windows that hold samples (at most 512 per thread). Each entry
 * has {@code start_ns} (the window's start in simulated time), {@code width_ns} (its width; all
 * windows of a thread are equally wide), {@code max_ns} (the window's largest latency),
 * {@code at_ns} (the intended wake-up time of that sample) and {@code label} (the largest
 * attribution component of that sample, null when attribution was off).
 */
public final class SummaryJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private SummaryJson() {
    }

    /** Writes the deterministic summary to {@code path}. */
    public static void write(RunResult r, Path path) throws IOException {
        write(r, path, false);
    }

    /** Writes the summary; {@code stats} adds {@code "stats": {events, wall_nanos}}. */
    public static void write(RunResult r, Path path, boolean stats) throws IOException {
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(r, w, stats);
        }
    }

    /** The summary as a string (for tests and for printing). */
    public static String toString(RunResult r, boolean stats) throws IOException {
        StringWriter w = new StringWriter();
        write(r, w, stats);
        return w.toString();
    }

    private static void write(RunResult r, Writer w, boolean stats) throws IOException {
        writeTree(tree(r, stats), w);
    }

    /** Writes a tree with two-space indentation and {@code \n} line ends, then a final line end. */
    static void writeTree(ObjectNode tree, Writer w) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(indenter).withArrayIndenter(indenter)
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        MAPPER.writer(printer).writeValue(new NonClosing(w), tree);
        w.write('\n');
    }

    static ObjectNode tree(RunResult r, boolean stats) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", r.scenario());
        root.put("source", r.source());
        root.put("seed", r.seed());
        root.put("duration_ns", r.durationNs());
        root.put("warmup_ns", r.warmupNs());
        root.put("smi_count", r.smiCount());
        ArrayNode threads = root.putArray("threads");
        for (ThreadResult t : r.threads()) {
            threads.add(thread(t));
        }
        ArrayNode tasks = root.putArray("tasks");
        for (TaskResult t : r.tasks()) {
            tasks.add(task(t));
        }
        SloResult slo = r.slo();
        if (slo == null) {
            root.putNull("slo");
        } else {
            ObjectNode s = root.putObject("slo");
            s.put("percentile", slo.percentile());
            s.put("limit_ns", slo.limitNs());
            s.put("value_ns", slo.valueNs());
            s.put("met", slo.met());
            SloText.json(slo, s);
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        starvation(r, root);
        if (stats) {
            ObjectNode s = root.putObject("stats");
            s.put("events", r.events());
            s.put("wall_nanos", r.wallNanos());
        }
        return root;
    }

    static ObjectNode thread(ThreadResult t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("thread", t.thread());
        o.put("index", t.index());
        o.put("cpu", t.cpu());
        o.put("priority", t.priority());
        o.put("interval_ns", t.intervalNs());
        o.put("samples", t.samples());
        o.put("min_ns", t.minNs());
        o.put("avg_ns", t.avgNs());
        o.put("max_ns", t.maxNs());
        o.put("sum_ns", t.sumNs());
        o.put("min_us_trunc", t.minUsTrunc());
        o.put("avg_us_trunc", t.avgUsTrunc());
        o.put("max_us_trunc", t.maxUsTrunc());
        o.put("bucket_ns", t.bucketNs());
        o.put("buckets", t.buckets());
        o.put("in_histogram", t.inHistogram());
        o.put("overflows", t.overflows());
        ArrayNode cycles = o.putArray("overflow_cycles");
        for (long c : t.overflowCycles()) {
            cycles.add(c);
        }
        o.set("percentiles", percentiles(t.percentiles()));
        Attribution max = t.maxSample();
        if (max == null) {
            o.putNull("max_sample_attribution");
        } else {
            ObjectNode m = o.putObject("max_sample_attribution");
            m.put("total_ns", max.totalNs());
            m.set("components", components(max.components()));
        }
        TailAttribution tail = t.tail();
        if (tail == null) {
            o.putNull("tail_attribution");
        } else {
            ObjectNode m = o.putObject("tail_attribution");
            m.put("percentile", tail.percentile());
            m.put("threshold_ns", tail.thresholdNs());
            m.put("samples", tail.samples());
            m.put("total_ns", tail.totalNs());
            m.set("components", components(tail.components()));
        }
        ArrayNode overTime = o.putArray("latency_over_time");
        for (WindowMax w : t.latencyOverTime()) {
            ObjectNode e = overTime.addObject();
            e.put("start_ns", w.startNs());
            e.put("width_ns", w.widthNs());
            e.put("max_ns", w.maxNs());
            e.put("at_ns", w.atNs());
            e.put("label", w.label());
        }
        return o;
    }

    /** The starvation monitor: findings on kernel threads, then the longest runnable waits of all tasks. */
    static void starvation(RunResult r, ObjectNode root) {
        ArrayNode findings = root.putArray("starvation");
        for (StarvationFinding f : r.starvation()) {
            ObjectNode o = findings.addObject();
            o.put("task", f.task());
            o.put("cpu", f.cpu());
            o.put("level", f.level());
            o.put("wait_ns", f.waitNs());
            o.put("runnable_at_end", f.runnableAtEnd());
            o.put("threshold_ns", f.thresholdNs());
            o.put("message", f.message());
        }
        ArrayNode waits = root.putArray("longest_waits");
        for (TaskWait w : r.waits()) {
            ObjectNode o = waits.addObject();
            o.put("task", w.task());
            o.put("cpu", w.cpu());
            o.put("policy", w.policy());
            o.put("priority", w.priority());
            o.put("kthread", w.kthread());
            o.put("longest_ns", w.longestNs());
            o.put("start_ns", w.startNs());
            o.put("runnable_at_end", w.runnableAtEnd());
        }
    }

    private static ObjectNode task(TaskResult t) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("task", t.task());
        o.put("cpu", t.cpu());
        o.put("priority", t.priority());
        o.put("period_ns", t.periodNs());
        o.put("deadline_ns", t.deadlineNs());
        o.put("jobs", t.jobs());
        o.put("min_ns", t.minNs());
        o.put("avg_ns", t.avgNs());
        o.put("max_ns", t.maxNs());
        o.put("deadline_misses", t.deadlineMisses());
        if (!Double.isNaN(t.cpuShare())) {
            o.put("cpu_share", t.cpuShare());
        }
        o.set("percentiles", percentiles(t.percentiles()));
        Attribution worst = t.worstJob();
        if (worst == null) {
            o.putNull("worst_job_attribution");
        } else {
            ObjectNode w = o.putObject("worst_job_attribution");
            w.put("total_ns", worst.totalNs());
            w.set("components", components(worst.components()));
        }
        return o;
    }

    private static ArrayNode percentiles(List<Percentile> ps) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Percentile p : ps) {
            ObjectNode o = a.addObject();
            o.put("p", p.p());
            o.put("value_ns", p.valueNs());
            o.put("supported", p.supported());
            if (p.hasInterval()) {
                o.put("ci_low_ns", p.ciLowNs());
                if (p.ciHighNs() == org.rtvsim.measure.QuantileInterval.UNBOUNDED) {
                    o.putNull("ci_high_ns");
                } else {
                    o.put("ci_high_ns", p.ciHighNs());
                }
            }
        }
        return a;
    }

    private static ArrayNode components(List<Attribution.Component> cs) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Attribution.Component c : cs) {
            ObjectNode o = a.addObject();
            o.put("label", c.label());
            o.put("ns", c.ns());
            o.put("share", c.share());
        }
        return a;
    }

    /** Keeps Jackson from closing the caller's writer. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
