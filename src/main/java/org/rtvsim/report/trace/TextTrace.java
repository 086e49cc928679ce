package org.rtvsim.report.trace;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.rtvsim.engine.Units;
import org.rtvsim.measure.Trace;
import org.rtvsim.measure.TraceSink;

/**
 * Writes a {@link Trace} in the kernel's ftrace text format, as {@code trace-cmd report} and
 * {@code /sys/kernel/tracing/trace} print it: a {@code cpus=N} line, the {@code # tracer: nop} header
 * with the latency-flags legend, then one line per event:
 * <pre>
 *             high-1001  [000] d..2     0.001100: sched_switch: prev_comm=low prev_pid=1003 prev_prio=98 prev_state=R+ ==&gt; next_comm=high next_pid=1001 next_prio=96
 * </pre>
 * {@code comm-pid} of the task current on the CPU ({@code <idle>-0} when none), the CPU, four flags
 * (irqs-off {@code d}, need-resched {@code N}, {@code h}/{@code s}/{@code H} hardirq/softirq/hardirq in
 * softirq, preempt depth), seconds with microsecond digits (truncated, as the kernel prints them),
 * and the event with the kernel's field names: {@code sched_switch}, {@code sched_waking},
 * {@code sched_wakeup}, {@code sched_pi_setprio}, {@code irq_handler_entry}/{@code _exit},
 * {@code local_timer_entry}/{@code _exit}, {@code reschedule_entry}/{@code _exit},
 * {@code hrtimer_expire_entry}/{@code _exit}, {@code softirq_entry}/{@code _exit}, {@code cpu_idle}.
 * The model's own events have no kernel counterpart and keep rtvsim names: {@code job_release},
 * {@code job_end}, {@code lock_acquire}, {@code lock_contended}, {@code lock_release},
 * {@code latency_sample}, {@code smi}/{@code no_supply}. Lines before the window are the carried-in
 * state. Task names become comms with blanks replaced by {@code _} (the fields are blank-separated).
 */
public final class TextTrace {
    /** x86 vectors (arch/x86/include/asm/irq_vectors.h): LOCAL_TIMER_VECTOR 0xec, RESCHEDULE 0xfd, CALL_FUNCTION_SINGLE 0xfb. */
    static final int LOCAL_TIMER_VECTOR = 236;
    static final int RESCHEDULE_VECTOR = 253;
    static final int CALL_FUNCTION_SINGLE_VECTOR = 251;
    /** The first irq number given to device interrupts (after the legacy ISA range 0..15 and IO-APIC 16..23; assumption). */
    static final int FIRST_DEVICE_IRQ = 24;
    /** The kernel's softirq vector names (include/linux/interrupt.h), index = vec. */
    static final String[] SOFTIRQ_NAMES = {"HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL", "TASKLET",
        "SCHED", "HRTIMER", "RCU"};

    private TextTrace() {
    }

    /** The name of an instant in this format. */
    public static String eventName(TraceSink.Instant kind) {
        return switch (kind) {
            case WAKEUP -> "sched_wakeup";
            case RELEASE -> "job_release";
            case LOCK_ACQUIRE -> "lock_acquire";
            case LOCK_CONTENDED -> "lock_contended";
            case LOCK_RELEASE -> "lock_release";
            case PRIORITY -> "sched_pi_setprio";
            case SAMPLE -> "latency_sample";
            case JOB_END -> "job_end";
        };
    }

    /** Writes the header and the event lines to {@code out}. */
    public static void write(Trace t, Appendable out) throws IOException {
        new Writer(t, out).write();
    }

    /** A comm as the kernel's fields print it: no blanks. */
    static String comm(String task) {
        return task.replaceAll("\\s+", "_");
    }

    /** The kernel's prio of {@code task} now, given its effective rtvsim priority {@code rt} (-1: fair). */
    static int kernelPrio(Trace t, String task, int rt) {
        return rt >= 1 ? 99 - rt : t.info(task).kernelPrio();
    }

    /** Softirq vector of a label naming one of the kernel's softirqs ({@code "RCU softirq: …"}); else TASKLET. */
    static int softirqVector(String label) {
        String upper = label == null ? "" : label.toUpperCase(Locale.ROOT);
        for (int v = SOFTIRQ_NAMES.length - 1; v >= 0; v--) {
            if (upper.startsWith(SOFTIRQ_NAMES[v] + " ") || upper.contains(" " + SOFTIRQ_NAMES[v] + " ")) {
                return v;
            }
        }
        return 6;
    }

