package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rtvsim.engine.CpuSet;

/**
 * Binds task sets: {@code periodic.tasks} and {@code lock_sharing} (tasks with critical sections) to
 * {@link WorkloadSpec.PeriodicTaskSpec}s. Name, period, wcet and priority are required; the deadline
 * defaults to the period.
 */
final class TaskBinder {
    static final List<String> PROTOCOLS = List.of("none", "inherit", "protect");
    static final List<String> LOCK_KINDS = List.of("pthread_mutex", "rt_mutex", "mutex", "spinlock", "raw_spinlock");

    private TaskBinder() {
    }

    static List<WorkloadSpec.PeriodicTaskSpec> tasks(Section s, WorkloadBinder.Cpus cpus, boolean required) {
        if (!s.has("tasks") && required) {
            throw s.missing("tasks", "a list of {name, period, wcet, priority, ...}");
        }
        List<WorkloadSpec.PeriodicTaskSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Section t : s.sections("tasks", Schema.Shape.TASK, true, "tasks {name, period, wcet, priority}")) {
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
        SchedPolicy policy = t.enumValue("policy", SchedPolicy.class, Defaults.TASK_POLICY);
        int priority = policy == SchedPolicy.DEADLINE ? t.integer("priority", 0, 0, 99)
                : t.requiredInteger("priority", 0, 99);
        if (policy == SchedPolicy.DEADLINE && priority != 0) {
            throw Values.error(t.node("priority"), t.key("priority"), "expected priority 0 (or none) for policy "
                    + "deadline, as sched_setattr demands; got " + priority);
        }
        if (policy != SchedPolicy.DEADLINE) {
            WorkloadBinder.checkPriority(t, policy, priority);
            if (t.has("runtime")) {
                throw Values.error(t.node("runtime"), t.key("runtime"), "runtime applies to policy deadline only; "
                        + "got policy " + policy.key());
            }
        }
        CpuSet mask = t.cpus("cpus", cpus.count(), cpus.what(), null);
        int cpu = t.integer("cpu", mask != null ? mask.get(0) : Defaults.TASK_CPU, 0, Integer.MAX_VALUE);
        if (cpu >= cpus.count()) {
            throw Values.error(t.node("cpu"), t.key("cpu"), "expected a CPU in 0-" + (cpus.count() - 1) + " ("
                    + cpus.what() + " is " + cpus.count() + "); got " + cpu);
        }
        if (mask != null && !mask.contains(cpu)) {
            throw Values.error(t.node("cpu"), t.key("cpu"), "expected a CPU of cpus \"" + mask
                    + "\" (the task's affinity, where it starts); got " + cpu);
        }
        long offset = t.durationNs("offset", Defaults.TASK_OFFSET_NS);
        long deadline = t.positiveDurationNs("deadline", period);
        long runtime = policy == SchedPolicy.DEADLINE ? DlAdmission.checkParams(t, period, deadline) : 0;
        if (runtime > 0 && cpus.admission() != null) {
            cpus.admission().admit(t, name, cpu, mask, runtime, period);
        }
        boolean reclaim = t.bool("reclaim", false);
        if (reclaim && policy != SchedPolicy.DEADLINE) {
            throw Values.error(t.node("reclaim"), t.key("reclaim"), "reclaim (SCHED_FLAG_RECLAIM) applies to policy "
                    + "deadline only; got policy " + policy.key());
        }
        return new WorkloadSpec.PeriodicTaskSpec(name, period, wcet, priority, policy, cpu, offset, deadline,
                locks(t), FairSpec.bind(t), mask, runtime, reclaim, sequence(t, period, wcet, deadline));
    }

    /**
     * The task's job sequence: {@code phases} (each {@code jobs} jobs, its period, wcet, deadline and locks
     * defaulting to the task's), {@code repeat} and {@code overrun}.
     */
    private static WorkloadSpec.JobSequenceSpec sequence(Section t, long period, org.rtvsim.engine.DistSpec wcet,
                                                        long deadline) {
        int repeat = t.integer("repeat", 0, 1, Integer.MAX_VALUE);
        boolean shift = t.choice("overrun", List.of("queue", "shift"), "queue").equals("shift");
        List<WorkloadSpec.JobPhaseSpec> phases = new ArrayList<>();
        for (Section p : t.sections("phases", Schema.Shape.PHASE, true,
                "phases {jobs, period, wcet, deadline, locks}")) {
            long pPeriod = p.has("period") ? p.requiredPositiveDurationNs("period") : period;
            long pDeadline = p.positiveDurationNs("deadline", p.has("period") ? pPeriod : deadline);
            phases.add(new WorkloadSpec.JobPhaseSpec(pPeriod, p.dist("wcet", wcet), pDeadline,
                    p.has("locks") ? locks(p) : locks(t), p.integer("jobs", 1, 1, Integer.MAX_VALUE), syncs(p)));
        }
        return new WorkloadSpec.JobSequenceSpec(List.copyOf(phases), repeat, shift);
    }

