package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds task sets: {@code periodic.tasks} and {@code lock_sharing} (tasks with critical sections) to
 * {@link WorkloadSpec.PeriodicTaskSpec}s. Name, period, wcet and priority are required; the deadline
 * defaults to the period.
 */
final class TaskBinder {
    static final List<String> PROTOCOLS = List.of("none", "inherit", "protect");

    private TaskBinder() {
    }

    static List<WorkloadSpec.PeriodicTaskSpec> tasks(Section s, WorkloadBinder.Cpus cpus, boolean required) {
        Node n = s.node("tasks");
        if (!s.has("tasks")) {
            if (required) {
                throw s.missing("tasks", "a list of {name, period, wcet, priority, ...}");
            }
            return List.of();
        }
        if (!(n instanceof Node.ListNode list) || list.size() == 0) {
            throw Values.error(n, s.key("tasks"), "expected a non-empty list of tasks {name, period, wcet, "
                    + "priority}; got " + Node.describe(n));
        }
        List<WorkloadSpec.PeriodicTaskSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Section t = Section.of(list.items().get(i), s.key("tasks") + "[" + i + "]", Schema.Shape.TASK,
                    list.location());
            WorkloadSpec.PeriodicTaskSpec task = task(t, cpus);
            if (!names.add(task.name())) {
                throw Values.error(t.node("name"), t.key("name"), "expected a unique task name; got '"
                        + task.name() + "' twice");
            }
            out.add(task);
        }
        return List.copyOf(out);
    }

    private static WorkloadSpec.PeriodicTaskSpec task(Section t, WorkloadBinder.Cpus cpus) {
        String name = t.requiredString("name");
        long period = t.requiredPositiveDurationNs("period");
        var wcet = t.requiredDist("wcet");
        int priority = t.requiredInteger("priority", 0, 99);
        SchedPolicy policy = t.enumValue("policy", SchedPolicy.class, Defaults.TASK_POLICY);
        WorkloadBinder.checkPriority(t, policy, priority);
        int cpu = t.integer("cpu", Defaults.TASK_CPU, 0, Integer.MAX_VALUE);
        if (cpu >= cpus.count()) {
            throw Values.error(t.node("cpu"), t.key("cpu"), "expected a CPU in 0-" + (cpus.count() - 1) + " ("
                    + cpus.what() + " is " + cpus.count() + "); got " + cpu);
        }
        long offset = t.durationNs("offset", Defaults.TASK_OFFSET_NS);
        long deadline = t.positiveDurationNs("deadline", period);
        return new WorkloadSpec.PeriodicTaskSpec(name, period, wcet, priority, policy, cpu, offset, deadline,
                locks(t));
    }

    private static List<WorkloadSpec.CriticalSectionSpec> locks(Section t) {
        if (!t.has("locks")) {
            return List.of();
        }
        if (!(t.node("locks") instanceof Node.ListNode list)) {
            throw Values.error(t.node("locks"), t.key("locks"), "expected a list of {lock, offset, length}; got "
                    + Node.describe(t.node("locks")));
        }
        List<WorkloadSpec.CriticalSectionSpec> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Section l = Section.of(list.items().get(i), t.key("locks") + "[" + i + "]", Schema.Shape.LOCK,
                    list.location());
            out.add(new WorkloadSpec.CriticalSectionSpec(l.requiredString("lock"), l.durationNs("offset", 0),
                    l.requiredPositiveDurationNs("length")));
        }
        return List.copyOf(out);
    }

    static WorkloadSpec lockSharing(Section s, WorkloadBinder.Cpus cpus) {
        String protocol = s.section("mutex", Schema.Shape.MUTEX).choice("protocol", PROTOCOLS, "none");
        return new WorkloadSpec.LockSharingSpec(s.component(), protocol, tasks(s, cpus, true));
    }
}