    /** One pass over the events, keeping each CPU's context and each task's state and priority. */
    private static final class Writer {
        private final Trace t;
        private final Appendable out;
        private final Map<Integer, String> current = new HashMap<>();
        /** Per CPU: the interrupt frame open (its first occupancy), and the hrtimer callback inside a timer interrupt. */
        private final Map<Integer, Trace.Occupy> frame = new HashMap<>();
        private final Map<Integer, Trace.Occupy> sub = new HashMap<>();
        private final Map<Integer, Boolean> inSoftirq = new HashMap<>();
        private final Set<Integer> needResched = new HashSet<>();
        private final Map<String, TraceSink.TaskState> state = new HashMap<>();
        private final Map<String, Integer> effective = new HashMap<>();
        private final Map<String, Integer> irqNumbers = new LinkedHashMap<>();

        Writer(Trace t, Appendable out) {
            this.t = t;
            this.out = out;
        }

        void write() throws IOException {
            int cpus = t.cpus().size();
            out.append("cpus=").append(Integer.toString(cpus)).append('\n');
            out.append("# tracer: nop\n#\n");
            out.append("# entries-in-buffer/entries-written: ").append(Integer.toString(t.events().size())).append('/')
                    .append(Long.toString(t.events().size() + t.dropped())).append("   #P:")
                    .append(Integer.toString(cpus)).append('\n');
            out.append("#\n# rtvsim: simulated window ").append(Units.formatNs(t.fromNs())).append(" to ")
                    .append(Units.formatNs(t.toNs())).append(" (").append(Long.toString(t.fromNs())).append(" to ")
                    .append(Long.toString(t.toNs())).append(" ns); earlier lines carry the state in\n");
            if (t.dropped() > 0) {
                out.append("# rtvsim: truncated: ").append(Long.toString(t.dropped())).append(" events from ")
                        .append(Units.formatNs(t.truncatedAtNs())).append(" on were dropped (event cap reached)\n");
            }
            out.append("#\n");
            out.append("#                              _-----=> irqs-off\n");
            out.append("#                             / _----=> need-resched\n");
            out.append("#                            | / _---=> hardirq/softirq\n");
            out.append("#                            || / _--=> preempt-depth\n");
            out.append("#                            ||| /     delay\n");
            out.append("#           TASK-PID   CPU#  ||||    TIMESTAMP  FUNCTION\n");
            out.append("#              | |       |   ||||       |         |\n");
            for (Trace.Event e : t.events()) {
                if (e instanceof Trace.Occupy o) {
                    occupy(o);
                } else if (e instanceof Trace.Point p) {
                    point(p);
                } else {
                    Trace.StateChange s = (Trace.StateChange) e;
                    state.put(s.task(), s.state());
                }
            }
        }

        private void occupy(Trace.Occupy o) throws IOException {
            int cpu = o.cpu();
            Trace.Occupy open = frame.get(cpu);
            Trace.Occupy inner = sub.get(cpu);
            boolean nested = open != null && o.kind() == TraceSink.Slice.HARDIRQ && open.kind() == TraceSink.Slice.HARDIRQ
                    && isTimerInterrupt(open.label()) && isHrtimer(o.label());
            if (inner != null && !(nested && o.label().equals(inner.label()))) {
                exit(inner, o.tNs()); // an hrtimer callback inside the timer interrupt ends
                sub.remove(cpu);
                inner = null;
            }
            if (open != null && !nested && (o.kind() != open.kind() || !o.label().equals(open.label()))) {
                exit(open, o.tNs());
                frame.remove(cpu);
                open = null;
            }
            String curr = current.get(cpu);
            switch (o.kind()) {
                case SWITCH -> switchTo(o, o.task());
                case TASK -> {
                    inSoftirq.put(cpu, false);
                    if (!o.task().equals(curr)) {
                        switchTo(o, o.task());
                    }
                }
                case IDLE -> {
                    inSoftirq.put(cpu, false);
                    if (curr != null) {
                        switchTo(o, null);
                    }
                }
                case HARDIRQ, SOFTIRQ -> {
                    if (nested) {
                        if (inner == null) {
                            entry(o);
                            sub.put(cpu, o);
                        }
                    } else if (open == null) {
                        entry(o);
                        frame.put(cpu, o);
                    }
                    if (o.kind() == TraceSink.Slice.SOFTIRQ) {
                        inSoftirq.put(cpu, true);
                    }
                }
                case CSTATE_EXIT -> line(o.tNs(), cpu, "d...", "cpu_idle: state=4294967295 cpu_id=" + cpu);
                case NO_SUPPLY -> line(o.tNs(), cpu, "....", (o.label() != null && o.label().contains("SMI")
                        ? "smi: " : "no_supply: ") + "reason=\"" + o.label() + "\"");
            }
        }

