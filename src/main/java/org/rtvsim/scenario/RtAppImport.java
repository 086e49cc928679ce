package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an rt-app workload description (JSON, github.com/scheduler-tools/rt-app doc/tutorial.txt) as a
 * scenario: each rt-app task becomes a task of a {@code periodic:} workload on an otherwise default
 * machine, its events one cycle of work.
 *
 * <p>Per task, the events in file order ({@code run}, {@code runtime}, {@code lock}, {@code unlock},
 * {@code timer}, {@code sleep}; rt-app matches event keys by prefix, so {@code run0}, {@code lock1} are
 * events too) give: the job's execution time (the sum of {@code run}/{@code runtime}, µs, used as
 * wall-clock work: {@code global.calibration} is not needed because the model has no loop count to
 * calibrate), critical sections (a {@code lock} at the work done so far, held until its {@code unlock}),
 * and the period: the {@code timer}'s {@code period} (absolute mode, rt-app's default: release times
 * on a fixed grid), the work plus the period in {@code relative} mode, or the work plus the
 * {@code sleep}s (a task with no timer). {@code priority}, {@code policy} (SCHED_OTHER, SCHED_FIFO,
 * SCHED_RR; default {@code global.default_policy}, else SCHED_OTHER, whose {@code priority} is the nice
 * value), {@code cpus} (one CPU; default 0), {@code instance} (copies named {@code name-i}),
 * {@code loop} (-1 only: the task runs to the end). {@code global.duration} (s, default 10) and
 * {@code global.pi_enabled} (locks use priority inheritance, else none) complete it.
 *
 * <p>Any other event or key ({@code wait}, {@code signal}, {@code broad}, {@code barrier},
 * {@code suspend}, {@code resume}, {@code phases}, {@code dl-*}, …) is refused with a
 * {@link ScenarioException} naming file, line, key and what is supported.
 */
public final class RtAppImport {
    /** rt-app's default duration when {@code global.duration} is absent or -1 (assumption: ours). */
    static final int DEFAULT_DURATION_S = 10;
    private static final String SUPPORTED_EVENTS = "run, runtime, sleep, timer, lock, unlock";
    private static final Set<String> TASK_KEYS = Set.of("loop", "instance", "priority", "policy", "cpus",
            "dl-runtime", "dl-period", "dl-deadline");
    private static final Set<String> GLOBAL_KEYS = Set.of("duration", "calibration", "default_policy",
            "pi_enabled", "logdir", "log_basename", "lock_pages", "ftrace", "gnuplot", "io_device",
            "mem_buffer_size", "cumulative_slack", "log_size");

    private RtAppImport() {
    }

    /** Whether {@code tree} is an rt-app description: a mapping with a {@code tasks} mapping and no {@code host}. */
    public static boolean isRtApp(Node tree) {
        return tree instanceof Node.MapNode m && m.get("tasks") instanceof Node.MapNode && !m.has("host")
                && !m.has("extends");
    }

