package org.rtvsim.report.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.rtvsim.measure.Trace;
import org.rtvsim.measure.TraceSink;

/**
 * Writes a {@link Trace} in the Chrome Trace Event JSON format, which ui.perfetto.dev and
 * chrome://tracing open: timestamps {@code ts} and durations {@code dur} in microseconds with three
 * decimals (exact nanoseconds).
 *
 * <p>Process 1 "CPUs" has one thread per CPU ({@code cpu0}, …) with a complete event ({@code ph: "X"})
 * per occupancy interval: name = attribution label, {@code cat} = slice kind, {@code args.task}.
 * Process 2 "Tasks" has one thread per task with its state intervals (running, runnable, blocked on L,
 * boosted; sleeping is left empty) and the task's instants ({@code ph: "i"}, {@code s: "t"}, named as in
 * {@link TextTrace}); an instant without a task goes on its CPU's thread. Metadata come first, then the
 * events by time (CPU intervals, then task intervals, then instants, then flows and counters at equal
 * times), one per line, so the same trace gives the same bytes. Flow arrows (wake-up → run) and counter
 * tracks (priority, effective priority, runnable tasks per CPU) are described in {@link PerfettoFlows}.
 */
public final class PerfettoTrace {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final int CPU_PID = 1;
    static final int TASK_PID = 2;

    private PerfettoTrace() {
    }

    /** Writes the trace as JSON to {@code path}. */
    public static void write(Trace t, Path path) throws IOException {
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(t, w);
        }
    }

    /** Writes the trace as JSON to {@code w} (not closed). */
    public static void write(Trace t, Writer w) throws IOException {
        w.write("{\"displayTimeUnit\": \"ns\",\n\"otherData\": ");
        ObjectNode other = MAPPER.createObjectNode();
        other.put("generator", "rtvsim");
        other.put("from_ns", t.fromNs());
        other.put("to_ns", t.toNs());
        other.put("dropped_events", t.dropped());
        w.write(json(other));
        w.write(",\n\"traceEvents\": [\n");
        boolean first = true;
        for (ObjectNode e : events(t)) {
            if (!first) {
                w.write(",\n");
            }
            first = false;
            w.write(json(e));
        }
        w.write("\n]}\n");
    }

    static List<ObjectNode> events(Trace t) {
        List<ObjectNode> out = new ArrayList<>();
        out.add(meta("process_name", CPU_PID, 0, "CPUs"));
        out.add(sortIndex(CPU_PID));
        for (int cpu : t.cpus()) {
            out.add(meta("thread_name", CPU_PID, cpu, t.cpuName(cpu)));
        }
        out.add(meta("process_name", TASK_PID, 0, "Tasks"));
        out.add(sortIndex(TASK_PID));
        Map<String, Integer> tids = Spans.taskIndex(t);
        for (String task : t.tasks()) {
            out.add(meta("thread_name", TASK_PID, tids.get(task) + 1, task));
        }
        List<Timed> timed = new ArrayList<>();
        for (Spans.CpuSpan s : Spans.cpu(t)) {
            ObjectNode e = complete(s.label(), s.kind().name().toLowerCase(java.util.Locale.ROOT), s.startNs(),
                    s.endNs(), CPU_PID, s.cpu());
            if (s.task() != null) {
                e.putObject("args").put("task", s.task());
            }
            timed.add(new Timed(s.startNs(), e));
        }
        for (Spans.StateSpan s : Spans.states(t)) {
            ObjectNode e = complete(Spans.stateName(s.state(), s.detail()), s.state().name().toLowerCase(
                    java.util.Locale.ROOT), s.startNs(), s.endNs(), TASK_PID, tids.get(s.task()) + 1);
            e.put("cname", colour(s.state()));
            ObjectNode args = e.putObject("args").put("cpu", s.cpu());
            if (s.detail() != null) {
                args.put("lock", s.detail());
            }
            timed.add(new Timed(s.startNs(), e));
        }
        for (Trace.Point p : Spans.points(t)) {
            boolean onTask = p.task() != null;
            ObjectNode e = MAPPER.createObjectNode();
            e.put("name", TextTrace.eventName(p.kind()));
            e.put("cat", p.kind().name().toLowerCase(java.util.Locale.ROOT));
            e.put("ph", "i");
            e.put("s", "t");
            e.put("ts", us(p.tNs()));
            e.put("pid", onTask ? TASK_PID : CPU_PID);
            e.put("tid", onTask ? tids.get(p.task()) + 1 : p.cpu());
            ObjectNode args = e.putObject("args").put("cpu", p.cpu());
            if (p.task() != null) {
                args.put("task", p.task());
            }
            if (p.detail() != null) {
                args.put("detail", p.detail());
            }
            timed.add(new Timed(p.tNs(), e));
        }
        PerfettoFlows extras = new PerfettoFlows(MAPPER);
        for (PerfettoFlows.Timed x : extras.flows(t, tids)) {
            timed.add(new Timed(x.tNs(), x.event()));
        }
        for (PerfettoFlows.Timed x : extras.counters(t)) {
            timed.add(new Timed(x.tNs(), x.event()));
        }
        timed.sort(Comparator.comparingLong(Timed::tNs));
        for (Timed x : timed) {
            out.add(x.event());
        }
        return out;
    }

    private record Timed(long tNs, ObjectNode event) {
    }

    private static ObjectNode meta(String name, int pid, int tid, String value) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("name", name);
        e.put("ph", "M");
        e.put("pid", pid);
        e.put("tid", tid);
        e.putObject("args").put("name", value);
        return e;
    }

    /** Lists process {@code pid} in that place (CPUs above Tasks). */
    private static ObjectNode sortIndex(int pid) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("name", "process_sort_index");
        e.put("ph", "M");
        e.put("pid", pid);
        e.put("tid", 0);
        e.putObject("args").put("sort_index", pid);
        return e;
    }

    private static ObjectNode complete(String name, String cat, long startNs, long endNs, int pid, int tid) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("name", name);
        e.put("cat", cat);
        e.put("ph", "X");
        e.put("ts", us(startNs));
        e.put("dur", us(endNs - startNs));
        e.put("pid", pid);
        e.put("tid", tid);
        return e;
    }

    /** Nanoseconds as microseconds with exactly three decimals. */
    static BigDecimal us(long ns) {
        return BigDecimal.valueOf(ns, 3);
    }

    /** chrome://tracing's reserved colour names, matching the Gantt chart (Perfetto colours by name). */
    private static String colour(TraceSink.TaskState s) {
        return switch (s) {
            case RUNNING -> "thread_state_running";
            case RUNNABLE -> "grey";
            case BLOCKED_ON_LOCK -> "terrible";
            case BOOSTED_RUNNING -> "bad";
            case SLEEPING -> "thread_state_sleeping";
        };
    }

    private static String json(ObjectNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
