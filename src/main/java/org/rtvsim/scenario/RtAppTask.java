package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One rt-app task read as a periodic task (rt-app's src/rt-app_parse_config.c and src/rt-app.c): its
 * scheduling keys and its phases, each one cycle of events repeated {@code loop} times. A task without
 * {@code phases} is one phase; its {@code loop} (absent or -1: forever) counts cycles. With
 * {@code phases}, each phase's {@code loop} (default 1) counts its cycles and the task's {@code loop}
 * (default -1) counts passes over all phases.
 */
final class RtAppTask {
    static final String SUPPORTED_EVENTS = "run, runtime, sleep, timer, lock, unlock, barrier, suspend, resume, "
            + "wait, signal, broad, sync";
    private static final Set<String> SCHED_KEYS = Set.of("priority", "policy", "cpus", "dl-runtime", "dl-period",
            "dl-deadline");
    private static final Set<String> TASK_KEYS = Set.of("loop", "instance", "delay", "phases");
    final String path;
    final String policy;
    int priority;
    int nice;
    /** The affinity: one CPU (pinned) or several (a mask); default CPU 0. */
    List<Integer> cpus = List.of(0);
    Node.Location cpusAt;
    /** SCHED_DEADLINE's dl-runtime, dl-period, dl-deadline (µs), and where they were read. */
    long dlRuntimeUs;
    long dlPeriodUs;
    long dlDeadlineUs;
    Node.Location dlAt;
    long delayUs;
    /** Passes over the phases; 0 = until the end of the run. */
    int repeat;
    final List<Cycle> phases = new ArrayList<>();
    /** Whether rt-app's phases were given (else the task is one implicit phase). */
    boolean phased;

    /**
     * A barrier, suspend, resume, wait, signal or broadcast event: its op (a rtvsim sync op), the barrier,
     * task or condition it names, a wait's mutex (else null), where it was read.
     */
    record Sync(long offsetUs, String op, String name, String mutex, long lengthUs, String path, Node.Location at) {
    }

    /** One cycle of events: its work, sleeps, timer and critical sections. */
    static final class Cycle {
        long workUs;
        long periodUs = -1;
        long sleepUs;
        /** rt-app's timer mode: relative (rt-app's default) or absolute; null without a timer. */
        Boolean relative;
        int loop = 1;
        final Map<String, long[]> locks = new LinkedHashMap<>();
        final Map<String, Long> open = new LinkedHashMap<>();
        /** barrier, suspend and resume events in file order, at the work done before them. */
        final List<Sync> syncs = new ArrayList<>();

        /**
         * The release period: the timer's, else the work plus the sleeps (the next cycle starts when one ends).
         * Sleeps followed by work or a sync event are also sync points of the job ({@code sleep}).
         */
        long period() {
            return periodUs >= 0 ? periodUs : workUs + sleepUs;
        }

        Node.ListNode locksNode(Node.Location at) {
            Node.ListNode l = new Node.ListNode(at);
            for (Map.Entry<String, long[]> e : locks.entrySet()) {
                Node.MapNode cs = new Node.MapNode(at);
                cs.put("lock", at, RtAppImport.scalar(e.getKey(), at));
                cs.put("offset", at, RtAppImport.scalar(e.getValue()[0] + "us", at));
                cs.put("length", at, RtAppImport.scalar(e.getValue()[1] + "us", at));
                l.add(cs);
            }
            return l;
        }
    }

    private RtAppTask(String path, String policy) {
        this.path = path;
        this.policy = policy;
    }

    static RtAppTask read(Node.MapNode t, String path, String defaultPolicy) {
        String name = t.has("policy") ? RtAppImport.text(t.get("policy")) : defaultPolicy;
        String policy = switch (name) {
            case "SCHED_OTHER" -> "other";
            case "SCHED_FIFO" -> "fifo";
            case "SCHED_RR" -> "rr";
            case "SCHED_DEADLINE" -> "deadline";
            default -> throw new ScenarioException(t.has("policy") ? t.get("policy").location() : t.location(),
                    path + ".policy", "expected SCHED_OTHER, SCHED_FIFO, SCHED_RR or SCHED_DEADLINE; got '"
                    + name + "'");
        };
        RtAppTask task = new RtAppTask(path, policy);
        int prio = t.has("priority") ? RtAppImport.integer(t.get("priority"), path + ".priority") : 0;
        if (policy.equals("other")) {
            task.nice = prio;
        } else {
            task.priority = prio;
        }
        if (t.has("cpus")) {
            task.cpus(t.get("cpus"));
        }
        task.delayUs = t.has("delay") ? nonNegative(t.get("delay"), path + ".delay") : 0;
        task.deadline(t);
        if (t.has("phases")) {
            task.phased = true;
            if (!(t.get("phases") instanceof Node.MapNode ph) || ph.entries().isEmpty()) {
                throw new ScenarioException(t.get("phases").location(), path + ".phases", "expected an object of "
                        + "named phases; got " + Node.describe(t.get("phases")));
            }
            for (Map.Entry<String, Node> e : ph.entries().entrySet()) {
                String p = path + ".phases." + e.getKey();
                if (!(e.getValue() instanceof Node.MapNode phase)) {
                    throw new ScenarioException(e.getValue().location(), p, "rt-app: expected a phase object");
                }
                for (String key : phase.entries().keySet()) {
                    if (SCHED_KEYS.contains(key)) {
                        throw new ScenarioException(phase.keyLocation(key), p + "." + key, "rt-app: a per-phase "
                                + key + " is not supported (the model keeps one policy, priority and affinity per "
                                + "task); set it on the task");
                    }
                }
                Cycle c = task.cycle(phase, p, Set.of("loop"));
                c.loop = phase.has("loop") ? positive(phase.get("loop"), p + ".loop") : 1;
                task.phases.add(c);
            }
            task.repeat = loop(t, path, 0);
        } else {
            Set<String> skip = new java.util.HashSet<>(SCHED_KEYS);
            skip.addAll(TASK_KEYS);
            Cycle c = task.cycle(t, path, skip);
            task.phases.add(c);
            task.repeat = loop(t, path, 0);
        }
        task.check(t);
        return task;
    }

    /** A {@code loop} count: -1 (or absent: {@code absent}) = forever (0 here), else a positive count. */
    private static int loop(Node.MapNode t, String path, int absent) {
        if (!t.has("loop")) {
            return absent;
        }
        int n = RtAppImport.integer(t.get("loop"), path + ".loop");
        if (n == -1) {
            return 0;
        }
        if (n < 1) {
            throw new ScenarioException(t.get("loop").location(), path + ".loop", "expected -1 (forever) or a "
                    + "positive count of cycles; got " + n);
        }
        return n;
    }

    private void cpus(Node cpusNode) {
        if (!(cpusNode instanceof Node.ListNode l) || l.size() == 0) {
            throw new ScenarioException(cpusNode.location(), path + ".cpus", "expected a non-empty list of CPUs "
                    + "such as [0, 2, 3]; got " + Node.describe(cpusNode));
        }
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            int c = RtAppImport.integer(l.items().get(i), path + ".cpus[" + i + "]");
            if (c < 0 || list.contains(c)) {
                throw new ScenarioException(l.items().get(i).location(), path + ".cpus[" + i + "]",
                        "expected distinct CPU numbers >= 0; got " + c);
            }
            list.add(c);
        }
        cpus = List.copyOf(list);
        cpusAt = cpusNode.location();
    }

    /**
     * SCHED_DEADLINE's keys, with rt-app's defaults (rt-app_parse_config.c: dl-period = dl-runtime,
     * dl-deadline = dl-period); refused for the other policies and with a multi-CPU mask.
     */
    private void deadline(Node.MapNode t) {
        boolean deadline = policy.equals("deadline");
        for (String key : List.of("dl-runtime", "dl-period", "dl-deadline")) {
            if (t.has(key) && !deadline) {
                throw new ScenarioException(t.keyLocation(key), path + "." + key, key + " applies to policy "
                        + "SCHED_DEADLINE only; got policy "
                        + (t.has("policy") ? RtAppImport.text(t.get("policy")) : "the default"));
            }
        }
        if (!deadline) {
            return;
        }
        if (!t.has("dl-runtime")) {
            throw new ScenarioException(t.location(), path + ".dl-runtime", "expected dl-runtime (µs) for policy "
                    + "SCHED_DEADLINE");
        }
        dlAt = t.keyLocation("dl-runtime");
        dlRuntimeUs = RtAppImport.integer(t.get("dl-runtime"), path + ".dl-runtime");
        dlPeriodUs = t.has("dl-period") ? RtAppImport.integer(t.get("dl-period"), path + ".dl-period") : dlRuntimeUs;
        dlDeadlineUs = t.has("dl-deadline") ? RtAppImport.integer(t.get("dl-deadline"), path + ".dl-deadline")
                : dlPeriodUs;
        // several CPUs: global EDF when they are the whole root domain; any other mask is the kernel's EPERM,
        // refused by the scenario's deadline admission (DlAdmission) at this task's cpus
    }

    /** The events of {@code obj} (a task or a phase) in file order, skipping the keys in {@code skip}. */
    private Cycle cycle(Node.MapNode obj, String at, Set<String> skip) {
        Cycle c = new Cycle();
        for (Map.Entry<String, Node> e : obj.entries().entrySet()) {
            if (!skip.contains(e.getKey())) {
                event(c, e.getKey(), e.getValue(), at + "." + e.getKey(), obj.keyLocation(e.getKey()));
            }
        }
        while (!c.syncs.isEmpty() && c.syncs.get(c.syncs.size() - 1).op().equals("sleep")
                && c.syncs.get(c.syncs.size() - 1).offsetUs() == c.workUs) {
            c.syncs.remove(c.syncs.size() - 1); // a trailing sleep: the pause before the next cycle (period)
        }
        if (!c.open.isEmpty()) {
            throw new ScenarioException(obj.location(), at, "rt-app: lock " + c.open.keySet().iterator().next()
                    + " is taken and never unlocked");
        }
        if (c.period() <= 0) {
            throw new ScenarioException(obj.location(), at, "rt-app: expected run, runtime, sleep or timer events "
                    + "(a cycle that takes no time)");
        }
        return c;
    }

    private void check(Node.MapNode t) {
        long work = 0;
        for (Cycle c : phases) {
            work += c.workUs;
        }
        if (work <= 0) {
            throw new ScenarioException(t.location(), path, "rt-app: expected a task with run or runtime events");
        }
        Boolean mode = null;
        for (Cycle c : phases) {
            if (c.relative != null && mode != null && !mode.equals(c.relative)) {
                throw new ScenarioException(t.location(), path, "rt-app: expected one timer mode (relative or "
                        + "absolute) for all of a task's timers");
            }
            mode = c.relative != null ? c.relative : mode;
        }
        if (policy.equals("deadline")) {
            for (Cycle c : phases) {
                if (c.period() != dlPeriodUs) {
                    throw new ScenarioException(dlAt, path + ".dl-period", "expected dl-period (default dl-runtime)"
                            + " equal to the task's period (" + c.period() + " us from its timer, or run + sleep): "
                            + "the model releases a deadline task's jobs at its reservation period; got "
                            + dlPeriodUs + " us");
                }
            }
        }
    }

    /**
     * Whether a release that finds the previous cycle unfinished waits for it and restarts the grid: rt-app's
     * relative timer (its default) and cycles without a timer; absolute timers keep the grid.
     */
    boolean shiftOnOverrun() {
        for (Cycle c : phases) {
            if (c.relative != null) {
                return c.relative;
            }
        }
        return true;
    }

    private static void event(Cycle c, String key, Node value, String path, Node.Location at) {
        String kind = kind(key);
        switch (kind) {
            case "runtime", "run" -> c.workUs += nonNegative(value, path);
            case "sleep" -> { // placed where it is unless nothing follows it in the cycle (cycle(): trailing)
                int us = nonNegative(value, path);
                c.sleepUs += us;
                if (us > 0) {
                    c.syncs.add(new Sync(c.workUs, "sleep", "", null, us, path, value.location()));
                }
            }
            case "timer" -> {
                if (!(value instanceof Node.MapNode m) || !m.has("period")) {
                    throw new ScenarioException(value.location(), path, "expected {ref, period[, mode]}");
                }
                if (c.periodUs >= 0) {
                    throw new ScenarioException(at, path, "rt-app: one timer per cycle is supported");
                }
                c.periodUs = positive(m.get("period"), path + ".period");
                String mode = m.has("mode") ? RtAppImport.text(m.get("mode")) : "relative";
                c.relative = !mode.startsWith("absolute"); // rt-app_parse_config.c: strncmp(mode, "absolute")
            }
            case "lock" -> c.open.put(RtAppImport.text(value), c.workUs);
            case "barrier", "suspend", "resume", "signal" -> c.syncs.add(new Sync(c.workUs, kind,
                    kind.equals("suspend") ? "" : RtAppImport.text(value), null, 0, path, value.location()));
            case "broad" -> c.syncs.add(new Sync(c.workUs, "broadcast", RtAppImport.text(value), null, 0, path,
                    value.location()));
            case "wait", "sync" -> { // {ref, mutex}; sync: signal, then wait (rtapp_sig_and_wait)
                if (!(value instanceof Node.MapNode m) || !m.has("ref") || !m.has("mutex")) {
                    throw new ScenarioException(value.location(), path, "expected {ref, mutex}; got "
                            + Node.describe(value));
                }
                String ref = RtAppImport.text(m.get("ref"));
                if (kind.equals("sync")) {
                    c.syncs.add(new Sync(c.workUs, "signal", ref, null, 0, path, value.location()));
                }
                c.syncs.add(new Sync(c.workUs, "wait", ref, RtAppImport.text(m.get("mutex")), 0, path,
                        value.location()));
            }
            case "unlock" -> {
                String l = RtAppImport.text(value);
                Long from = c.open.remove(l);
                if (from == null) {
                    throw new ScenarioException(value.location(), path, "rt-app: unlock of " + l + ", which is not held");
                }
                if (c.locks.containsKey(l)) {
                    throw new ScenarioException(value.location(), path, "rt-app: one critical section per lock and "
                            + "cycle is supported");
                }
                if (c.workUs > from) {
                    c.locks.put(l, new long[] {from, c.workUs - from});
                }
            }
            default -> {
                throw new ScenarioException(at, path, "rt-app event '" + key + "' is not supported yet"
                        + "; supported: " + SUPPORTED_EVENTS
                        + " (and the task keys loop, instance, delay, phases, priority, policy, cpus, dl-runtime, "
                        + "dl-period, dl-deadline)");
            }
        }
    }

    /** rt-app's event kind: the key up to its trailing digits ({@code run0} is a {@code run}). */
    static String kind(String key) {
        String base = key.replaceFirst("\\d+$", "").toLowerCase(Locale.ROOT);
        return switch (base) {
            case "run", "runtime", "sleep", "timer", "lock", "unlock", "barrier", "suspend", "resume", "wait", "signal",
                 "broad", "sync" -> base;
            default -> key;
        };
    }

    private static int nonNegative(Node n, String path) {
        int v = RtAppImport.integer(n, path);
        if (v < 0) {
            throw new ScenarioException(n.location(), path, "expected a duration in µs >= 0; got " + v);
        }
        return v;
    }

    private static int positive(Node n, String path) {
        int v = RtAppImport.integer(n, path);
        if (v < 1) {
            throw new ScenarioException(n.location(), path, "expected a positive integer; got " + v);
        }
        return v;
    }
}