    /** The scenario tree for rt-app description {@code tree}. */
    public static Node toScenario(Node tree) {
        Node.MapNode root = (Node.MapNode) tree;
        Node.Location at = root.location();
        Node.MapNode global = root.get("global") instanceof Node.MapNode g ? g : new Node.MapNode(at);
        for (String key : root.entries().keySet()) {
            if (!key.equals("tasks") && !key.equals("global") && !key.equals("resources")) {
                throw new ScenarioException(root.keyLocation(key), key, "rt-app: expected tasks, global or "
                        + "resources at the top");
            }
        }
        for (String key : global.entries().keySet()) {
            if (!GLOBAL_KEYS.contains(key)) {
                throw new ScenarioException(global.keyLocation(key), "global." + key, "rt-app global key '" + key
                        + "' is not supported yet; supported: duration, calibration, default_policy, pi_enabled");
            }
        }
        String defaultPolicy = global.has("default_policy") ? text(global.get("default_policy")) : "SCHED_OTHER";
        boolean pi = global.has("pi_enabled") && text(global.get("pi_enabled")).equals("true");
        int durationS = global.has("duration") ? integer(global.get("duration"), "global.duration") : -1;

        List<Node.MapNode> tasks = new ArrayList<>();
        Set<String> locks = new LinkedHashSet<>();
        int maxCpu = 0;
        Node.MapNode all = (Node.MapNode) root.get("tasks");
        for (Map.Entry<String, Node> e : all.entries().entrySet()) {
            String name = e.getKey();
            String path = "tasks." + name;
            if (!(e.getValue() instanceof Node.MapNode t)) {
                throw new ScenarioException(e.getValue().location(), path, "rt-app: expected a task object");
            }
            Task task = task(t, path, defaultPolicy);
            locks.addAll(task.locks.keySet());
            for (int c : task.cpus) {
                maxCpu = Math.max(maxCpu, c);
            }
            int instances = t.has("instance") ? integer(t.get("instance"), path + ".instance") : 1;
            for (int i = 0; i < instances; i++) {
                tasks.add(task.toNode(instances == 1 ? name : name + "-" + i, t.location()));
            }
        }

        Node.MapNode scenario = new Node.MapNode(at);
        scenario.put("name", at, scalar("rt-app", at));
        scenario.put("description", at, scalar("imported from rt-app " + at.file(), at));
        scenario.put("duration", at, scalar((durationS > 0 ? durationS : DEFAULT_DURATION_S) + "s", at));
        scenario.put("warmup", at, scalar("0s", at));
        Node.MapNode hardware = new Node.MapNode(at);
        hardware.put("cpus", at, number(maxCpu + 1, at));
        scenario.put("hardware", at, hardware);
        Node.MapNode periodic = new Node.MapNode(at);
        Node.ListNode list = new Node.ListNode(at);
        tasks.forEach(list::add);
        periodic.put("tasks", at, list);
        if (!locks.isEmpty()) {
            Node.MapNode mutexes = new Node.MapNode(at);
            for (String l : locks) {
                Node.MapNode m = new Node.MapNode(at);
                m.put("protocol", at, scalar(pi ? "inherit" : "none", at));
                mutexes.put(l, at, m);
            }
            periodic.put("mutexes", at, mutexes);
        }
        Node.MapNode wrapper = new Node.MapNode(at);
        wrapper.put("periodic", at, periodic);
        Node.ListNode workload = new Node.ListNode(at);
        workload.add(wrapper);
        Node.MapNode host = new Node.MapNode(at);
        host.put("workload", at, workload);
        scenario.put("host", at, host);
        return scenario;
    }

    /** One rt-app task's cycle, read from its events in file order. */
    private static final class Task {
        long workUs;
        long periodUs = -1;
        long sleepUs;
        boolean relative;
        int priority;
        String policy;
        int nice;
        /** The affinity: one CPU (pinned) or several (a mask); default CPU 0. */
        List<Integer> cpus = List.of(0);
        Node.Location cpusAt;
        /** SCHED_DEADLINE's dl-runtime, dl-period, dl-deadline (µs), and where they were read. */
        long dlRuntimeUs;
        long dlPeriodUs;
        long dlDeadlineUs;
        Node.Location dlAt;
        final Map<String, long[]> locks = new LinkedHashMap<>();
        final Map<String, Long> open = new LinkedHashMap<>();

        long period() {
            return periodUs < 0 ? workUs + sleepUs : relative ? workUs + periodUs : periodUs;
        }

        Node.MapNode toNode(String name, Node.Location at) {
            long period = period();
            Node.MapNode n = new Node.MapNode(at);
            n.put("name", at, scalar(name, at));
            n.put("period", at, scalar(period + "us", at));
            Node.MapNode wcet = new Node.MapNode(at);
            wcet.put("fixed", at, scalar(workUs + "us", at));
            n.put("wcet", at, wcet);
            n.put("policy", at, scalar(policy, at));
            if (policy.equals("deadline")) {
                n.put("runtime", dlAt, scalar(dlRuntimeUs + "us", dlAt));
                n.put("deadline", dlAt, scalar(dlDeadlineUs + "us", dlAt));
            } else {
                n.put("priority", at, number(priority, at));
            }
            if (policy.equals("other") && nice != 0) {
                n.put("nice", at, number(nice, at));
            }
            n.put("cpu", at, number(cpus.get(0), at));
            if (cpus.size() > 1) {
                StringBuilder mask = new StringBuilder();
                for (int c : cpus) {
                    mask.append(mask.length() > 0 ? "," : "").append(c);
                }
                n.put("cpus", cpusAt, scalar(mask.toString(), cpusAt));
            }
            if (!locks.isEmpty()) {
                Node.ListNode l = new Node.ListNode(at);
                for (Map.Entry<String, long[]> e : locks.entrySet()) {
                    Node.MapNode cs = new Node.MapNode(at);
                    cs.put("lock", at, scalar(e.getKey(), at));
                    cs.put("offset", at, scalar(e.getValue()[0] + "us", at));
                    cs.put("length", at, scalar(e.getValue()[1] + "us", at));
                    l.add(cs);
                }
                n.put("locks", at, l);
            }
            return n;
        }
    }

