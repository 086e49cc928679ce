package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.probe.FactsReader;
import org.rtvsim.probe.MeasurementFile;
import org.rtvsim.scenario.PreemptModel;
import org.rtvsim.calibrate.FitParameter;
import org.rtvsim.calibrate.UncertainParameters;
import org.rtvsim.scenario.Defaults;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * {@code rtvsim init}: drafts from a bare-metal and from a KVM-guest fact set (and variants of the cyclictest
 * command line and the load) all load with {@link ScenarioLoader}; every value line carries a source comment;
 * cyclictest options rtvsim cannot mirror are replaced by named assumptions; an existing --out is not overwritten
 * without --force.
 */
class InitCommandTest {
    @TempDir
    Path dir;

    private void put(Path root, String path, String text) throws IOException {
        Path p = root.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Path bareMetalRoot(String cmdlineExtra) throws IOException {
        Path root = Files.createTempDirectory(dir, "bm");
        put(root, "/proc/sys/kernel/osrelease", "6.8.0-rt\n");
        put(root, "/proc/sys/kernel/version", "#1 SMP PREEMPT_RT\n");
        put(root, "/proc/cmdline", "root=/dev/sda1 isolcpus=managed_irq,domain,2-3 nohz_full=2-3 rcu_nocbs=2-3 "
                + "irqaffinity=0-1 " + cmdlineExtra + "\n");
        put(root, "/boot/config-6.8.0-rt", "CONFIG_HZ=1000\nCONFIG_PREEMPT_RT=y\n");
        StringBuilder ci = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            ci.append("processor\t: ").append(i).append("\nmodel name\t: Xeon\nflags\t\t: fpu sse\n\n");
        }
        put(root, "/proc/cpuinfo", ci.toString());
        put(root, "/sys/devices/system/cpu/online", "0-3\n");
        put(root, "/sys/devices/system/cpu/cpuidle/current_driver", "intel_idle\n");
        String[][] st = {{"POLL", "0", "0", "0"}, {"C1", "2", "2", "0"}, {"C1E", "10", "20", "0"},
            {"C6", "133", "600", "1"}};
        for (int c = 0; c < 4; c++) {
            for (int s = 0; s < st.length; s++) {
                String d = "/sys/devices/system/cpu/cpu" + c + "/cpuidle/state" + s + "/";
                put(root, d + "name", st[s][0] + "\n");
                put(root, d + "latency", st[s][1] + "\n");
                put(root, d + "residency", st[s][2] + "\n");
                put(root, d + "disable", st[s][3] + "\n");
            }
        }
        put(root, "/sys/devices/system/clocksource/clocksource0/current_clocksource", "tsc\n");
        return root;
    }

    private Path guestRoot(String cmdline) throws IOException {
        Path root = Files.createTempDirectory(dir, "vm");
        put(root, "/proc/sys/kernel/osrelease", "6.1.0-cloud\n");
        put(root, "/proc/sys/kernel/version", "#1 SMP PREEMPT_DYNAMIC Debian\n");
        put(root, "/proc/cmdline", cmdline + "\n");
        put(root, "/proc/cpuinfo", "processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu hypervisor\n\n"
                + "processor\t: 1\nmodel name\t: AMD EPYC\nflags\t\t: fpu hypervisor\n\n");
        put(root, "/sys/devices/system/cpu/online", "0-1\n");
        put(root, "/sys/class/dmi/id/sys_vendor", "QEMU\n");
        put(root, "/sys/class/dmi/id/product_name", "Standard PC (Q35 + ICH9, 2009)\n");
        put(root, "/sys/devices/system/clocksource/clocksource0/current_clocksource", "kvm-clock\n");
        put(root, "/sys/devices/system/clocksource/clocksource0/available_clocksource", "kvm-clock tsc\n");
        return root;
    }

