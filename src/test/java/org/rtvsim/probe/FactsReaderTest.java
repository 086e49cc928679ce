package org.rtvsim.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Machine facts from a fake /proc + /sys tree: each read from where it should be, and nulls with reasons. */
class FactsReaderTest {
    @TempDir
    Path root;

    private void put(String path, String text) throws IOException {
        Path p = root.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** A 4-CPU bare-metal PREEMPT_DYNAMIC box with debugfs, isolation keys, C-states and a governor. */
    static void bareMetal(FactsReaderTest t) throws IOException {
        t.put("/proc/sys/kernel/osrelease", "6.8.0-45-generic\n");
        t.put("/proc/sys/kernel/version", "#45-Ubuntu SMP PREEMPT_DYNAMIC Fri Aug 30 12:02:04 UTC 2024\n");
        t.put("/sys/kernel/debug/sched/preempt", "none voluntary (full) lazy\n");
        t.put("/proc/cmdline", "BOOT_IMAGE=/vmlinuz root=/dev/sda1 isolcpus=managed_irq,domain,2-3 nohz_full=2-3 "
                + "rcu_nocbs=2-3 irqaffinity=0-1 intel_idle.max_cstate=1 threadirqs mitigations=off\n");
        t.put("/boot/config-6.8.0-45-generic", "CONFIG_HZ_1000=y\nCONFIG_HZ=1000\nCONFIG_NO_HZ_FULL=y\n"
                + "CONFIG_PREEMPT_DYNAMIC=y\nCONFIG_PREEMPT_VOLUNTARY=y\n");
        StringBuilder cpuinfo = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            cpuinfo.append("processor\t: ").append(i).append("\nmodel name\t: Intel(R) Core(TM) i7-8700 CPU @ "
                    + "3.20GHz\nflags\t\t: fpu vme sse sse2\n\n");
        }
        t.put("/proc/cpuinfo", cpuinfo.toString());
        t.put("/sys/devices/system/cpu/online", "0-3\n");
        t.put("/sys/devices/system/cpu/cpuidle/current_driver", "intel_idle\n");
        String[][] states = {{"POLL", "CPUIDLE CORE POLL IDLE", "0", "0"}, {"C1", "MWAIT 0x00", "2", "2"},
            {"C6", "MWAIT 0x20", "85", "200"}};
        for (int c = 0; c < 4; c++) {
            t.put("/sys/devices/system/cpu/cpu" + c + "/cpufreq/scaling_governor", c < 2 ? "powersave\n"
                    : "performance\n");
            for (int s = 0; s < states.length; s++) {
                String d = "/sys/devices/system/cpu/cpu" + c + "/cpuidle/state" + s + "/";
                t.put(d + "name", states[s][0] + "\n");
                t.put(d + "desc", states[s][1] + "\n");
                t.put(d + "latency", states[s][2] + "\n");
                t.put(d + "residency", states[s][3] + "\n");
                t.put(d + "disable", "0\n");
            }
        }
        t.put("/sys/class/dmi/id/sys_vendor", "Dell Inc.\n");
    }

    @Test
    void bareMetal_everyFactFromItsSource() throws IOException {
        bareMetal(this);
        MachineFacts f = new FactsReader(root, argv -> Optional.of(argv.get(0).equals("systemd-detect-virt")
                ? "none" : "100")).machine();
        assertEquals(Optional.of("full"), f.preempt());
        assertTrue(f.source("preempt").startsWith("/sys/kernel/debug/sched/preempt"), f.source("preempt"));
        assertEquals(Optional.of(1000), f.hz());
        assertEquals("/boot/config-6.8.0-45-generic CONFIG_HZ", f.source("hz"));
        assertEquals(Optional.of(4), f.cpus());
        assertEquals(Optional.of("managed_irq,domain,2-3"), f.cmdlineKey("isolcpus"));
        assertEquals(Optional.of("2-3"), f.cmdlineKey("nohz_full"));
        assertEquals(Optional.of(""), f.cmdlineKey("threadirqs"));
        assertEquals(Optional.empty(), f.cmdlineKey("idle"));
        assertEquals(Optional.of("Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz"), f.text("cpu_model"));
        assertEquals("performance", f.fact("cpufreq_governor").at("/value/cpu3").asText());
        assertEquals(Optional.of("intel_idle"), f.text("cpuidle/driver"));
        List<MachineFacts.IdleState> st = f.idleStates();
        assertEquals(3, st.size());
        assertEquals("C6", st.get(2).name());
        assertEquals(85L, st.get(2).latencyUs());
        assertEquals("none", f.hypervisor());
        assertFalse(f.isGuest());
    }

