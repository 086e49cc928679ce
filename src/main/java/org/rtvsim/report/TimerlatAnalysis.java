package org.rtvsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.measure.TimerlatStats;

/**
 * rtla timerlat's auto-analysis ({@code timerlat_thread_analysis()} of Linux
 * {@code tools/tracing/rtla/src/timerlat_aa.c}, in the space-aligned layout of commit a40e5e4dd020) for the
 * run's worst sample, as rtla prints it when {@code -T} stops the session at that sample, built from the
 * model's exact attribution instead of trace events. The mapping (docs/output-reference.md#rtla-timerlat):
 *
 * <ul>
 *   <li><b>IRQ latency</b>: expiry → start of the thread's hrtimer callback ({@link TimerlatStats});
 *       <b>Timerlat IRQ duration</b>: that callback's own time.</li>
 *   <li><b>IRQ handler delay</b>: the IRQ latency less what the timer interrupt itself spent before the callback
 *       (its entry, the tick and other hrtimer callbacks); "(exit from idle)" when a C-state exit of more than
 *       10 µs is part of it, as rtla flags it.</li>
 *   <li>After the wake-up, each attribution component is put in one class by its label: softirqs (and
 *       ksoftirqd) → Softirq interference; SMIs and NMIs → NMI interference; interrupts (hardirq frames,
 *       IPIs, the tick, irq entry/exit) → IRQ interference; sections of other tasks that kept the CPU
 *       (spinlock, raw_spinlock, irqs-off, preempt-off sections, spinning) and the context switch →
 *       Blocking thread, named after the largest such section's owner; the thread's own return to user, clock
 *       read, page faults and timer slack are what rtla's kernel thread does not pay and are shown on a last
 *       rtvsim line; everything else (other tasks' code, threaded IRQs, vCPU and qemu work) → Thread
 *       interference.</li>
 * </ul>
 */
public final class TimerlatAnalysis {
    private static final String SPACES = "                                                         ";

    private TimerlatAnalysis() {
    }

    /** The class of an attribution component after the wake-up. */
    enum Kind { SOFTIRQ, NMI, IRQ, BLOCKING, OWN, THREAD }

