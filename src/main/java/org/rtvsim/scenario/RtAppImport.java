package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an rt-app workload description (JSON, github.com/scheduler-tools/rt-app doc/tutorial.txt) as a
 * scenario: each rt-app task becomes a task of a {@code periodic:} workload on an otherwise default
 * machine, one cycle of its events one job ({@link RtAppTask} reads a task: its events, phases, loops and
 * scheduling keys). {@code global.duration} (s, default 10) and {@code global.pi_enabled} (locks use
 * priority inheritance, else none) complete it; {@code instance} makes copies named {@code name-i}.
 *
 * {@code barrier}, {@code suspend}, {@code resume}, {@code wait}, {@code signal}, {@code broad} and
 * {@code sync} become the phases' sync points (a resume names every copy of its task). Events and keys the
 * model lacks ({@code fork}, {@code mem}, {@code yield}, …) are refused with a {@link ScenarioException} naming file, line, key and what
 * is supported.
 */
public final class RtAppImport {
    /** rt-app's default duration when {@code global.duration} is absent or -1 (assumption: ours). */
    static final int DEFAULT_DURATION_S = 10;
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
        Map<String, RtAppTask> read = new java.util.LinkedHashMap<>();
        Map<String, List<String>> copies = new java.util.HashMap<>();
        for (Map.Entry<String, Node> e : all.entries().entrySet()) {
            String name = e.getKey();
            String path = "tasks." + name;
            if (!(e.getValue() instanceof Node.MapNode t)) {
                throw new ScenarioException(e.getValue().location(), path, "rt-app: expected a task object");
            }
            RtAppTask task = RtAppTask.read(t, path, defaultPolicy);
            task.phases.forEach(c -> locks.addAll(c.locks.keySet()));
            task.phases.forEach(c -> c.syncs.stream().filter(x -> x.mutex() != null).forEach(x -> locks.add(x.mutex())));
            for (int c : task.cpus) {
                maxCpu = Math.max(maxCpu, c);
            }
            int instances = t.has("instance") ? integer(t.get("instance"), path + ".instance") : 1;
            if (instances < 0) {
                throw new ScenarioException(t.get("instance").location(), path + ".instance", "expected a count of "
                        + "copies >= 0; got " + instances);
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                names.add(instances == 1 ? name : name + "-" + i);
            }
            read.put(name, task);
            copies.put(name, names);
        }
        for (Map.Entry<String, RtAppTask> e : read.entrySet()) {
            for (String copy : copies.get(e.getKey())) {
                tasks.add(toNode(e.getValue(), copy, ((Node.MapNode) all.get(e.getKey())).location(), copies));
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

    /** The periodic-task node of {@code task}'s copy {@code name}. */
    private static Node.MapNode toNode(RtAppTask task, String name, Node.Location at,
                                       Map<String, List<String>> copies) {
        RtAppTask.Cycle first = task.phases.get(0);
        Node.MapNode n = new Node.MapNode(at);
        n.put("name", at, scalar(name, at));
        n.put("period", at, scalar(first.period() + "us", at));
        n.put("wcet", at, fixed(first.workUs, at));
        n.put("policy", at, scalar(task.policy, at));
        if (task.policy.equals("deadline")) {
            n.put("runtime", task.dlAt, scalar(task.dlRuntimeUs + "us", task.dlAt));
            n.put("deadline", task.dlAt, scalar(task.dlDeadlineUs + "us", task.dlAt));
        } else {
            n.put("priority", at, number(task.priority, at));
        }
        if (task.policy.equals("other") && task.nice != 0) {
            n.put("nice", at, number(task.nice, at));
        }
        n.put("cpu", at, number(task.cpus.get(0), at));
        if (task.cpus.size() > 1) {
            StringBuilder mask = new StringBuilder();
            for (int c : task.cpus) {
                mask.append(mask.length() > 0 ? "," : "").append(c);
            }
            n.put("cpus", task.cpusAt, scalar(mask.toString(), task.cpusAt));
        }
        if (task.delayUs > 0) {
            n.put("offset", at, scalar(task.delayUs + "us", at));
        }
        if (task.phased || task.phases.stream().anyMatch(c -> !c.syncs.isEmpty())) {
            Node.ListNode phases = new Node.ListNode(at);
            for (RtAppTask.Cycle c : task.phases) {
                Node.MapNode p = new Node.MapNode(at);
                p.put("jobs", at, number(c.loop, at));
                p.put("period", at, scalar(c.period() + "us", at));
                p.put("wcet", at, fixed(c.workUs, at));
                if (!task.policy.equals("deadline")) {
                    p.put("deadline", at, scalar(c.period() + "us", at));
                }
                p.put("locks", at, c.locksNode(at));
                if (!c.syncs.isEmpty()) {
                    p.put("sync", at, syncNode(c, copies));
                }
                phases.add(p);
            }
            n.put("phases", at, phases);
        } else if (!first.locks.isEmpty()) {
            n.put("locks", at, first.locksNode(at));
        }
        if (task.repeat > 0) {
            n.put("repeat", at, number(task.repeat, at));
        }
        n.put("overrun", at, scalar(task.shiftOnOverrun() ? "shift" : "queue", at));
        return n;
    }

    /** A cycle's barrier, suspend and resume events; a resume wakes every copy of the task it names. */
    private static Node.ListNode syncNode(RtAppTask.Cycle c, Map<String, List<String>> copies) {
        Node.ListNode list = new Node.ListNode(c.syncs.get(0).at());
        for (RtAppTask.Sync s : c.syncs) {
            List<String> targets = List.of(s.name());
            if (s.op().equals("resume")) {
                targets = copies.get(s.name());
                if (targets == null) {
                    throw new ScenarioException(s.at(), s.path(), "rt-app: expected the name of a task of this file "
                            + "to resume; got '" + s.name() + "'");
                }
            }
            for (String target : targets) {
                Node.MapNode op = new Node.MapNode(s.at());
                op.put("at", s.at(), scalar(s.offsetUs() + "us", s.at()));
                op.put("op", s.at(), scalar(s.op(), s.at()));
                if (!s.op().equals("suspend") && !s.op().equals("sleep")) {
                    op.put("name", s.at(), scalar(target, s.at()));
                }
                if (s.op().equals("sleep")) {
                    op.put("length", s.at(), scalar(s.lengthUs() + "us", s.at()));
                }
                if (s.mutex() != null) {
                    op.put("mutex", s.at(), scalar(s.mutex(), s.at()));
                }
                list.add(op);
            }
        }
        return list;
    }

    private static Node.MapNode fixed(long us, Node.Location at) {
        Node.MapNode wcet = new Node.MapNode(at);
        wcet.put("fixed", at, scalar(us + "us", at));
        return wcet;
    }

    static String text(Node n) {
        return n instanceof Node.Scalar s ? s.text() : Node.describe(n);
    }

    static int integer(Node n, String path) {
        try {
            return Integer.parseInt(text(n).trim());
        } catch (NumberFormatException e) {
            throw new ScenarioException(n.location(), path, "expected an integer; got " + Node.describe(n));
        }
    }

    static Node.Scalar scalar(String text, Node.Location at) {
        return new Node.Scalar(text, Node.ScalarKind.STRING, at);
    }

    private static Node.Scalar number(int v, Node.Location at) {
        return new Node.Scalar(Integer.toString(v), Node.ScalarKind.NUMBER, at);
    }
}