    @Test
    void preempt_fallsBackToUnameThenConfig_andHzToProcConfigGz() throws IOException {
        put("/proc/sys/kernel/osrelease", "5.15.0\n");
        put("/proc/sys/kernel/version", "#1 SMP PREEMPT_DYNAMIC\n");
        put("/proc/cmdline", "preempt=voluntary\n");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(root.resolve("proc/config.gz")))) {
            o.write("CONFIG_HZ=250\nCONFIG_PREEMPT=y\n".getBytes(StandardCharsets.UTF_8));
        }
        FactsReader r = new FactsReader(root, argv -> Optional.empty());
        MachineFacts f = r.machine();
        assertEquals(Optional.of("voluntary"), f.preempt());
        assertTrue(f.source("preempt").contains("preempt=voluntary"), f.source("preempt"));
        assertEquals(Optional.of(250), f.hz());
        assertEquals("/proc/config.gz CONFIG_HZ", f.source("hz"));
        put("/proc/cmdline", "quiet\n");
        assertEquals(Optional.of("full"), r.machine().preempt(), "the build default of a dynamic kernel");
        put("/proc/sys/kernel/version", "#1 SMP PREEMPT_RT\n");
        assertEquals(Optional.of("rt"), r.machine().preempt());
    }

    @Test
    void emptyRoot_givesNullsWithReasons_neverThrows() {
        FactsReader r = new FactsReader(root, argv -> {
            throw new IllegalStateException("no commands here");
        });
        MachineFacts f = r.machine();
        for (String k : List.of("kernel_release", "preempt", "hz", "cmdline", "cpus", "cpu_model", "online_cpus",
                "cpufreq_governor", "cpuidle/driver", "cpuidle/states", "hypervisor/systemd_detect_virt")) {
            JsonNode n = f.fact(k);
            assertTrue(n.path("value").isNull(), k + ": " + n);
            assertFalse(n.path("reason").asText().isBlank(), k + " has no reason: " + n);
            assertFalse(n.path("source").asText().isBlank(), k + " has no source");
        }
        assertEquals("unknown", f.source("hz"));
        assertTrue(r.steal().isEmpty());
        assertEquals(100, r.userHz().path("value").asInt());
        assertTrue(r.userHz().path("source").asText().startsWith("assumption"));
    }

    @Test
    void hypervisorGuess_fromDmiAndFirecrackerHints() {
        assertEquals("kvm", FactsReader.guess("", "", true, Map.of("sys_vendor", "qemu", "product_name",
                "standard pc (q35 + ich9, 2009)", "bios_vendor", "seabios"), "tsc kvm-clock", "").path("value").asText());
        assertEquals("firecracker", FactsReader.guess("kvm", "", true, Map.of("sys_vendor", "", "product_name", "",
                "bios_vendor", ""), "kvm-clock", "console=ttyS0 reboot=k panic=1 pci=off").path("value").asText());
        assertEquals("microsoft", FactsReader.guess("", "", true, Map.of("sys_vendor", "microsoft corporation"), "",
                "").path("value").asText());
        JsonNode none = FactsReader.guess("none", "", false, Map.of("sys_vendor", "dell inc."), "tsc hpet", "");
        assertEquals("none", none.path("value").asText());
        assertFalse(none.path("guest").asBoolean());
    }

    @Test
    void steal_fromProcStat() throws IOException {
        put("/proc/stat", "cpu  10 0 5 1000 0 0 0 42 0 0\ncpu0 5 0 2 500 0 0 0 40 0 0\ncpu1 5 0 3 500 0 0 0 2 0 0\n"
                + "intr 1 2 3\n");
        Map<String, Long> s = new FactsReader(root, argv -> Optional.empty()).steal().orElseThrow();
        assertEquals(Map.of("cpu", 42L, "cpu0", 40L, "cpu1", 2L), s);
    }
}
