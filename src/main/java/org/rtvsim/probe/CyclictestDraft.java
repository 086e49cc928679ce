package org.rtvsim.probe;

import java.util.List;
import java.util.Optional;

/**
 * The parts of a drafted scenario ({@link ScenarioDraft}) that come from the measured commands rather than the
 * machine's facts: the cyclictest workload entry (threads, CPUs, priority, policy, interval, mlock, from its
 * options as {@link CyclictestOptions} parses them), the load as a {@code kernel_activity} entry when it is
 * hackbench, and the {@code measure:} histogram. Where rtvsim cannot mirror an option (more threads than CPUs, a
 * policy it does not model) the line says which assumption replaces it.
 */
final class CyclictestDraft {
    private final Measurement m;
    private final CyclictestOptions ct;
    private final DraftYaml y;
    private final StringBuilder out;

    CyclictestDraft(Measurement m, DraftYaml y) {
        this.m = m;
        this.ct = CyclictestOptions.parse(m.cyclictestArgs());
        this.y = y;
        this.out = y.out;
    }

    /**
     * The cyclictest workload and the load, list items at depth {@code d}, on a kernel with {@code cpus} CPUs;
     * {@code where} = host or guest (the path its hints name).
     */
    void workloads(int d, int cpus, String where) {
        String src = "machine: cyclictest " + m.cyclictestOptions();
        out.append(DraftYaml.indent(d)).append("- cyclictest:").append('\n');
        int e = d + 2;
        int threads;
        String threadsSrc;
        Optional<String> t = ct.value("threads");
        if (ct.has("smp")) {
            threads = cpus;
            threadsSrc = src + " (-S: one per CPU)";
        } else if (t.isPresent() && t.get().matches("\\d+")) {
            threads = Integer.parseInt(t.get());
            threadsSrc = src + " (-t)";
        } else if (t.isPresent()) {
            threads = cpus;
            threadsSrc = src + " (-t without a number: one per CPU)";
        } else {
            threads = 1;
            threadsSrc = "default: cyclictest runs 1 thread without -t";
        }
        List<Integer> aff = null;
        Optional<String> a = ct.value("affinity");
        if (a.isPresent() && !a.get().isEmpty()) {
            aff = FactsReader.cpuList(a.get());
            if (aff != null && (aff.isEmpty() || aff.stream().anyMatch(c -> c >= cpus))) {
                aff = null;
            }
        }
        if (aff != null && threads > aff.size()) {
            threadsSrc = "assumption: -a " + a.get() + " has fewer CPUs than the " + threads
                    + " threads; rtvsim pins one thread per CPU";
            threads = aff.size();
        }
        if (threads > cpus) {
            threadsSrc = "assumption: " + threads + " threads on " + cpus + " CPUs; rtvsim needs a CPU per thread";
            threads = cpus;
        }
        y.val(e, "threads", Integer.toString(Math.max(1, threads)), threadsSrc);
        if (aff != null) {
            y.val(e, "cpus", DraftYaml.quote(a.get()), src + " (-a)");
        } else if (ct.has("smp") || a.isPresent()) {
            y.val(e, "cpus", DraftYaml.quote(threads == 1 ? "0" : "0-" + (threads - 1)), src + " ("
                    + (ct.has("smp") ? "-S" : "-a") + ": thread i on CPU i)");
        } else {
            y.val(e, "cpus", DraftYaml.quote(threads == 1 ? "0" : "0-" + (threads - 1)), "assumption: cyclictest ran "
                    + "without -a (threads not pinned); rtvsim pins thread i to CPU i");
        }
        schedule(e, src);
        load(d, e, where);
    }

    /** Priority, policy, interval and mlock of the cyclictest entry (its keys at depth {@code e}). */
    private void schedule(int e, String src) {
        int prio = ct.value("priority").filter(v -> v.matches("\\d+")).map(Integer::parseInt).orElse(0);
        y.val(e, "priority", Integer.toString(Math.min(99, prio)), ct.has("priority") ? src + " (-p)"
                : "default: cyclictest's priority 0 without -p");
        String policy = ct.value("policy").orElse(null);
        String pol;
        String polSrc;
        if (policy == null) {
            pol = prio > 0 ? "fifo" : "other";
            polSrc = "default: cyclictest uses " + (prio > 0 ? "SCHED_FIFO with -p > 0" : "SCHED_OTHER with -p 0");
        } else if (List.of("fifo", "rr", "other").contains(policy) && (policy.equals("other") == (prio == 0))) {
            pol = policy;
            polSrc = src + " (--policy)";
        } else {
            pol = prio > 0 ? "fifo" : "other";
            polSrc = "assumption: --policy " + policy + " is not modelled with priority " + prio + "; " + pol
                    + " is the closest";
        }
        y.val(e, "policy", pol, polSrc);
        y.val(e, "interval", ct.intervalUs() + "us", ct.has("interval") ? src + " (-i)" : "default: cyclictest's "
                + "-i 1000");
        y.val(e, "mlock", Boolean.toString(ct.has("mlockall")), ct.has("mlockall") ? src + " (-m)"
                : "machine: cyclictest ran without -m");
    }

    /** The load of the measurement as a second workload entry (list depth {@code d}, keys {@code e}), if hackbench. */
    private void load(int d, int e, String where) {
        if (m.loadCommand() == null) {
            return;
        }
        String cmd = m.loadCommand().trim();
        String first = LoadProcess.argv(cmd).get(0);
        boolean hackbench = first.endsWith("hackbench") || cmd.matches("(?s).*\\bhackbench\\b.*");
        if (hackbench) {
            out.append(DraftYaml.indent(d)).append("- kernel_activity:").append('\n');
            y.val(e, "profile", "hackbench", "machine: --load \"" + cmd + "\"");
            y.val(e, "tasks", "2", "default (per CPU, on the housekeeping CPUs)");
            y.hint((where.equals("host") ? "host" : "vms[guest]") + ".workload[1].kernel_activity.tasks: "
                    + "try 1..8 (an integer: compare runs with --set) for how much of the measured hackbench "
                    + "the model needs");
        } else {
            out.append(DraftYaml.indent(d)).append("# the load \"").append(cmd).append("\" is not hackbench: no "
                    + "workload drafted for it; add one (kernel_activity profile io, compile …)\n");
        }
    }

    /** The {@code measure:} block: cyclictest's 1-us buckets, as many as its -h asked for. */
    void measure() {
        y.key(0, "measure");
        y.key(1, "histogram");
        y.val(2, "bucket", "1us", "machine: cyclictest histograms have 1-us buckets");
        String h = ct.value("histogram").or(() -> ct.value("histofall")).filter(v -> v.matches("\\d+")).orElse(null);
        y.val(2, "buckets", h == null ? "1000" : h, h == null ? "machine: measure added -h 1000"
                : "machine: cyclictest " + m.cyclictestOptions() + " (-h)");
    }
}
