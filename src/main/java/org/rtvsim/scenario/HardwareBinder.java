package org.rtvsim.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;

/** Binds {@code hardware:} to a {@link HardwareSpec}, applying {@link Defaults} and the C-state residency rule. */
final class HardwareBinder {
    private HardwareBinder() {
    }

    static HardwareSpec bind(Section hw) {
        int cpus = hw.integer("cpus", Defaults.CPUS, 1, 4096);
        boolean smt = hw.bool("smt", Defaults.SMT);
        long freqHz = Math.round(hw.frequencyHz("freq", Defaults.FREQ_HZ));
        Section llcS = hw.section("llc", Schema.Shape.LLC);
        long llcSize = llcS.has("size") ? Values.sizeBytes(llcS.node("size"), llcS.key("size"))
                : Defaults.LLC_SIZE_BYTES;
        HardwareSpec.LlcSpec llc = new HardwareSpec.LlcSpec(llcSize, llcS.integer("ways", Defaults.LLC_WAYS, 1, 64),
                llcS.has("wakeup_lines") ? NumberDists.parse(llcS.node("wakeup_lines"), llcS.key("wakeup_lines"), 0,
                        1_000_000, "a number of cache lines in 0..1000000")
                        : new org.rtvsim.engine.DistSpec.Fixed(Defaults.LLC_WAKEUP_LINES),
                llcS.has("mlp") ? NumberDists.parse(llcS.node("mlp"), llcS.key("mlp"), 1, 64,
                        "a memory-level parallelism factor in 1..64") : new org.rtvsim.engine.DistSpec.Fixed(Defaults.LLC_MLP),
                llcS.has("l2_size") ? Values.sizeBytes(llcS.node("l2_size"), llcS.key("l2_size")) : Defaults.L2_SIZE_BYTES,
                llcS.positiveDurationNs("hit_latency", Defaults.LLC_HIT_LATENCY_NS));
        HardwareSpec.CatSpec cat = hw.has("cat") ? cat(hw.section("cat", Schema.Shape.CAT), cpus, llc.ways()) : null;
        long dram = hw.positiveDurationNs("dram_latency", Defaults.DRAM_LATENCY_NS);
        HardwareSpec.SmiSpec smi = null;
        if (hw.has("smi")) {
            Section s = hw.section("smi", Schema.Shape.SMI);
            smi = new HardwareSpec.SmiSpec(s.requiredDist("interval"), s.requiredDist("duration"));
        }
        HardwareSpec.CStatesSpec cstates = cstates(hw.section("cstates", Schema.Shape.CSTATES));
        Clocksource cs = hw.enumValue("clocksource", Clocksource.class, Defaults.CLOCKSOURCE);
        return new HardwareSpec(cpus, smt, freqHz, llc, cat, dram, smi, cstates, cs, hw.dist("clock_read", null));
    }

    private static HardwareSpec.CatSpec cat(Section cat, int cpus, int ways) {
        Section classes = cat.section("classes", Schema.Shape.CAT_CLASSES);
        if (classes.map().size() == 0) {
            throw cat.missing("classes", "{NAME: {ways: \"0-5\", cpus: \"4-15\"}, ...}");
        }
        Map<String, HardwareSpec.CatClassSpec> out = new LinkedHashMap<>();
        for (String name : classes.map().entries().keySet()) {
            Section c = classes.section(name, Schema.Shape.CAT_CLASS);
            if (!c.has("ways")) {
                throw c.missing("ways", "a way list such as \"0-5\"");
            }
            CpuSet w = Values.cpus(c.node("ways"), c.key("ways"), ways, "hardware.llc.ways");
            if (w.isEmpty() || w.max() - w.get(0) + 1 != w.size()) {
                // Intel RDT: a capacity bitmask must be one contiguous run of ways
                throw Values.error(c.node("ways"), c.key("ways"), "expected one contiguous range of ways, as "
                        + "Intel CAT capacity bitmasks require (e.g. \"0-5\"); got \"" + w + "\"");
            }
            CpuSet cs = c.cpus("cpus", cpus, "hardware.cpus", null);
            for (Map.Entry<String, HardwareSpec.CatClassSpec> other : out.entrySet()) {
                if (cs != null && other.getValue().cpus() != null
                        && !cs.intersect(CpuSet.parse(other.getValue().cpus())).isEmpty()) {
                    throw Values.error(c.node("cpus"), c.key("cpus"), "expected each CPU in one class only; CPUs "
                            + cs.intersect(CpuSet.parse(other.getValue().cpus())) + " are also in class "
                            + other.getKey());
                }
            }
            out.put(name, new HardwareSpec.CatClassSpec(w.toString(), cs == null ? null : cs.toString()));
        }
        return new HardwareSpec.CatSpec(Map.copyOf(out));
    }