    /** A phase's {@code sync} list: {@code {at: D, op, name, mutex}} in job order. */
    private static List<WorkloadSpec.SyncOpSpec> syncs(Section p) {
        List<WorkloadSpec.SyncOpSpec> out = new ArrayList<>();
        long last = 0;
        for (Section o : p.sections("sync", Schema.Shape.SYNC, false, "{at, op, name}")) {
            String op = o.choice("op", WorkloadSpec.SyncOpSpec.OPS, null);
            if (op == null) {
                throw o.missing("op", "one of " + String.join(", ", WorkloadSpec.SyncOpSpec.OPS));
            }
            long at = o.durationNs("at", 0);
            if (at < last) {
                throw Values.error(o.map(), o.key("at"), "expected sync points in job order (at >= "
                        + org.rtvsim.engine.Units.formatNs(last) + ", the previous one's)");
            }
            last = at;
            String name = op.equals("suspend") || op.equals("sleep") ? "" : o.requiredString("name");
            String mutex = o.has("mutex") ? o.requiredString("mutex") : null;
            if (mutex != null && !op.equals("wait")) {
                throw Values.error(o.node("mutex"), o.key("mutex"), "a mutex applies to op wait only; got op " + op);
            }
            if (o.has("length") != op.equals("sleep")) {
                throw op.equals("sleep") ? o.missing("length", "how long the task sleeps, e.g. 2ms")
                        : Values.error(o.node("length"), o.key("length"), "a length applies to op sleep only; got op "
                        + op);
            }
            long length = op.equals("sleep") ? o.requiredPositiveDurationNs("length") : 0;
            out.add(new WorkloadSpec.SyncOpSpec(at, op, name, mutex, length));
        }
        return List.copyOf(out);
    }

    /** The {@code locks} list of a task or phase section. */
    private static List<WorkloadSpec.CriticalSectionSpec> locks(Section t) {
        List<WorkloadSpec.CriticalSectionSpec> out = new ArrayList<>();
        for (Section l : t.sections("locks", Schema.Shape.LOCK, false, "{lock, offset, length}")) {
            var cs = new WorkloadSpec.CriticalSectionSpec(l.requiredString("lock"), l.durationNs("offset", 0),
                    l.requiredPositiveDurationNs("length"));
            for (var o : out) { // the model's locks are not recursive: a task cannot take a lock it holds
                if (o.lock().equals(cs.lock()) && cs.offsetNs() < o.offsetNs() + o.lengthNs()
                        && o.offsetNs() < cs.offsetNs() + cs.lengthNs()) {
                    throw Values.error(l.map(), l.path(), "expected sections on "
                            + cs.lock() + " that do not overlap (a lock is not taken twice by one task); this one "
                            + "overlaps locks[" + out.indexOf(o) + "]");
                }
            }
            out.add(cs);
        }
        return List.copyOf(out);
    }

    static WorkloadSpec lockSharing(Section s, WorkloadBinder.Cpus cpus) {
        Section m = s.section("mutex", Schema.Shape.MUTEX);
        if (m.has("kind")) {
            throw Values.error(m.node("kind"), m.key("kind"), "lock_sharing shares one pthread mutex; declare "
                    + "other lock kinds in periodic.mutexes instead");
        }
        String protocol = m.choice("protocol", PROTOCOLS, "none");
        Integer ceiling = ceiling(m, protocol);
        List<WorkloadSpec.PeriodicTaskSpec> tasks = tasks(s, cpus, true);
        checkSections(s, tasks, null);
        return new WorkloadSpec.LockSharingSpec(s.component(), protocol, ceiling, tasks);
    }

    /** A priority ceiling, which only the {@code protect} protocol has. */
    private static Integer ceiling(Section m, String protocol) {
        if (!m.has("ceiling")) {
            return null;
        }
        if (!protocol.equals("protect")) {
            throw Values.error(m.node("ceiling"), m.key("ceiling"), "a ceiling applies to protocol: protect only;"
                    + " got protocol " + protocol);
        }
        return m.integer("ceiling", 0, 1, 99);
    }

