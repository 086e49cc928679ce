package org.rtvsim.report.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtvsim.measure.Trace;
import org.rtvsim.measure.TraceSink;

/**
 * The Perfetto JSON's flow arrows and counter tracks, beside {@link PerfettoTrace}'s slices:
 * <ul>
 * <li>a flow per wake-up that is followed by the task running in the window: {@code ph: "s"} at the
 *     wake-up on the waking CPU's track (it binds to the slice the CPU runs then: the timer interrupt,
 *     the IPI, the waker task), {@code ph: "f"} with {@code bp: "e"} at the start of the task's next
 *     running (or boosted) slice, same {@code id}, {@code cat: "wakeup"};</li>
 * <li>per task a counter {@code prio <task>} ({@code ph: "C"}) with two series, {@code static} and
 *     {@code effective}: the SCHED_FIFO/RR priority 1..99 (0 for the fair class) at the window's start
 *     and at every PI boost or de-boost ({@code sched_pi_setprio});</li>
 * <li>per CPU a counter {@code runnable <cpu>} with series {@code tasks}: how many tasks are running or
 *     waiting for that CPU (the kernel's {@code rq->nr_running}), at the window's start and at every change.</li>
 * </ul>
 */
final class PerfettoFlows {
    private final ObjectMapper mapper;

    PerfettoFlows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A timed event for the sorted list of {@link PerfettoTrace}. */
    record Timed(long tNs, ObjectNode event) {
    }

    /** Flow start/end pairs for the wake-ups followed by a run inside the window. */
    List<Timed> flows(Trace t, Map<String, Integer> tids) {
        List<Timed> out = new ArrayList<>();
        List<Spans.StateSpan> states = Spans.states(t);
        int id = 1;
        for (Trace.Point p : Spans.points(t)) {
            if (p.kind() != TraceSink.Instant.WAKEUP || p.task() == null || p.tNs() > t.endNs()) {
                continue;
            }
            Spans.StateSpan run = null;
            for (Spans.StateSpan s : states) {
                if (s.task().equals(p.task()) && s.startNs() >= p.tNs() && (s.state() == TraceSink.TaskState.RUNNING
                        || s.state() == TraceSink.TaskState.BOOSTED_RUNNING)) {
                    run = s;
                    break;
                }
            }
            if (run == null) {
                continue;
            }
            out.add(new Timed(p.tNs(), flow("s", id, p.tNs(), PerfettoTrace.CPU_PID, p.cpu(), p.task())));
            ObjectNode end = flow("f", id, run.startNs(), PerfettoTrace.TASK_PID, tids.get(p.task()) + 1, p.task());
            end.put("bp", "e");
            out.add(new Timed(run.startNs(), end));
            id++;
        }
        return out;
    }

    private ObjectNode flow(String ph, int id, long tNs, int pid, int tid, String task) {
        ObjectNode e = mapper.createObjectNode();
        e.put("name", "wakeup " + task);
        e.put("cat", "wakeup");
        e.put("ph", ph);
        e.put("id", id);
        e.put("ts", PerfettoTrace.us(tNs));
        e.put("pid", pid);
        e.put("tid", tid);
        return e;
    }

