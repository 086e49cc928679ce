package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;

/**
 * Binds {@code events:} — a list of one-key mappings {@code - KIND: {fields}} — to {@link SystemEventSpec}s.
 * The simulated kinds are checked key by key (timing, CPUs against {@code hardware.cpus}, times within the
 * run); the kinds not simulated yet are kept as written (the model builder rejects them); unknown kinds
 * are errors listing the valid ones.
 */
final class EventBinder {
    /** text_poke_bp patches with three sync IPIs per batch ([R] arch/x86/kernel/alternative.c). */
    static final int DEFAULT_TEXT_POKE_IPIS = 3;
    /** TLB shootdown receiver: hardirq of 0.5–1 µs ([R] model-parameters.md §8, known unknowns). */
    static final DistSpec DEFAULT_TLB_HANDLER = new DistSpec.Lognormal(700, 0.2, 0);
    /** intel_pstate's reported transition latency, 20 µs ([K] drivers/cpufreq/intel_pstate.c). */
    static final DistSpec DEFAULT_PSTATE_STALL = new DistSpec.Fixed(20_000);

    private static final Set<String> TIMING = Set.of("at", "rate", "interval", "count");
    /** [R] assumption: one access to a slow legacy device (PIO/MMIO that stalls the CPU), ~tens of µs. */
    static final DistSpec DEFAULT_SLOW_ACCESS = new DistSpec.Lognormal(20_000, 0.5, 0);
    /** [R] assumption: the migration/N stopper that moves a task (stop class, interrupts off), ~10 µs. */
    static final DistSpec DEFAULT_MIGRATION_STOP = new DistSpec.Fixed(10_000);

    private static final Map<String, Set<String>> KEYS = Map.of(
            "slow_device", Set.of("cpus", "access"),
            "task_migration", Set.of("cpu", "for", "stop"),
            "cpu_hotplug", Set.of("cpu", "stop_machine"),
            "module_load", Set.of("stop_machine", "ipis"),
            "module_unload", Set.of("stop_machine", "ipis"),
            "tlb_shootdown", Set.of("cpus", "handler"),
            "clocksource_change", Set.of("to", "read_cost"),
            "cpu_frequency_change", Set.of("cpus", "stall", "freq"));

    private EventBinder() {
    }

    static List<SystemEventSpec> bind(Node node, int ncpus, long runEndNs) {
        if (node == null || node instanceof Node.Scalar s && s.isNull()) {
            return List.of();
        }
        if (!(node instanceof Node.ListNode list)) {
            throw Values.error(node, "events", "expected a list of one-key mappings (- cpu_hotplug: {...}); got "
                    + Node.describe(node));
        }
        List<String> valid = new ArrayList<>(SystemEventSpec.SIMULATED);
        valid.addAll(SystemEventSpec.NOT_YET);
        List<SystemEventSpec> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Node e = list.items().get(i);
            String at = "events[" + i + "]";
            if (!(e instanceof Node.MapNode m) || m.size() != 1) {
                throw Values.error(e, at, "expected a one-key mapping naming the event kind; got " + Node.describe(e));
            }
            String kind = m.entries().keySet().iterator().next();
            String path = at + "." + kind;
            if (!valid.contains(kind)) {
                throw new ScenarioException(m.keyLocation(kind), path, "unknown event kind '" + kind
                        + "'; expected one of " + String.join(", ", valid) + Suggest.hint(kind, valid));
            }
            Node body = m.get(kind);
            if (!(body instanceof Node.MapNode fields)) {
                throw Values.error(body, path, "expected a mapping of the event's fields; got " + Node.describe(body));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> raw = (Map<String, Object>) VmBinder.raw(fields);
            if (!KEYS.containsKey(kind)) {
                out.add(new SystemEventSpec(path, kind, raw));
                continue;
            }
            out.add(simulated(Section.of(fields, path, Schema.Shape.OPEN, fields.location()), fields, kind, raw,
                    ncpus, runEndNs));
        }
        return List.copyOf(out);
    }