    static Kind classify(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.startsWith("return to user (") || l.startsWith("clock read") || l.startsWith("page fault")
                || l.startsWith("timer slack (")) {
            return Kind.OWN;
        }
        if (l.contains("irq thread") || l.startsWith("kvm: ") || l.startsWith("qemu: ") || l.startsWith("vcpu ")) {
            return Kind.THREAD;
        }
        if (l.contains("softirq")) {
            return Kind.SOFTIRQ;
        }
        if (l.equals("smi") || l.startsWith("smi ") || l.contains("nmi")) {
            return Kind.NMI;
        }
        if (l.equals("context switch") || l.contains("section") || l.contains("spinning on lock")
                || l.contains("irqs off") || l.contains("irqoff")) {
            return Kind.BLOCKING;
        }
        if (l.contains("irq") || l.contains("interrupt") || l.contains("ipi") || l.equals("tick")
                || l.startsWith("hrtimer expiry")) {
            return Kind.IRQ;
        }
        return Kind.THREAD;
    }

    /** The thread whose max is the run's largest (the first of equals); null without the timerlat split. */
    static ThreadResult worst(RunResult r) {
        ThreadResult worst = null;
        for (ThreadResult t : TimerlatText.threads(r)) {
            if (t.timerlat().max() != null && (worst == null || t.maxNs() > worst.maxNs())) {
                worst = t;
            }
        }
        return worst;
    }

    /**
     * Writes the analysis of the run's worst sample; a one-line note when attribution was off (the split needs
     * it).
     */
    public static void write(RunResult r, StringBuilder out) {
        ThreadResult t = worst(r);
        if (t == null) {
            out.append("rtvsim: no auto-analysis: the run has no attributed sample (measure.attribution is off)\n");
            return;
        }
        TimerlatStats.MaxSplit m = t.timerlat().max();
        long total = m.latencyNs();
        out.append("rtla timerlat hit stop tracing\n");
        out.append(String.format(Locale.ROOT, "## CPU %d hit stop tracing, analyzing it ##%n", t.cpu()).replace("\r\n", "\n"));
        long irqNs = Math.max(0, m.irqNs());
        long beforeCallback = 0;
        boolean idleExit = false;
        for (Attribution.Component c : m.beforeWake().components()) {
            String l = c.label().toLowerCase(Locale.ROOT);
            if (l.equals("timer interrupt entry") || l.equals("tick") || l.startsWith("hrtimer expiry")) {
                beforeCallback += c.ns();
            }
            if ((l.contains("c-state") || l.contains("exit from idle") || l.matches(".*\\bc\\d.*")) && c.ns() > 10_000) {
                idleExit = true;
            }
        }
        long handlerDelay = Math.max(0, irqNs - Math.max(0, beforeCallback - m.callbackNs()));
        line(out, "  IRQ handler delay: " + SPACES.substring(0, 16) + " " + String.format(Locale.ROOT, "%16s  ",
                idleExit ? "(exit from idle)" : ""), handlerDelay, total);
        out.append("  IRQ latency: ").append(SPACES, 0, 40).append(' ').append(us(irqNs)).append(" us\n");
        line(out, "  Timerlat IRQ duration: " + SPACES.substring(0, 30) + " ", m.callbackNs(), total);

        long[] sums = new long[Kind.values().length];
        List<List<Attribution.Component>> parts = new ArrayList<>();
        for (int i = 0; i < Kind.values().length; i++) {
            parts.add(new ArrayList<>());
        }
        for (Attribution.Component c : m.afterWake().components()) {
            Kind k = classify(c.label());
            sums[k.ordinal()] += c.ns();
            parts.get(k.ordinal()).add(c);
        }
        String blocker = "swapper";
        for (Attribution.Component c : parts.get(Kind.BLOCKING.ordinal())) {
            if (!c.label().equals("context switch")) {
                blocker = owner(c.label());
                break;
            }
        }
        long blocking = sums[Kind.BLOCKING.ordinal()];
        line(out, "  Blocking thread: " + SPACES.substring(0, 36) + " ", blocking, total);
        out.append(' ').append(SPACES, 0, 6).append(' ').append(String.format(Locale.ROOT, "%24s:%-9s", blocker, "-"))
                .append(' ').append(SPACES, 0, 12).append(' ').append(us(blocking)).append(" us\n");
        section(out, "  NMI interference " + SPACES.substring(0, 36) + " ", Kind.NMI, sums, parts, total);
        section(out, "  IRQ interference " + SPACES.substring(0, 36) + " ", Kind.IRQ, sums, parts, total);
        section(out, "  Softirq interference " + SPACES.substring(0, 32) + " ", Kind.SOFTIRQ, sums, parts, total);
        section(out, "  Thread interference " + SPACES.substring(0, 33) + " ", Kind.THREAD, sums, parts, total);
        out.append("------------------------------------------------------------------------\n");
        out.append("  Thread latency: ").append(SPACES, 0, 37).append(' ').append(us(total)).append(" us (100%)\n");
        out.append(String.format(Locale.ROOT, "%nrtvsim: thread %s, sample of %.2f us; its own return to user, clock "
                        + "read and faults (not in rtla's kernel thread): %.2f us; every part above is the model's exact "
                        + "attribution%n", t.thread(), total / 1000.0, sums[Kind.OWN.ordinal()] / 1000.0)
                .replace("\r\n", "\n"));
    }

    private static void section(StringBuilder out, String head, Kind k, long[] sums,
                                List<List<Attribution.Component>> parts, long total) {
        if (sums[k.ordinal()] == 0) {
            return;
        }
        line(out, head, sums[k.ordinal()], total);
        for (Attribution.Component c : parts.get(k.ordinal())) {
            if (k == Kind.THREAD) {
                out.append(String.format(Locale.ROOT, "  %24s:%-12s ", c.label(), "-")).append(SPACES, 0, 15);
            } else {
                out.append(String.format(Locale.ROOT, "  %24s:%-3s ", c.label(), "-")).append(SPACES, 0, 24);
            }
            out.append(' ').append(us(c.ns())).append(" us\n");
        }
    }

    private static void line(StringBuilder out, String head, long ns, long total) {
        out.append(head).append(us(ns)).append(String.format(Locale.ROOT, " us (%.2f %%)%n",
                total == 0 ? 0.0 : ns * 100.0 / total).replace("\r\n", "\n"));
    }

    /** The task a section label belongs to: the text before its first colon ("hackbench: raw_spinlock section"). */
    static String owner(String label) {
        int colon = label.indexOf(':');
        return colon > 0 ? label.substring(0, colon) : label;
    }

    private static String us(long ns) {
        return String.format(Locale.ROOT, "%9.2f", ns / 1000.0);
    }
}