    /** Priority counters per task and runnable counters per CPU. */
    List<Timed> counters(Trace t) {
        List<Timed> out = new ArrayList<>();
        Map<String, Integer> effective = new HashMap<>();
        for (String task : t.tasks()) {
            int base = rtPriority(t.info(task).kernelPrio());
            effective.put(task, base);
            out.add(new Timed(t.fromNs(), prio(t.fromNs(), task, base, base)));
        }
        Map<Integer, Integer> runnable = new TreeMap<>();
        Map<String, Trace.StateChange> last = new HashMap<>();
        // the counts at the window's start, from the carried-in states
        Map<Integer, Integer> atStart = new TreeMap<>();
        for (int cpu : t.cpus()) {
            atStart.put(cpu, 0);
        }
        for (Trace.Event e : t.events()) {
            if (e instanceof Trace.StateChange s && s.tNs() < t.fromNs()) {
                last.put(s.task(), s);
            }
        }
        for (Trace.StateChange s : last.values()) {
            if (runs(s.state())) {
                atStart.merge(s.cpu(), 1, Integer::sum);
            }
        }
        for (Trace.Event e : t.events()) {
            if (e instanceof Trace.StateChange s) {
                if (s.tNs() < t.fromNs()) {
                    continue;
                }
                Trace.StateChange before = last.put(s.task(), s);
                int changed = -1;
                if (before != null && runs(before.state())) {
                    runnable.merge(before.cpu(), -1, Integer::sum);
                    changed = before.cpu();
                }
                if (runs(s.state())) {
                    runnable.merge(s.cpu(), 1, Integer::sum);
                    if (changed >= 0 && changed != s.cpu()) {
                        out.add(new Timed(s.tNs(), runnable(t, s.tNs(), changed, runnable.get(changed))));
                    }
                    changed = s.cpu();
                }
                if (changed >= 0 && s.tNs() <= t.endNs()) {
                    out.add(new Timed(s.tNs(), runnable(t, s.tNs(), changed, runnable.get(changed))));
                }
            } else if (e instanceof Trace.Point p && p.kind() == TraceSink.Instant.PRIORITY && p.task() != null
                    && p.detail() != null) {
                String[] parts = p.detail().split("\\s*->\\s*");
                try {
                    int now = Math.max(0, Integer.parseInt(parts[1].trim()));
                    effective.put(p.task(), now);
                    out.add(new Timed(p.tNs(), prio(p.tNs(), p.task(), rtPriority(t.info(p.task()).kernelPrio()), now)));
                } catch (RuntimeException ignored) {
                    // a detail not in "old -> new" form: no counter point
                }
            }
        }
        List<Timed> start = new ArrayList<>();
        for (Map.Entry<Integer, Integer> c : atStart.entrySet()) {
            start.add(new Timed(t.fromNs(), runnable(t, t.fromNs(), c.getKey(), c.getValue())));
        }
        // later changes are relative to the carried-in counts
        List<Timed> shifted = new ArrayList<>();
        for (Timed x : out) {
            ObjectNode ev = x.event();
            if (ev.get("name").asText().startsWith("runnable ")) {
                int cpu = ev.get("args").get("cpu").asInt();
                ((ObjectNode) ev.get("args")).put("tasks", ev.get("args").get("tasks").asInt() + atStart.getOrDefault(cpu, 0));
                ((ObjectNode) ev.get("args")).remove("cpu");
            }
            shifted.add(x);
        }
        for (Timed x : start) {
            ((ObjectNode) x.event().get("args")).remove("cpu");
        }
        start.addAll(shifted);
        return start;
    }

    private static boolean runs(TraceSink.TaskState s) {
        return s == TraceSink.TaskState.RUNNING || s == TraceSink.TaskState.RUNNABLE
                || s == TraceSink.TaskState.BOOSTED_RUNNING;
    }

    /** SCHED_FIFO/RR priority from the kernel's prio (99 − rtprio); 0 for the fair class. */
    static int rtPriority(int kernelPrio) {
        return kernelPrio < 100 ? 99 - kernelPrio : 0;
    }

    private ObjectNode prio(long tNs, String task, int base, int effective) {
        ObjectNode e = counter("prio " + task, tNs, PerfettoTrace.TASK_PID);
        e.putObject("args").put("static", base).put("effective", effective);
        return e;
    }

    private ObjectNode runnable(Trace t, long tNs, int cpu, int n) {
        ObjectNode e = counter("runnable " + t.cpuName(cpu), tNs, PerfettoTrace.CPU_PID);
        e.putObject("args").put("tasks", n).put("cpu", cpu);
        return e;
    }

    private ObjectNode counter(String name, long tNs, int pid) {
        ObjectNode e = mapper.createObjectNode();
        e.put("name", name);
        e.put("ph", "C");
        e.put("ts", PerfettoTrace.us(tNs));
        e.put("pid", pid);
        return e;
    }
}