    private static Task task(Node.MapNode t, String path, String defaultPolicy) {
        Task task = new Task();
        String policy = t.has("policy") ? text(t.get("policy")) : defaultPolicy;
        task.policy = switch (policy) {
            case "SCHED_OTHER" -> "other";
            case "SCHED_FIFO" -> "fifo";
            case "SCHED_RR" -> "rr";
            case "SCHED_DEADLINE" -> "deadline";
            default -> throw new ScenarioException(t.has("policy") ? t.get("policy").location() : t.location(),
                    path + ".policy", "expected SCHED_OTHER, SCHED_FIFO, SCHED_RR or SCHED_DEADLINE; got '"
                    + policy + "'");
        };
        int prio = t.has("priority") ? integer(t.get("priority"), path + ".priority") : 0;
        if (task.policy.equals("other")) {
            task.nice = prio;
        } else {
            task.priority = prio;
        }
        if (t.has("cpus")) {
            Node cpus = t.get("cpus");
            if (!(cpus instanceof Node.ListNode l) || l.size() == 0) {
                throw new ScenarioException(cpus.location(), path + ".cpus", "expected a non-empty list of CPUs "
                        + "such as [0, 2, 3]; got " + Node.describe(cpus));
            }
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                int c = integer(l.items().get(i), path + ".cpus[" + i + "]");
                if (c < 0 || list.contains(c)) {
                    throw new ScenarioException(l.items().get(i).location(), path + ".cpus[" + i + "]",
                            "expected distinct CPU numbers >= 0; got " + c);
                }
                list.add(c);
            }
            task.cpus = List.copyOf(list);
            task.cpusAt = cpus.location();
        }
        deadline(t, path, task);
        if (t.has("loop") && integer(t.get("loop"), path + ".loop") != -1) {
            throw new ScenarioException(t.get("loop").location(), path + ".loop", "expected -1 (run to the end); "
                    + "a finite loop is not supported yet");
        }
        for (Map.Entry<String, Node> e : t.entries().entrySet()) {
            String key = e.getKey();
            if (TASK_KEYS.contains(key)) {
                continue;
            }
            event(task, key, e.getValue(), path + "." + key, t.keyLocation(key));
        }
        if (task.workUs <= 0) {
            throw new ScenarioException(t.location(), path, "rt-app: expected a task with run or runtime events");
        }
        if (task.periodUs < 0 && task.sleepUs <= 0) {
            throw new ScenarioException(t.location(), path, "rt-app: expected a timer or sleep event (a task that "
                    + "runs without pause is not supported yet)");
        }
        if (!task.open.isEmpty()) {
            throw new ScenarioException(t.location(), path, "rt-app: lock " + task.open.keySet().iterator().next()
                    + " is taken and never unlocked");
        }
        if (task.policy.equals("deadline") && task.dlPeriodUs != task.period()) {
            throw new ScenarioException(task.dlAt, path + ".dl-period", "expected dl-period (default dl-runtime) "
                    + "equal to the task's period (" + task.period() + " us from its timer or run + sleep): the model "
                    + "releases a deadline task's jobs at its reservation period; got " + task.dlPeriodUs + " us");
        }
        return task;
    }

    /**
     * SCHED_DEADLINE's keys, with rt-app's defaults (rt-app_parse_config.c: dl-period = dl-runtime,
     * dl-deadline = dl-period); refused for the other policies and with a multi-CPU mask.
     */
    private static void deadline(Node.MapNode t, String path, Task task) {
        boolean deadline = task.policy.equals("deadline");
        for (String key : List.of("dl-runtime", "dl-period", "dl-deadline")) {
            if (t.has(key) && !deadline) {
                throw new ScenarioException(t.keyLocation(key), path + "." + key, key + " applies to policy "
                        + "SCHED_DEADLINE only; got policy " + (t.has("policy") ? text(t.get("policy")) : "the default"));
            }
        }
        if (!deadline) {
            return;
        }
        if (!t.has("dl-runtime")) {
            throw new ScenarioException(t.location(), path + ".dl-runtime", "expected dl-runtime (µs) for policy "
                    + "SCHED_DEADLINE");
        }
        task.dlAt = t.keyLocation("dl-runtime");
        task.dlRuntimeUs = integer(t.get("dl-runtime"), path + ".dl-runtime");
        task.dlPeriodUs = t.has("dl-period") ? integer(t.get("dl-period"), path + ".dl-period") : task.dlRuntimeUs;
        task.dlDeadlineUs = t.has("dl-deadline") ? integer(t.get("dl-deadline"), path + ".dl-deadline")
                : task.dlPeriodUs;
        if (task.cpus.size() > 1) {
            throw new ScenarioException(task.cpusAt, path + ".cpus", "expected one CPU for policy SCHED_DEADLINE: "
                    + "rtvsim schedules deadline tasks by partitioned EDF (each CPU an exclusive cpuset), not global "
                    + "EDF across a mask; got " + task.cpus);
        }
    }

    private static void event(Task task, String key, Node value, String path, Node.Location at) {
        String kind = kind(key);
        switch (kind) {
            case "runtime", "run" -> task.workUs += integer(value, path);
            case "sleep" -> task.sleepUs += integer(value, path);
            case "timer" -> {
                if (!(value instanceof Node.MapNode m) || !m.has("period")) {
                    throw new ScenarioException(value.location(), path, "expected {ref, period[, mode]}");
                }
                if (task.periodUs >= 0) {
                    throw new ScenarioException(at, path, "rt-app: one timer per task is supported");
                }
                task.periodUs = integer(m.get("period"), path + ".period");
                task.relative = m.has("mode") && text(m.get("mode")).equals("relative");
            }
            case "lock" -> task.open.put(text(value), task.workUs);
            case "unlock" -> {
                String l = text(value);
                Long from = task.open.remove(l);
                if (from == null) {
                    throw new ScenarioException(value.location(), path, "rt-app: unlock of " + l + ", which is not held");
                }
                if (task.locks.containsKey(l)) {
                    throw new ScenarioException(value.location(), path, "rt-app: one critical section per lock and "
                            + "task is supported");
                }
                if (task.workUs > from) {
                    task.locks.put(l, new long[] {from, task.workUs - from});
                }
            }
            default -> throw new ScenarioException(at, path, "rt-app event '" + key + "' is not supported yet; "
                    + "supported: " + SUPPORTED_EVENTS + " (and the task keys loop, instance, priority, policy, cpus)");
        }
    }

    /** rt-app's event kind: the key up to its trailing digits ({@code run0} is a {@code run}). */
    static String kind(String key) {
        String base = key.replaceFirst("\\d+$", "").toLowerCase(Locale.ROOT);
        return switch (base) {
            case "run", "runtime", "sleep", "timer", "lock", "unlock" -> base;
            default -> key;
        };
    }

    private static String text(Node n) {
        return n instanceof Node.Scalar s ? s.text() : Node.describe(n);
    }

    private static int integer(Node n, String path) {
        try {
            return Integer.parseInt(text(n).trim());
        } catch (NumberFormatException e) {
            throw new ScenarioException(n.location(), path, "expected an integer; got " + Node.describe(n));
        }
    }

    private static Node.Scalar scalar(String text, Node.Location at) {
        return new Node.Scalar(text, Node.ScalarKind.STRING, at);
    }

    private static Node.Scalar number(int v, Node.Location at) {
        return new Node.Scalar(Integer.toString(v), Node.ScalarKind.NUMBER, at);
    }
}
