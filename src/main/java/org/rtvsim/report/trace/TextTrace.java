package org.rtvsim.report.trace;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.rtvsim.measure.Trace;
import org.rtvsim.measure.TraceSink;

/**
 * Writes a {@link Trace} as an ftrace-like listing, one line per event, timestamps in seconds with
 * microsecond precision (truncated, as ftrace prints them):
 * <pre>
 *             high-1     [001]     0.010002: sched_switch: prev=low next=high label="user"
 * </pre>
 * The first column is the CPU's context when the event happens — the task it runs (or last switched
 * to, under interrupts), {@code <idle>} when none — then the CPU. Events keep the trace's order;
 * the carried-in state (before the window) comes first with its real times.
 *
 * <p>Event names: occupancy {@code sched_switch} (a switch to another task or to idle), {@code task_run}
 * (the same task runs another labelled part), {@code irq_handler_entry}, {@code softirq_entry},
 * {@code cstate_exit}, {@code smi} (or {@code no_supply}), {@code cpu_idle}; instants as in
 * {@link #eventName}; task states {@code task_state}.
 */
public final class TextTrace {

    private TextTrace() {
    }

    /** The name of an instant: sched_wakeup, job_release, lock_*, sched_pi_setprio, latency_sample. */
    public static String eventName(TraceSink.Instant kind) {
        return switch (kind) {
            case WAKEUP -> "sched_wakeup";
            case RELEASE -> "job_release";
            case LOCK_ACQUIRE -> "lock_acquire";
            case LOCK_CONTENDED -> "lock_contended";
            case LOCK_RELEASE -> "lock_release";
            case PRIORITY -> "sched_pi_setprio";
            case SAMPLE -> "latency_sample";
        };
    }

    /** Writes the header and one line per event to {@code out}. */
    public static void write(Trace t, Appendable out) throws IOException {
        out.append("# tracer: rtvsim\n");
        out.append("# window: ").append(org.rtvsim.engine.Units.formatNs(t.fromNs())).append(" to ").append(org.rtvsim.engine.Units.formatNs(t.toNs()))
                .append(" (").append(Long.toString(t.fromNs())).append(" to ").append(Long.toString(t.toNs()))
                .append(" ns), ").append(Integer.toString(t.events().size())).append(" events\n");
        if (t.dropped() > 0) {
            out.append("# truncated: ").append(Long.toString(t.dropped())).append(" events from ")
                    .append(org.rtvsim.engine.Units.formatNs(t.truncatedAtNs())).append(" on were dropped (event cap reached)\n");
        }
        out.append("#\n");
        out.append("#            TASK-CPU    CPU     TIMESTAMP  EVENT\n");
        out.append("#               | |       |         |       |\n");
        Map<Integer, String> current = new HashMap<>();
        for (Trace.Event e : t.events()) {
            String context = current.getOrDefault(e.cpu(), "<idle>");
            String body;
            if (e instanceof Trace.Occupy o) {
                body = occupy(o, current.get(o.cpu()));
                if (o.kind() == TraceSink.Slice.TASK || o.kind() == TraceSink.Slice.SWITCH) {
                    current.put(o.cpu(), o.task());
                } else if (o.kind() == TraceSink.Slice.IDLE) {
                    current.remove(o.cpu());
                }
            } else if (e instanceof Trace.Point p) {
                body = eventName(p.kind()) + ": comm=" + p.task() + detail(p.kind(), p.detail());
            } else {
                Trace.StateChange s = (Trace.StateChange) e;
                body = "task_state: comm=" + s.task() + " state=" + s.state().name().toLowerCase(Locale.ROOT)
                        + (s.detail() == null ? "" : " lock=" + s.detail());
            }
            out.append(String.format(Locale.ROOT, "%16s-%-5d [%03d] %6d.%06d: %s\n", context, e.cpu(), e.cpu(),
                    e.tNs() / 1_000_000_000L, e.tNs() % 1_000_000_000L / 1000, body));
        }
    }

    private static String occupy(Trace.Occupy o, String current) {
        String label = " label=\"" + o.label() + "\"";
        String prev = current == null ? "<idle>" : current;
        return switch (o.kind()) {
            case TASK -> o.task().equals(current) ? "task_run: comm=" + o.task() + label
                    : "sched_switch: prev=" + prev + " next=" + o.task() + label;
            case SWITCH -> "sched_switch: prev=" + prev + " next=" + o.task() + label;
            case HARDIRQ -> "irq_handler_entry:" + label;
            case SOFTIRQ -> "softirq_entry:" + label;
            case CSTATE_EXIT -> "cstate_exit:" + label;
            case IDLE -> current == null ? "cpu_idle:" + label : "sched_switch: prev=" + prev + " next=<idle>" + label;
            case NO_SUPPLY -> (o.label() != null && o.label().contains("SMI") ? "smi:" : "no_supply:") + label;
        };
    }

    private static String detail(TraceSink.Instant kind, String detail) {
        if (detail == null) {
            return "";
        }
        return switch (kind) {
            case LOCK_ACQUIRE, LOCK_CONTENDED, LOCK_RELEASE -> " lock=" + detail;
            case PRIORITY -> " prio=" + detail;
            case SAMPLE -> " latency=" + detail;
            default -> " detail=" + detail;
        };
    }
}