    /** {@code periodic:} — its tasks and the locks they declare in {@code mutexes:}. */
    static WorkloadSpec periodic(Section s, WorkloadBinder.Cpus cpus) {
        List<WorkloadSpec.PeriodicTaskSpec> tasks = tasks(s, cpus, true);
        java.util.Map<String, WorkloadSpec.MutexSpec> mutexes = new java.util.LinkedHashMap<>();
        if (s.has("mutexes")) {
            if (!(s.node("mutexes") instanceof Node.MapNode mm)) {
                throw Values.error(s.node("mutexes"), s.key("mutexes"), "expected a mapping of lock names to "
                        + "{kind, protocol, ceiling}; got " + Node.describe(s.node("mutexes")));
            }
            for (String name : mm.entries().keySet()) {
                Section m = Section.of(mm.get(name), s.key("mutexes") + "." + name, Schema.Shape.MUTEX,
                        mm.keyLocation(name));
                String kind = m.choice("kind", LOCK_KINDS, "pthread_mutex");
                String protocol = m.choice("protocol", PROTOCOLS, "none");
                if (!kind.equals("pthread_mutex") && m.has("protocol")) {
                    throw Values.error(m.node("protocol"), m.key("protocol"), "a " + kind + " has a fixed protocol"
                            + " (rt_mutex and spinlock on rt: inherit; others: none); protocol applies to "
                            + "pthread_mutex only");
                }
                Integer ceiling = ceiling(m, protocol);
                boolean irqsave = m.bool("irqsave", false);
                if (irqsave && !kind.equals("raw_spinlock") && !kind.equals("spinlock")) {
                    throw Values.error(m.node("irqsave"), m.key("irqsave"), "irqsave applies to raw_spinlock and "
                            + "spinlock only; got kind " + kind);
                }
                mutexes.put(name, new WorkloadSpec.MutexSpec(name, kind, protocol, ceiling, irqsave));
            }
        }
        checkSections(s, tasks, s.has("mutexes") ? mutexes.keySet() : null);
        return new WorkloadSpec.PeriodicSpec(s.component(), tasks, java.util.Map.copyOf(mutexes));
    }

    /**
     * Critical sections must name a declared lock (when {@code declared} is not null) and end within the
     * task's smallest possible execution time.
     */
    private static void checkSections(Section s, List<WorkloadSpec.PeriodicTaskSpec> tasks, Set<String> declared) {
        Node.ListNode list = (Node.ListNode) s.node("tasks");
        for (int i = 0; i < tasks.size(); i++) {
            WorkloadSpec.PeriodicTaskSpec t = tasks.get(i);
            Node taskNode = list.items().get(i);
            String at = s.key("tasks") + "[" + i + "]";
            checkSections(t.wcet(), t.locks(), taskNode, at, declared);
            List<WorkloadSpec.JobPhaseSpec> phases = t.sequence().phases();
            for (int p = 0; p < phases.size(); p++) {
                Node phaseNode = taskNode instanceof Node.MapNode tm && tm.get("phases") instanceof Node.ListNode pl
                        ? pl.items().get(p) : taskNode;
                checkSections(phases.get(p).wcet(), phases.get(p).locks(), phaseNode, at + ".phases[" + p + "]",
                        declared);
                for (int j = 0; j < phases.get(p).syncs().size(); j++) {
                    String target = phases.get(p).syncs().get(j).name();
                    if (phases.get(p).syncs().get(j).op().equals("resume")
                            && tasks.stream().noneMatch(o -> o.name().equals(target))) {
                        throw Values.error(phaseNode, at + ".phases[" + p + "].sync[" + j + "].name", "expected a task"
                                + " of this workload to resume; got '" + target + "'");
                    }
                }
            }
        }
    }

    /** The sections {@code locks} of a task or phase (node {@code owner}, key {@code at}) against its wcet. */
    private static void checkSections(org.rtvsim.engine.DistSpec wcet, List<WorkloadSpec.CriticalSectionSpec> locks,
                                      Node owner, String at, Set<String> declared) {
        double min = minimum(wcet);
        for (int j = 0; j < locks.size(); j++) {
            WorkloadSpec.CriticalSectionSpec cs = locks.get(j);
            Node csNode = owner instanceof Node.MapNode tm && tm.get("locks") instanceof Node.ListNode ll
                    ? ll.items().get(j) : owner;
            String key = at + ".locks[" + j + "]";
            if (declared != null && !declared.contains(cs.lock())) {
                throw Values.error(csNode, key + ".lock", "expected a lock declared in mutexes ("
                        + String.join(", ", declared) + "); got '" + cs.lock() + "'");
            }
            if (cs.offsetNs() + cs.lengthNs() > min) {
                throw Values.error(csNode, key, "critical section on " + cs.lock()
                        + " ends at " + org.rtvsim.engine.Units.formatNs(cs.offsetNs() + cs.lengthNs())
                        + ", after the task's shortest execution time ("
                        + org.rtvsim.engine.Units.formatNs((long) min) + " of wcet); expected offset + length"
                        + " <= wcet");
            }
        }
    }

    /**
     * The smallest value a demand distribution can take (ns); infinite for the ones reaching down to 0
     * (exponential, lognormal, empirical), which are not checked here: a job's drawn demand is raised to
     * the end of its last critical section instead (PeriodicTasks).
     */
    private static double minimum(org.rtvsim.engine.DistSpec d) {
        if (d instanceof org.rtvsim.engine.DistSpec.Fixed f) {
            return f.value();
        }
        if (d instanceof org.rtvsim.engine.DistSpec.Uniform u) {
            return u.lo();
        }
        if (d instanceof org.rtvsim.engine.DistSpec.Pareto p) {
            return p.scale();
        }
        if (d instanceof org.rtvsim.engine.DistSpec.Mixture m) {
            return Math.min(minimum(m.common()), minimum(m.rare()));
        }
        return Double.POSITIVE_INFINITY;
    }
}
