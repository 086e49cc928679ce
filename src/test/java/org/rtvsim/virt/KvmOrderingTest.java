package org.rtvsim.virt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;

/**
 * The seed talk's ordering: every KVM scenario that adds a mechanism shows a larger maximum than the
 * partitioned one, and the mechanism it adds appears in its worst sample's attribution (2 s each, seed 1).
 */
class KvmOrderingTest {

    @Test
    void everyOtherKvmScenario_hasALargerMax_andItsMechanismInTheTail() {
        long dur = 2_000_000_000L;
        long base = VirtScenariosTest.worst(VirtScenariosTest.run("kvm-rt-partitioned.yaml", dur)).maxNs();
        Map<String, String> mechanism = new LinkedHashMap<>();
        mechanism.put("kvm-rt-shared.yaml", "host: ");
        mechanism.put("kvm-rt-guest-unpartitioned.yaml", "qemu: device emulation");
        mechanism.put("kvm-stock-host.yaml", "host: tick");
        mechanism.put("kvm-idle-poll-starvation.yaml", "host: tick");
        mechanism.put("kvm-overcommit.yaml", "host: ");
        mechanism.put("kvm-bql-inversion.yaml", "qemu: waiting for the BQL");
        mechanism.forEach((file, label) -> {
            RunResult r = VirtScenariosTest.run(file, dur);
            ThreadResult w = VirtScenariosTest.worst(r);
            assertTrue(w.maxNs() > base, file + ": max " + w.maxNs() + " ns, partitioned " + base + " ns");
            Attribution a = w.maxSample();
            assertTrue(VirtScenariosTest.labelNs(a, label) > 0, file + ": '" + label + "' in " + a);
        });
    }
}