        /** {@code sched_switch} from the CPU's current task (or idle) to {@code next} (null: idle). */
        private void switchTo(Trace.Occupy o, String next) throws IOException {
            int cpu = o.cpu();
            String prev = current.get(cpu);
            String body = "sched_switch: " + task("prev", prev, cpu) + " prev_state=" + prevState(prev) + " ==> "
                    + task("next", next, cpu);
            line(o.tNs(), cpu, "d..2", body);
            needResched.remove(cpu);
            if (next == null) {
                current.remove(cpu);
            } else {
                current.put(cpu, next);
            }
        }

        private String task(String prefix, String task, int cpu) {
            if (task == null) {
                return prefix + "_comm=swapper/" + cpu + " " + prefix + "_pid=0 " + prefix + "_prio=120";
            }
            return prefix + "_comm=" + comm(task) + " " + prefix + "_pid=" + t.info(task).pid() + " " + prefix
                    + "_prio=" + prio(task);
        }

        private int prio(String task) {
            return kernelPrio(t, task, effective.getOrDefault(task, -2));
        }

        /** The kernel's prev_state letters: R+ preempted, S sleeping, D blocked on a lock (uninterruptible). */
        private String prevState(String task) {
            if (task == null) {
                return "R";
            }
            TraceSink.TaskState s = state.get(task);
            if (s == null) {
                return "R+";
            }
            return switch (s) {
                case SLEEPING -> "S";
                case BLOCKED_ON_LOCK -> "D";
                default -> "R+";
            };
        }

        private void entry(Trace.Occupy o) throws IOException {
            int cpu = o.cpu();
            if (o.kind() == TraceSink.Slice.SOFTIRQ) {
                int vec = softirqVector(o.label());
                line(o.tNs(), cpu, flags(cpu, false, "s"), "softirq_entry: vec=" + vec + " [action=" + SOFTIRQ_NAMES[vec] + "]");
                return;
            }
            line(o.tNs(), cpu, flags(cpu, true, hardirqFlag(cpu)), hardirq(o.label(), true, o.tNs()));
        }

        /** The frame {@code open} ends at {@code now} (the next occupancy of its CPU). */
        private void exit(Trace.Occupy open, long now) throws IOException {
            int cpu = open.cpu();
            if (open.kind() == TraceSink.Slice.SOFTIRQ) {
                int vec = softirqVector(open.label());
                line(now, cpu, flags(cpu, false, "s"), "softirq_exit: vec=" + vec + " [action=" + SOFTIRQ_NAMES[vec] + "]");
            } else {
                line(now, cpu, flags(cpu, true, hardirqFlag(cpu)), hardirq(open.label(), false, now));
            }
        }

        private static boolean isTimerInterrupt(String label) {
            return label != null && label.contains("timer interrupt");
        }

        private static boolean isHrtimer(String label) {
            return label != null && (label.equals("tick") || label.startsWith("hrtimer"));
        }

        private String hardirqFlag(int cpu) {
            return Boolean.TRUE.equals(inSoftirq.get(cpu)) ? "H" : "h";
        }

        private String hardirq(String label, boolean entry, long nowNs) {
            String l = label == null ? "" : label;
            String dir = entry ? "_entry" : "_exit";
            if (l.contains("timer interrupt")) {
                return "local_timer" + dir + ": vector=" + LOCAL_TIMER_VECTOR;
            } else if (l.contains("reschedule IPI")) {
                return "reschedule" + dir + ": vector=" + RESCHEDULE_VECTOR;
            } else if (l.contains("IPI")) {
                return "call_function_single" + dir + ": vector=" + CALL_FUNCTION_SINGLE_VECTOR;
            } else if (l.equals("tick") || l.startsWith("hrtimer")) {
                String fn = l.equals("tick") ? "tick_sched_timer" : "hrtimer_wakeup";
                String timer = String.format(Locale.ROOT, "hrtimer=0x%08x", l.hashCode() & 0x7fffffff);
                return entry ? "hrtimer_expire_entry: " + timer + " function=" + fn + " now=" + nowNs
                        : "hrtimer_expire_exit: " + timer;
            }
            String name = l.startsWith("irq ") ? l.substring(4) : l;
            int irq = irqNumbers.computeIfAbsent(name, k -> FIRST_DEVICE_IRQ + irqNumbers.size());
            return entry ? "irq_handler_entry: irq=" + irq + " name=" + comm(name) : "irq_handler_exit: irq=" + irq
                    + " ret=handled";
        }

