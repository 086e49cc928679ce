package org.rtvsim.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code rtvsim init}: drafts a scenario YAML for the machine of a {@link Measurement}. Every value line ends
 * with a comment saying where the value came from: {@code # machine: SOURCE} (a fact of the measurement),
 * {@code # default} (rtvsim's default, see docs/scenario-reference.md) or {@code # assumption: WHY}. A guest
 * (a hypervisor was detected) is drafted as "the measured kernel runs in a VM on a host we cannot see": the
 * scenario's machine is that unseen host, shared, with SCHED_OTHER vCPU threads and a light host load on their
 * CPUs, and the measured kernel and its workloads go into {@code vms[guest]}. An {@code uncertain:} block lists
 * the parameters to calibrate with suggested ranges. This class writes the sections drafted from the
 * machine's facts; the workload list and the {@code measure:} block come from the measured commands
 * ({@link CyclictestDraft}), and the text is written through {@link DraftYaml}.
 */
public final class ScenarioDraft {
    private final Measurement m;
    private final MachineFacts f;
    private final DraftYaml y = new DraftYaml();
    private final StringBuilder out = y.out;
    /** The sections drafted from the measured cyclictest command line and load. */
    private final CyclictestDraft commands;

    private ScenarioDraft(Measurement m) {
        this.m = m;
        this.f = m.machine();
        this.commands = new CyclictestDraft(m, y);
    }

    /** The draft YAML for {@code m}. */
    public static String draft(Measurement m) {
        return new ScenarioDraft(m).build();
    }

    private String build() {
        boolean guest = f.isGuest();
        int cpus = f.cpus().orElse(0);
        String cpusSrc = f.cpus().isPresent() ? "machine: " + f.source("cpus") : null;
        if (cpus <= 0) {
            cpus = 4;
            cpusSrc = "default: the CPU count was not readable";
        }
        header(guest);
        y.val(0, "name", name(), "machine: named after the measurement's directory");
        y.val(0, "description", DraftYaml.quote((guest ? "guest kernel " : "") + f.text("kernel_release").orElse("unknown kernel")
                + " on " + f.text("cpu_model").orElse("unknown CPU") + " (" + cpus + " CPUs)"
                + (guest ? " in a " + f.hypervisor() + " VM" : "")),
                "machine: kernel_release, cpu_model, cpus");
        y.val(0, "seed", "1", "default");
        y.val(0, "duration", "10s", String.format(Locale.ROOT, "default (the measurement ran %.0f s; "
                + "--duration %.0fs simulates as long)", m.durationS(), Math.max(1, Math.ceil(m.durationS()))));
        y.val(0, "warmup", "100ms", "default");
        out.append('\n');
        if (guest) {
            guestScenario(cpus, cpusSrc);
        } else {
            bareMetal(cpus, cpusSrc);
        }
        commands.measure();
        uncertainBlock(guest);
        return out.toString();
    }

    // ------------------------------------------------------------------ bare metal

    private void bareMetal(int cpus, String cpusSrc) {
        y.key(0, "hardware");
        y.val(1, "cpus", Integer.toString(cpus), cpusSrc);
        cstates(1);
        clocksource(1);
        out.append('\n');
        y.key(0, "host");
        y.key(1, "kernel");
        kernel(2, cpus);
        y.key(2, "costs");
        y.dist(3, "context_switch", "1100ns", "0.3", "default (docs/model-reference.md §12), written out for uncertain:");
        y.dist(3, "return_to_user", "600ns", "0.6", "default, written out for uncertain:");
        y.dist(3, "irq_entry", "500ns", "0.3", "default, written out for uncertain:");
        y.dist(3, "timer_expiry", "1500ns", "0.4", "default, written out for uncertain:");
        y.key(1, "workload");
        commands.workloads(2, cpus, "host");
        out.append('\n');
        y.uncertain("host.kernel.costs.context_switch.lognormal.median", "0.3us..4us",
                DraftYaml.prior("1.1us"), "the wake-up path's context switch on this CPU generation");
        y.uncertain("host.kernel.costs.return_to_user.lognormal.sigma", "0.2..1.2", null,
                "the spread of the wake-up path");
        y.uncertain("host.kernel.costs.irq_entry.lognormal.median", "0.2us..2us", DraftYaml.prior("0.5us"),
                "interrupt entry on this CPU generation");
        y.uncertain("host.kernel.costs.timer_expiry.lognormal.median", "0.5us..4us",
                DraftYaml.prior("1.5us"), "hrtimer expiry and the wake-up's enqueue");
    }

    private void cstates(int d) {
        Optional<String> idle = f.cmdlineKey("idle");
        List<MachineFacts.IdleState> states = f.idleStates();
        if (idle.isPresent() && idle.get().equals("poll")) {
            y.key(d, "cstates");
            y.val(d + 1, "max_cstate", "C0", "machine: /proc/cmdline idle=poll (the CPUs poll, no C-state exits)");
            return;
        }
        List<MachineFacts.IdleState> usable = new ArrayList<>();
        for (MachineFacts.IdleState s : states) {
            if (s.name() != null && s.latencyUs() != null && !s.name().equalsIgnoreCase("POLL")
                    && s.name().matches("[A-Za-z0-9_.-]+")) {
                usable.add(s);
            }
        }
        if (usable.isEmpty()) {
            y.key(d, "cstates");
            y.key(d + 1, "exit_latency");
            y.val(d + 2, "C1", "2us", "assumption: no cpuidle states readable (" + f.fact("cpuidle/states")
                    .path("reason").asText("") + "); the kernel's default idle is HLT (C1), whose exit latency is "
                    + "rtvsim's default C1 value (intel_idle SKX table)");
            y.val(d + 1, "max_cstate", "C1", "assumption: HLT only");
            y.uncertain("hardware.cstates.exit_latency.C1", "1us..60us",
                    "{lognormal: {median: 5us, sigma: 1}}", "the HLT exit latency is not readable here");
            return;
        }
        String src = "machine: " + f.source("cpuidle/states") + " (cpu of the first listing, driver "
                + f.text("cpuidle/driver").orElse("?") + ")";
        y.key(d, "cstates");
        y.key(d + 1, "exit_latency");
        for (MachineFacts.IdleState s : usable) {
            y.val(d + 2, s.name(), s.latencyUs() + "us", src + " " + s.name() + " latency");
        }
        y.key(d + 1, "target_residency");
        for (MachineFacts.IdleState s : usable) {
            if (s.residencyUs() != null) {
                y.val(d + 2, s.name(), s.residencyUs() + "us", src + " " + s.name() + " residency");
            } else {
                y.val(d + 2, s.name(), 3 * s.latencyUs() + "us", "assumption: residency not readable; 3 × exit "
                        + "latency (intel_idle _CST rule, rtvsim's default)");
            }
        }
        String deepest = "C0";
        for (MachineFacts.IdleState s : usable) {
            if (s.disable() == null || s.disable() == 0) {
                deepest = s.name();
            }
        }
        y.val(d + 1, "max_cstate", deepest, "machine: deepest state with disable = 0" + (f.cmdlineKey(
                "intel_idle.max_cstate").isPresent() ? " (/proc/cmdline intel_idle.max_cstate="
                + f.cmdlineKey("intel_idle.max_cstate").get() + " already limits the list)" : ""));
    }

    private void clocksource(int d) {
        String cs = f.text("clocksource").orElse(null);
        if (cs != null && List.of("tsc", "hpet", "acpi_pm").contains(cs)) {
            y.val(d, "clocksource", cs, "machine: " + f.source("clocksource"));
        } else {
            y.val(d, "clocksource", "tsc", cs == null ? "default: the clocksource was not readable"
                    : "assumption: '" + cs + "' is not modelled; tsc is the closest");
        }
    }

    /** preempt, hz and the isolation keys of the measured kernel. */
    private void kernel(int d, int cpus) {
        Optional<String> p = f.preempt();
        if (p.isPresent() && List.of("none", "voluntary", "full", "lazy", "rt").contains(p.get())) {
            y.val(d, "preempt", p.get(), "machine: " + f.source("preempt"));
        } else {
            y.val(d, "preempt", "voluntary", "default: the preemption model was not readable ("
                    + f.fact("preempt").path("reason").asText("no value") + ")");
            y.hint("preempt: try none, voluntary and full (the model was not readable)");
        }
        if (f.hz().isPresent()) {
            y.val(d, "hz", Integer.toString(f.hz().get()), "machine: " + f.source("hz"));
        } else {
            y.val(d, "hz", "1000", "default: CONFIG_HZ unknown (" + f.fact("hz").path("reason").asText("") + ")");
        }
        for (String k : List.of("isolcpus", "nohz_full", "rcu_nocbs", "irqaffinity")) {
            Optional<String> v = f.cmdlineKey(k);
            if (v.isEmpty()) {
                continue;
            }
            String list = cpuListPart(v.get());
            List<Integer> parsed = FactsReader.cpuList(list);
            if (list.isEmpty() || parsed == null || parsed.isEmpty() || parsed.stream().anyMatch(c -> c >= cpus)) {
                out.append(DraftYaml.indent(d)).append("# ").append(k).append(": /proc/cmdline has ").append(k).append('=')
                        .append(v.get()).append(", not a CPU list within 0-").append(cpus - 1).append(": left out\n");
                continue;
            }
            y.val(d, k, DraftYaml.quote(list), "machine: /proc/cmdline " + k + "=" + v.get());
        }
    }

    /** The CPU list of an isolcpus-style value: flags such as {@code managed_irq,domain} dropped. */
    static String cpuListPart(String v) {
        List<String> parts = new ArrayList<>();
        for (String p : v.split(",")) {
            if (p.matches("\\d+(-\\d+)?")) {
                parts.add(p);
            }
        }
        return String.join(",", parts);
    }

    // ------------------------------------------------------------------ guest

    private void guestScenario(int vcpus, String vcpusSrc) {
        String hv = f.hypervisor();
        String steal = stealText();
        out.append("# The measured kernel runs in a ").append(hv).append(" VM on a host we cannot see. The machine\n")
                .append("# below is that host, drafted as a shared cloud host: one host CPU per vCPU, SCHED_OTHER\n")
                .append("# vCPU threads, a light host load on the same CPUs, halting guest idle with KVM's default\n")
                .append("# halt polling. Its values are assumptions to calibrate (see uncertain: at the end).\n");
        if (!f.fact("hypervisor/guess").path("kvm_based").asBoolean(false)) {
            out.append("# rtvsim models KVM only: a ").append(hv).append(" guest is drafted as a KVM guest.\n");
        }
        out.append('\n');
        y.key(0, "hardware");
        y.val(1, "cpus", Integer.toString(vcpus), "assumption: one host CPU per vCPU (" + vcpusSrc.replace("machine: ",
                "guest CPUs from ") + "); the rest of the host is unseen");
        y.val(1, "clocksource", "tsc", "default (the host's clocksource is unseen)");
        y.key(1, "cstates");
        y.key(2, "exit_latency");
        y.val(3, "C1", "2us", "assumption: the host halts its idle CPUs in C1 (rtvsim's default C1, intel_idle SKX "
                + "table); unseen, calibrated");
        y.key(2, "target_residency");
        y.val(3, "C1", "2us", "default (intel_idle SKX table)");
        y.val(2, "max_cstate", "C1", "assumption: the host's deepest state is unseen; C1 only");
        out.append('\n');
        y.key(0, "host");
        y.key(1, "kernel");
        y.val(2, "preempt", "voluntary", "assumption: a distribution host kernel (rtvsim's default), unseen");
        y.val(2, "hz", "1000", "default: the host's CONFIG_HZ is unseen");
        y.key(1, "workload");
        out.append(DraftYaml.indent(2)).append("- kernel_activity:").append('\n');
        String all = DraftYaml.quote(vcpus == 1 ? "0" : "0-" + (vcpus - 1));
        y.val(4, "cpus", all, "assumption: other tenants' and the VMM's work shares the vCPUs' host CPUs");
        y.val(4, "tasks", "1", "assumption: a light load" + steal);
        y.val(4, "profile", "idle", "assumption: mostly sleeping host tasks (syscall bursts); unseen");
        y.val(4, "sleep_probability", "1", "default of profile idle (blocks after every burst); calibrated");
        y.key(4, "sleep");
        y.key(5, "exponential");
        y.val(6, "mean", "10ms", "default of profile idle; calibrated");
        y.key(1, "kvm");
        y.dist(2, "vm_exit", "500ns", "0.2", "default (docs/scenario-reference.md), written out for uncertain:");
        y.dist(2, "vm_entry", "400ns", "0.2", "default, written out for uncertain:");
        out.append('\n');
        y.key(0, "vms");
        out.append(DraftYaml.indent(1)).append("- name: guest").append(DraftYaml.pad(DraftYaml.indent(1) + "- name: guest"))
                .append("# assumption: a name for the measured VM\n");
        int e = 2;
        y.val(e, "vcpus", Integer.toString(vcpus), vcpusSrc);
        y.val(e, "pin", all, "assumption: vCPU i on host CPU i (the real placement is unseen)");
        y.key(e, "vcpu_sched");
        y.val(e + 1, "policy", "other", "assumption: cloud VMMs run vCPU threads SCHED_OTHER"
                + (hv.equals("firecracker") ? " (Firecracker does)" : ""));
        y.val(e + 1, "priority", "0", "assumption: SCHED_OTHER has priority 0");
        Optional<String> idle = f.cmdlineKey("idle");
        if (idle.isPresent() && idle.get().equals("poll")) {
            y.val(e, "idle", "poll", "machine: guest /proc/cmdline idle=poll");
        } else {
            y.val(e, "idle", "halt", "assumption: the guest halts when idle (no idle=poll on its /proc/cmdline)");
            y.val(e, "halt_poll", "200us", "default: KVM_HALT_POLL_NS_DEFAULT; the host's setting is unseen");
            y.hint("vms[guest].halt_poll: the host's halt_poll_ns (KVM's module parameter); 0us if the host "
                    + "disabled polling");
        }
        y.val(e, "cpu_pm", "false", "default: HLT exits to the host (qemu's default; unseen)");
        y.key(e, "kernel");
        kernel(e + 1, vcpus);
        y.key(e + 1, "costs");
        y.dist(e + 2, "context_switch", "1100ns", "0.3", "default (docs/model-reference.md §12), written out for "
                + "uncertain:");
        y.key(e, "workload");
        commands.workloads(e + 1, vcpus, "guest");
        out.append('\n');
        y.uncertain("host.workload[0].kernel_activity.sleep_probability", "0.02..1",
                null, "how often the host tasks on the vCPUs' CPUs block, i.e. how busy those CPUs are");
        y.uncertain("host.workload[0].kernel_activity.sleep.exponential.mean", "0.1ms..100ms",
                null, "how long the host tasks stay away when they block");
        y.uncertain("hardware.cstates.exit_latency.C1", "1us..60us",
                "{lognormal: {median: 5us, sigma: 1}}",
                "the host's idle-state exit latency is not visible from the guest (cloud hosts may allow deeper states)");
        y.uncertain("host.kvm.vm_entry.lognormal.median", "0.2us..5us", DraftYaml.prior("0.4us"),
                "exit and entry cost on an unseen CPU generation with its mitigations");
        y.uncertain("vms[guest].kernel.costs.context_switch.lognormal.median", "0.3us..4us",
                DraftYaml.prior("1.1us"), "the guest's context switch on an unseen CPU generation");
    }

    private String stealText() {
        var total = m.json().at("/steal/total/percent_of_wall");
        return total.isNumber() ? String.format(Locale.ROOT, "; the measured steal time was %.2f %% of the "
                + "vCPUs' wall time (/proc/stat)", total.asDouble()) : "; steal time was not measured";
    }

    // ------------------------------------------------------------------ uncertain

    /** The {@code uncertain:} list and the hints after it ({@link DraftYaml#uncertainBlock}). */
    private void uncertainBlock(boolean guest) {
        if (!guest) {
            y.hint("a bare-metal draft: SMIs (hardware.smi) and device interrupts are not visible in the facts; "
                    + "add them when the measured tail needs them");
        }
        y.uncertainBlock(m.file().toString());
    }

    private void header(boolean guest) {
        out.append("# Drafted by rtvsim init from ").append(m.file()).append('\n');
        out.append("# measured ").append(m.start() == null ? "(time unknown)" : m.start()).append(": cyclictest ")
                .append(m.cyclictestOptions()).append(m.loadCommand() == null ? "" : " under load \""
                        + m.loadCommand() + "\"").append(m.interrupted() ? " (interrupted)" : "").append('\n');
        out.append("# Each value says where it came from: '# machine: SOURCE' (a fact of the measurement),\n");
        out.append("# '# default' (rtvsim's default, docs/scenario-reference.md) or '# assumption: WHY'.\n");
        out.append("# A ").append(guest ? "guest" : "bare-metal").append(" draft: check it, then calibrate the "
                + "uncertain values.\n");
    }

    private String name() {
        java.nio.file.Path dir = m.file().toAbsolutePath().getParent();
        String n = dir == null || dir.getFileName() == null ? "measurement" : dir.getFileName().toString();
        return "measured-" + n.replaceAll("[^A-Za-z0-9_.-]", "-");
    }
}
