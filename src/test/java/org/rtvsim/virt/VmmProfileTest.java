package org.rtvsim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rtvsim.virt.VirtScenariosTest.labelNs;
import static org.rtvsim.virt.VirtScenariosTest.run;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioException;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.SchedPolicy;
import org.rtvsim.scenario.VmSpec;

/** {@code vms[].vmm}: the defaults each VMM profile chooses, and firecracker's lack of a big lock. */
class VmmProfileTest {

    private static VmSpec vm(String vmLines) {
        String yaml = """
                name: vmm
                duration: 10ms
                hardware: {cpus: 4}
                vms:
                  - name: g
                    vcpus: 1
                    pin: "1"
                %s
                    workload: [{cyclictest: {threads: 1, cpus: "0", interval: 1ms}}]
                """.formatted(vmLines);
        return ScenarioLoader.loadString(yaml, "vmm.yaml", List.of()).vms().get(0);
    }

    @Test
    void qemuIsTheDefault_andKeepsTheModelsDefaults() {
        VmSpec q = vm("");
        assertEquals("qemu", q.vmm());
        assertEquals(SchedPolicy.FIFO, q.vcpuPolicy(), "the model's RT-setup default, unchanged");
        assertEquals(100.0, q.qemu().mainLoopRate());
        assertEquals(null, q.guestHaltPoll(), "cpuidle-haltpoll not loaded by default");
    }

    @Test
    void firecrackerAndCloudHypervisor_haveSchedOtherVcpus_andNoMainLoop() {
        for (String vmm : List.of("firecracker", "cloud-hypervisor")) {
            VmSpec v = vm("    vmm: " + vmm);
            assertEquals(SchedPolicy.OTHER, v.vcpuPolicy(), vmm);
            assertEquals(0, v.vcpuPriority(), vmm);
            assertEquals(0.0, v.qemu().mainLoopRate(), vmm);
            assertTrue(!v.qemuVmm(), vmm);
        }
        assertEquals(SchedPolicy.FIFO, vm("    vmm: firecracker\n    vcpu_sched: {policy: fifo, priority: 5}")
                .vcpuPolicy(), "a policy the user sets wins");
    }

    @Test
    void aBigLockKey_withoutQemu_isAnError() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> vm("    vmm: firecracker\n    qemu: {main_loop: {rate: 100hz}}"));
        assertTrue(e.getMessage().contains("vms[g].qemu.main_loop.rate") && e.getMessage().contains("firecracker"),
                e.getMessage());
        e = assertThrows(ScenarioException.class, () -> vm("    vmm: cloud-hypervisor\n    qemu: {bql_pi: true}"));
        assertTrue(e.getMessage().contains("bql_pi"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> vm("    vmm: crosvm"));
        assertTrue(e.getMessage().contains("vms[g].vmm"), e.getMessage());
    }

    @Test
    void firecracker_hasNoBqlContention() {
        // kvm-bql-inversion: FIFO vCPUs' emulated accesses wait behind qemu's main loop holding the BQL (preempted
        // by a host task); under firecracker the same accesses take no global lock
        ThreadResult fc = VirtScenariosTest.worst(run("kvm-bql-inversion.yaml", 300_000_000L, "vms[rt].vmm=firecracker",
                "vms[rt].qemu.main_loop.rate=off", "vms[rt].vcpu_sched.policy=fifo"));
        assertEquals(0, labelNs(fc.maxSample(), "qemu: waiting for the BQL"), "" + fc.maxSample());
        assertTrue(fc.maxNs() < 500_000, "no inversion: " + fc.maxNs());
        assertTrue(Path.of("scenarios", "kvm-bql-inversion.yaml").toFile().exists());
    }
}
