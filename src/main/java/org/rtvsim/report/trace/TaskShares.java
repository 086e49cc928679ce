package org.rtvsim.report.trace;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.rtvsim.measure.Trace;
import org.rtvsim.measure.TraceSink;

/**
 * The per-task summary of a trace: each task's CPU share in the window (cpu%), the time it held a CPU over the
 * complete part of the window, as the run's periodic-task table counts it — from being switched in to being
 * switched out, interrupts that nest over it included, context switches not.
 */
public final class TaskShares {
    private TaskShares() {
    }

    /** Time (ns) each task held a CPU within the window's complete part, in order of first appearance. */
    public static Map<String, Long> onCpuNs(Trace t) {
        long from = t.fromNs();
        long to = t.endNs();
        Map<String, Long> out = new LinkedHashMap<>();
        Map<Integer, String> owner = new HashMap<>();
        Map<Integer, Long> since = new HashMap<>();
        for (Trace.Event e : t.events()) {
            if (!(e instanceof Trace.Occupy o)) {
                continue;
            }
            close(out, owner.get(o.cpu()), since.get(o.cpu()), o.tNs(), from, to);
            if (o.kind() == TraceSink.Slice.TASK) {
                owner.put(o.cpu(), o.task());
                out.putIfAbsent(o.task(), 0L);
            } else if (o.kind() == TraceSink.Slice.SWITCH || o.kind() == TraceSink.Slice.IDLE) {
                owner.remove(o.cpu());
            } // interrupts, C-state exits and lost supply stay charged to the task they interrupt
            since.put(o.cpu(), o.tNs());
        }
        for (Map.Entry<Integer, String> c : owner.entrySet()) {
            close(out, c.getValue(), since.get(c.getKey()), to, from, to);
        }
        return out;
    }

    private static void close(Map<String, Long> out, String task, Long sinceNs, long untilNs, long from, long to) {
        if (task == null || sinceNs == null) {
            return;
        }
        long d = Math.min(untilNs, to) - Math.max(sinceNs, from);
        if (d > 0) {
            out.merge(task, d, Long::sum);
        }
    }

    /** One line per task, "  NAME  cpu% 12.5", for the window's complete part. */
    public static String summary(Trace t) {
        long len = t.endNs() - t.fromNs();
        StringBuilder sb = new StringBuilder();
        Map<String, Long> on = onCpuNs(t);
        int w = on.keySet().stream().mapToInt(String::length).max().orElse(4);
        for (Map.Entry<String, Long> e : on.entrySet()) {
            sb.append(String.format(Locale.ROOT, "  %-" + w + "s  cpu%% %5.1f\n", e.getKey(),
                    len > 0 ? 100.0 * e.getValue() / len : 0.0));
        }
        return sb.toString();
    }
}
