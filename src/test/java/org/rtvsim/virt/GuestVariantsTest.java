package org.rtvsim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;

/** Hardware mechanisms seen from inside a guest: an SMI stalls it through its vCPUs' supply; CAT protects its cache. */
class GuestVariantsTest {

    @Test
    void smi_stallsTheGuestThroughItsVcpu_andIsChargedToTheSmi() {
        // a 200 us SMI every 5 ms on average: some guest wake-up lands in one and waits for (part of) it
        RunResult r = VirtScenariosTest.run("kvm-rt-partitioned.yaml", 500_000_000L,
                "hardware.smi={interval: {exponential: {mean: 5ms}}, duration: {fixed: 200us}}");
        ThreadResult w = VirtScenariosTest.worst(r);
        assertTrue(w.maxNs() > 150_000, "an SMI in the wake-up path: " + w.maxNs());
        long smi = VirtScenariosTest.labelNs(w.maxSample(), "SMI");
        assertTrue(smi > w.maxNs() * 0.9, "charged to the SMI, not to a host label: " + w.maxSample());
        // the SMI itself causes no exit; at most the timer's own exit (about 0.5 us) is in the sample
        assertTrue(VirtScenariosTest.labelNs(w.maxSample(), "kvm: VM exit") < 2_000,
                "an SMI is not a VM exit: " + w.maxSample());
    }

    @Test
    void cat_removesTheGuestsCacheRefill() {
        RunResult off = VirtScenariosTest.run("kvm-cat-off-cache-hog.yaml", 300_000_000L);
        RunResult on = VirtScenariosTest.run("kvm-cat-on-cache-hog.yaml", 300_000_000L);
        ThreadResult a = off.threads().get(0);
        ThreadResult b = on.threads().get(0);
        assertTrue(VirtScenariosTest.labelNs(a.maxSample(), "cache refill") > 1_000, "" + a.maxSample());
        assertEquals(0, VirtScenariosTest.labelNs(b.maxSample(), "cache refill"), "" + b.maxSample());
        assertTrue(a.sumNs() / a.samples() > b.sumNs() / b.samples() + 2_000, "CAT lowers the mean by the refill");
    }
}