    private static HardwareSpec.CStatesSpec cstates(Section cs) {
        Map<String, Long> exit = cs.has("exit_latency") ? latencies(cs.section("exit_latency", Schema.Shape.OPEN))
                : Defaults.CSTATE_EXIT_LATENCY_NS;
        Map<String, Long> given = cs.has("target_residency")
                ? latencies(cs.section("target_residency", Schema.Shape.OPEN)) : null;
        Map<String, Long> residency = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : exit.entrySet()) {
            Long r = given != null ? given.get(e.getKey())
                    : cs.has("exit_latency") ? null : Defaults.CSTATE_TARGET_RESIDENCY_NS.get(e.getKey());
            residency.put(e.getKey(), r != null ? r : Defaults.RESIDENCY_PER_EXIT_LATENCY * e.getValue());
        }
        if (given != null) {
            Section tr = cs.section("target_residency", Schema.Shape.OPEN);
            for (String k : given.keySet()) {
                if (!exit.containsKey(k)) {
                    throw new ScenarioException(tr.map().keyLocation(k), tr.key(k), "expected a C-state of "
                            + "exit_latency (" + String.join(", ", exit.keySet()) + "); got '" + k + "'");
                }
            }
        }
        String last = exit.keySet().stream().reduce((a, b) -> b).orElse("C1");
        String max = cs.has("max_cstate") ? Values.string(cs.node("max_cstate"), cs.key("max_cstate"))
                : (cs.has("exit_latency") ? last : Defaults.MAX_CSTATE);
        if (!exit.containsKey(max) && !max.equals("C0")) {
            throw Values.error(cs.node("max_cstate"), cs.key("max_cstate"), "expected C0 or one of "
                    + String.join(", ", exit.keySet()) + "; got '" + max + "'");
        }
        String governor = cs.has("governor") ? Values.string(cs.node("governor"), cs.key("governor"))
                : Defaults.CSTATE_GOVERNOR;
        if (!GOVERNORS.contains(governor)) {
            throw Values.error(cs.node("governor"), cs.key("governor"), "expected one of "
                    + String.join(", ", GOVERNORS) + "; got '" + governor + "'");
        }
        Map<String, DistSpec> times = new LinkedHashMap<>();
        if (cs.has("exit_time")) {
            Section et = cs.section("exit_time", Schema.Shape.OPEN);
            for (String k : et.map().entries().keySet()) {
                if (!exit.containsKey(k)) {
                    throw new ScenarioException(et.map().keyLocation(k), et.key(k), "expected a C-state of "
                            + "exit_latency (" + String.join(", ", exit.keySet()) + "); got '" + k + "'");
                }
                times.put(k, DistBinder.duration(et.node(k), et.key(k)));
            }
        }
        return new HardwareSpec.CStatesSpec(unmodifiable(exit), unmodifiable(residency), max, governor,
                cs.has("exit_fraction") ? exitFraction(cs.node("exit_fraction"), cs.key("exit_fraction"))
                        : Defaults.CSTATE_EXIT_FRACTION, java.util.Collections.unmodifiableMap(times));
    }

    static final java.util.List<String> GOVERNORS = java.util.List.of("menu", "teo", "oracle");

    /** {@code exit_fraction}: a number in (0, 1] (every exit takes that share) or {lognormal: {median, sigma}}. */
    private static DistSpec exitFraction(Node n, String key) {
        String expected = "a number in (0, 1] such as 1 (every exit takes the table's worst case) or "
                + "{lognormal: {median: 0.44, sigma: 0.5}} (capped at 1)";
        if (n instanceof Node.Scalar) {
            double f = Values.number(n, key, Double.MIN_VALUE, 1, expected);
            return new DistSpec.Fixed(f);
        }
        if (!(n instanceof Node.MapNode m) || m.size() != 1 || !m.has("lognormal")) {
            throw Values.error(n, key, "expected " + expected + "; got " + Node.describe(n));
        }
        Section p = Section.of(m.get("lognormal"), key + ".lognormal", Schema.Shape.OPEN, m.location());
        for (String k : p.map().entries().keySet()) {
            if (!k.equals("median") && !k.equals("sigma")) {
                throw new ScenarioException(p.map().keyLocation(k), p.key(k), "expected median or sigma; got '"
                        + k + "'");
            }
        }
        if (!p.has("median") || !p.has("sigma")) {
            throw p.missing(p.has("median") ? "sigma" : "median", "a positive number");
        }
        double median = Values.number(p.node("median"), p.key("median"), Double.MIN_VALUE, 1, "a number in (0, 1]");
        double sigma = Values.number(p.node("sigma"), p.key("sigma"), Double.MIN_VALUE, 10, "a number in (0, 10]");
        return new DistSpec.Lognormal(median, sigma, 1.0);
    }

    private static Map<String, Long> latencies(Section s) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String k : s.map().entries().keySet()) {
            m.put(k, Values.durationNs(s.node(k), s.key(k), false));
        }
        return m;
    }

    private static Map<String, Long> unmodifiable(Map<String, Long> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