        private void point(Trace.Point p) throws IOException {
            String task = p.task();
            int cpu = p.cpu();
            String who = task == null ? "" : "comm=" + comm(task) + " pid=" + t.info(task).pid();
            switch (p.kind()) {
                case WAKEUP -> {
                    String fields = who + " prio=" + prio(task) + String.format(Locale.ROOT, " target_cpu=%03d", cpu);
                    line(p.tNs(), cpu, flags(cpu, true, context(cpu)), "sched_waking: " + fields);
                    String curr = current.get(cpu);
                    if (curr == null || prio(task) < prio(curr)) {
                        needResched.add(cpu);
                    }
                    line(p.tNs(), cpu, flags(cpu, true, context(cpu)), "sched_wakeup: " + fields);
                }
                case PRIORITY -> {
                    int[] change = change(p.detail());
                    int old = kernelPrio(t, task, change[0]);
                    int now = kernelPrio(t, task, change[1]);
                    effective.put(task, change[1]);
                    line(p.tNs(), cpu, flags(cpu, true, context(cpu)), "sched_pi_setprio: " + who + " oldprio=" + old
                            + " newprio=" + now);
                }
                case LOCK_ACQUIRE, LOCK_CONTENDED, LOCK_RELEASE -> line(p.tNs(), cpu, flags(cpu, false, context(cpu)),
                        eventName(p.kind()) + ": " + who + " lock=" + lockName(p.detail()));
                case SAMPLE -> line(p.tNs(), cpu, flags(cpu, false, context(cpu)), "latency_sample: " + who
                        + " latency=" + blankless(p.detail()));
                case JOB_END -> line(p.tNs(), cpu, flags(cpu, false, context(cpu)), "job_end: " + who + " response="
                        + blankless(p.detail()));
                case RELEASE -> line(p.tNs(), cpu, flags(cpu, false, context(cpu)), "job_release: " + who);
            }
        }

        private String context(int cpu) {
            Trace.Occupy f = frame.get(cpu);
            if (f == null) {
                return ".";
            }
            return f.kind() == TraceSink.Slice.SOFTIRQ ? "s" : hardirqFlag(cpu);
        }

        /** The four flags: irqs off, need-resched, context, preempt depth (1 under a lock or in a frame). */
        private String flags(int cpu, boolean irqsOff, String context) {
            boolean inFrame = !".".equals(context);
            boolean hard = "h".equals(context) || "H".equals(context);
            return (irqsOff || hard ? "d" : ".") + (needResched.contains(cpu) ? "N" : ".") + context
                    + (irqsOff || inFrame ? "1" : ".");
        }

        private void line(long tNs, int cpu, String flags, String body) throws IOException {
            String curr = current.get(cpu);
            String ctx = curr == null ? "<idle>" : comm(curr);
            int pid = curr == null ? 0 : t.info(curr).pid();
            out.append(String.format(Locale.ROOT, "%16s-%-5d [%03d] %s %5d.%06d: %s\n", ctx, pid, cpu, flags,
                    tNs / 1_000_000_000L, tNs % 1_000_000_000L / 1000, body));
        }

        private static String lockName(String detail) {
            if (detail == null) {
                return "?";
            }
            int held = detail.indexOf(" held by ");
            return comm(held < 0 ? detail : detail.substring(0, held));
        }

        private static String blankless(String detail) {
            return detail == null ? "?" : detail.replace(" ", "");
        }

        /** "old -> new" effective priorities (rtvsim numbering) of a PRIORITY detail. */
        private static int[] change(String detail) {
            String[] parts = detail == null ? new String[0] : detail.split("\\s*->\\s*");
            try {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            } catch (RuntimeException e) {
                return new int[] {-1, -1};
            }
        }
    }
}