    /** A measurement.json with the facts of {@code root}, the given cyclictest options and load. */
    private Path measurement(String name, Path root, List<String> args, String load) throws IOException {
        Path m = Files.createDirectories(dir.resolve(name));
        Files.writeString(m.resolve("histogram.txt"), MeasureCommandTest.HISTOGRAM);
        JsonNodeFactory j = JsonNodeFactory.instance;
        ObjectNode o = j.objectNode();
        o.put("format", MeasurementFile.FORMAT);
        o.put("start", "2025-01-01T00:00:00Z");
        o.put("duration_s", 60.0);
        ObjectNode c = o.putObject("cyclictest");
        c.put("options", MeasurementFile.join(args));
        args.forEach(c.putArray("user_args")::add);
        c.putArray("command").add("cyclictest");
        c.put("exit_status", 0);
        o.putObject("histogram").put("file", "histogram.txt");
        if (load != null) {
            o.putObject("load").put("command", load);
        } else {
            o.putNull("load");
        }
        o.putObject("steal").putObject("total").put("percent_of_wall", 0.3);
        o.set("machine", new FactsReader(root, argv -> Optional.empty()).machine().json());
        return MeasurementFile.write(m, o);
    }

    /** Drafts, checks the comments, loads the scenario and returns it. */
    private ScenarioSpec draftAndLoad(Path json) throws IOException {
        Path out = json.getParent().resolve("scenario.yaml");
        Cli r = Cli.run("init", "--from", json.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String yaml = Files.readString(out);
        List<String> bare = new ArrayList<>();
        String values = yaml.substring(0, yaml.indexOf("\nuncertain:\n"));
        for (String l : values.split("\n")) {
            String t = l.strip();
            boolean valueLine = !t.isEmpty() && !t.startsWith("#") && !t.endsWith(":");
            if (valueLine && !l.matches(".*\\s# (machine: |default|assumption: ).*")) {
                bare.add(l);
            }
        }
        assertEquals(List.of(), bare, "value lines without a source comment:\n" + yaml);
        ScenarioSpec spec = ScenarioLoader.load(out, List.of());
        assertFalse(spec.uncertain().isEmpty(), "the draft declares what calibrate fits:\n" + yaml);
        for (FitParameter p : UncertainParameters.of(spec)) {
            // what calibrate checks before it runs: the path exists and both ends of the range load
            ScenarioLoader.load(out, List.of(p.set(0)));
            ScenarioLoader.load(out, List.of(p.set(1)));
        }
        return spec;
    }

    @Test
    void bareMetal_draftLoads_withTheMachinesValues() throws IOException {
        Path json = measurement("bm", bareMetalRoot(""), List.of("-m", "-p", "95", "-i", "200", "-a", "2-3", "-t",
                "2", "-h", "400", "-D", "10m"), null);
        ScenarioSpec s = draftAndLoad(json);
        assertEquals(4, s.hardware().cpus());
        assertEquals(PreemptModel.RT, s.host().kernel().preempt());
        assertEquals(1000, s.host().kernel().hz());
        assertEquals("C1E", s.hardware().cstates().maxCstate(), "C6 is disabled");
        assertEquals(133_000L, s.hardware().cstates().exitLatencyNs().get("C6"));
        String yaml = Files.readString(json.getParent().resolve("scenario.yaml"));
        assertTrue(yaml.contains("isolcpus: \"2-3\""), yaml);
        assertTrue(yaml.contains("interval: 200us") && yaml.contains("buckets: 400"), yaml);
        assertFalse(yaml.contains("vms:"), yaml);
        var costs = s.host().kernel().costs();
        assertEquals(Defaults.COST_CONTEXT_SWITCH, costs.contextSwitch());
        assertEquals(Defaults.COST_RETURN_TO_USER, costs.returnToUser());
        assertEquals(Defaults.COST_IRQ_ENTRY, costs.irqEntry());
        assertEquals(Defaults.COST_TIMER_EXPIRY, costs.timerExpiry());
        assertEquals(4, s.uncertain().size(), yaml);
    }

    @Test
    void bareMetalVariants_allLoad() throws IOException {
        int i = 0;
        for (List<String> args : List.of(List.of("-S", "-p", "99", "-m", "-l", "1000"), List.of("-t", "-D", "1m"),
                List.of("-p", "0", "--policy=other", "-t", "8", "-D", "1m"), List.of("-a", "7", "-D", "1m"),
                List.of("-p", "80", "--policy", "rr", "-a", "1", "-t", "3", "-D", "1s"))) {
            String load = i % 2 == 0 ? "hackbench -l 100000" : i == 3 ? "stress-ng --cpu 2" : null;
            draftAndLoad(measurement("v" + i, bareMetalRoot(i == 1 ? "idle=poll" : ""), args, load));
            i++;
        }
        Path empty = Files.createTempDirectory(dir, "empty");
        draftAndLoad(measurement("nothing", empty, List.of("-D", "1s"), null));
    }

    @Test
    void cyclictestOptionsRtvsimCannotMirror_areReplacedByNamedAssumptions() throws IOException {
        Path json = measurement("odd", bareMetalRoot(""), List.of("-p", "50", "--policy=batch", "-a", "0-1", "-t", "5",
                "--histofall=300", "-D", "1s"), "stress-ng --cpu 2");
        ScenarioSpec s = draftAndLoad(json);
        String yaml = Files.readString(json.getParent().resolve("scenario.yaml"));
        assertTrue(yaml.contains("threads: 2")
                && yaml.contains("# assumption: -a 0-1 has fewer CPUs than the 5 threads"), yaml);
        assertTrue(yaml.contains("policy: fifo") && yaml.contains("# assumption: --policy batch is not modelled"),
                yaml);
        assertTrue(yaml.contains("buckets: 300"), yaml);
        assertTrue(yaml.contains("# the load \"stress-ng --cpu 2\" is not hackbench"), yaml);
        assertFalse(yaml.contains("- kernel_activity:"), yaml);
        assertEquals(300, s.measure().buckets());
    }

    @Test
    void kvmGuest_draftIsAVmOnASharedHost() throws IOException {
        Path json = measurement("vm", guestRoot("console=ttyS0 nohz_full=1 isolcpus=1"), List.of("-m", "-p", "95",
                "-i", "1000", "-t", "1", "-a", "1", "-D", "10s"), "hackbench -l 100000");
        ScenarioSpec s = draftAndLoad(json);
        assertEquals(1, s.vms().size());
        var vm = s.vms().get(0);
        assertEquals(2, vm.vcpus());
        String yaml = Files.readString(json.getParent().resolve("scenario.yaml"));
        assertTrue(yaml.contains("policy: other") && yaml.contains("idle: halt"), yaml);
        assertTrue(yaml.contains("profile: hackbench") && yaml.contains("kvm"), yaml);
        assertTrue(yaml.contains("vms[guest].halt_poll"), yaml);
        // the costs written out for uncertain: are rtvsim's defaults, not new numbers
        assertEquals(Defaults.KVM_VM_ENTRY, s.host().kvm().vmEntry());
        assertEquals(Defaults.KVM_VM_EXIT, s.host().kvm().vmExit());
        assertEquals(Defaults.COST_CONTEXT_SWITCH, vm.kernel().costs().contextSwitch());
        assertEquals(Defaults.CSTATE_EXIT_LATENCY_NS.get("C1"), s.hardware().cstates().exitLatencyNs().get("C1"));
        assertTrue(s.uncertain().stream().anyMatch(u -> u.path().equals("host.kvm.vm_entry.lognormal.median")
                && u.prior() != null), yaml);
        Path poll = measurement("vm2", guestRoot("idle=poll"), List.of("-S", "-p", "95", "-D", "10s"), null);
        draftAndLoad(poll);
    }

    @Test
    void existingOut_isNotOverwritten_withoutForce() throws IOException {
        Path json = measurement("bm", bareMetalRoot(""), List.of("-D", "1s"), null);
        Path out = Files.writeString(dir.resolve("mine.yaml"), "name: mine\n");
        Cli r = Cli.run("init", "--from", json.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--force"), r.err());
        assertEquals("name: mine\n", Files.readString(out));
        assertEquals(0, Cli.run("init", "--from", json.toString(), "--out", out.toString(), "--force").code());
        assertTrue(Files.readString(out).contains("hardware:"));
        Cli stdout = Cli.run("init", "--from", json.getParent().toString());
        assertEquals(0, stdout.code(), stdout.err());
        assertTrue(stdout.out().startsWith("# Drafted by rtvsim init"), stdout.out());
        Cli missing = Cli.run("init", "--from", dir.resolve("nope.json").toString());
        assertEquals(2, missing.code());
    }
}