    private static SystemEventSpec simulated(Section s, Node.MapNode fields, String kind, Map<String, Object> raw,
                                             int ncpus, long runEndNs) {
        Set<String> known = new LinkedHashSet<>(TIMING);
        known.addAll(KEYS.get(kind));
        Section.checkKeys(fields, s.path(), known);
        boolean repeatable = !kind.equals("clocksource_change");
        if (!s.has("at") && !s.has("rate") && !s.has("interval")) {
            throw new ScenarioException(s.location(), s.path(), "missing the event's time: expected 'at' (once, e.g. "
                    + "at: 2s)" + (repeatable ? " or 'rate' (Poisson, e.g. rate: 100hz) or 'interval' (periodic)" : ""));
        }
        if (s.has("rate") && s.has("interval")) {
            throw Values.error(s.node("interval"), s.key("interval"), "expected either 'rate' or 'interval'; got both");
        }
        if (!repeatable && (s.has("rate") || s.has("interval"))) {
            String k = s.has("rate") ? "rate" : "interval";
            throw Values.error(s.node(k), s.key(k), "a clocksource change happens once; expected 'at' only");
        }
        if (s.has("count") && !s.has("rate") && !s.has("interval")) {
            throw Values.error(s.node("count"), s.key("count"), "'count' limits a repeated event; expected it "
                    + "with 'rate' or 'interval'");
        }
        long count = s.longValue("count", 0);
        if (count < 0 || s.has("count") && count == 0) {
            throw Values.error(s.node("count"), s.key("count"), "expected a positive integer; got " + count);
        }
        Long atNs = s.has("at") ? s.durationNs("at", 0) : null;
        if (atNs != null && atNs > runEndNs) {
            throw Values.error(s.node("at"), s.key("at"), "expected a time within the run (warmup + duration = "
                    + org.rtvsim.engine.Units.formatNs(runEndNs) + "); got '" + Values.scalar(s.node("at"), "", "")
                    + "', after the run's end");
        }
        double rate = s.frequencyHz("rate", 0);
        long interval = s.positiveDurationNs("interval", 0);
        Integer cpu = null;
        CpuSet cpus = null;
        DistSpec duration = null;
        int ipis = 0;
        Clocksource to = null;
        DistSpec readCost = null;
        long forNs = 0;
        double freqHz = 0;
        switch (kind) {
            case "cpu_hotplug" -> {
                cpu = s.has("cpu") ? s.integer("cpu", 0, 0, ncpus - 1) : null;
                if (!s.has("stop_machine")) {
                    throw s.missing("stop_machine", "the time every CPU spends in stop_machine with interrupts off, "
                            + "e.g. {fixed: 500us} (no measured value found: 100us to several ms)");
                }
                duration = s.requiredDist("stop_machine");
            }
            case "module_load", "module_unload" -> {
                if (s.has("stop_machine") && s.has("ipis")) {
                    throw Values.error(s.node("ipis"), s.key("ipis"),
                            "expected either 'stop_machine' or 'ipis'; got both");
                }
                duration = s.dist("stop_machine", null);
                ipis = duration != null ? 0 : s.integer("ipis", DEFAULT_TEXT_POKE_IPIS, 1, 1_000_000);
            }
            case "tlb_shootdown" -> {
                cpus = s.cpus("cpus", ncpus, "hardware.cpus", null);
                duration = s.dist("handler", DEFAULT_TLB_HANDLER);
            }
            case "clocksource_change" -> {
                if (!s.has("to")) {
                    throw s.missing("to", "the new clocksource: tsc, hpet or acpi_pm");
                }
                to = s.enumValue("to", Clocksource.class, null);
                readCost = s.dist("read_cost", null);
            }
            case "cpu_frequency_change" -> {
                cpus = s.cpus("cpus", ncpus, "hardware.cpus", null);
                duration = s.dist("stall", DEFAULT_PSTATE_STALL);
                freqHz = s.has("freq") ? s.frequencyHz("freq", 0) : 0;
                if (s.has("freq") && freqHz <= 0) {
                    throw Values.error(s.node("freq"), s.key("freq"), "expected a positive frequency, e.g. 1.2GHz");
                }
            }
            case "slow_device" -> {
                cpus = s.cpus("cpus", ncpus, "hardware.cpus", null);
                duration = s.dist("access", DEFAULT_SLOW_ACCESS);
            }
            case "task_migration" -> {
                if (!s.has("cpu")) {
                    throw s.missing("cpu", "the (isolated) CPU the task is moved to");
                }
                cpu = s.integer("cpu", 0, 0, ncpus - 1);
                duration = s.dist("stop", DEFAULT_MIGRATION_STOP);
                forNs = s.positiveDurationNs("for", 1_000_000_000L);
            }
            default -> throw new IllegalStateException(kind);
        }
        return new SystemEventSpec(s.path(), kind, raw, atNs, rate, interval, count, cpu, cpus, duration, ipis, to, readCost,
                forNs, freqHz);
    }
}
