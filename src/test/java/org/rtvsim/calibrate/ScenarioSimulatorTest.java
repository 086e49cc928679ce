package org.rtvsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/** The sample rate and default run length of calibrate / compare --measured, on the host and in guests. */
class ScenarioSimulatorTest {

    @Test
    void countsTheHostsCyclictestThreads() {
        ScenarioSpec s = ScenarioLoader.load(Path.of("docs/examples/validation/civcode-rt.yaml"), List.of());
        assertEquals(4 * 5000.0, ScenarioSimulator.samplesPerSecond(s), 1e-9);   // 4 threads at 200 us
        assertEquals(50_000_000_000L, ScenarioSimulator.defaultDurationNs(s, 1_000_000, 1_000_000));   // 50 s
    }

    @Test
    void countsTheCyclictestThreadsOfAGuest() {
        // cyclictest runs only in the guest (vms[].workload): 6 threads at 1 ms
        ScenarioSpec s = ScenarioLoader.load(Path.of("scenarios/kvm-rt-partitioned.yaml"), List.of());
        assertEquals(6000.0, ScenarioSimulator.samplesPerSecond(s), 1e-9);
        assertEquals(50_000_000L, ScenarioSimulator.defaultDurationNs(s, 300, 1_000_000));
        // the NFV guest of the validation: one thread at 200 us, 3 M samples measured, capped at 200 000
        ScenarioSpec nfv = ScenarioLoader.load(Path.of("docs/examples/validation/kvm-nfv-after.yaml"), List.of());
        assertEquals(5000.0, ScenarioSimulator.samplesPerSecond(nfv), 1e-9);
        assertEquals(40_000_000_000L, ScenarioSimulator.defaultDurationNs(nfv, 3_000_000, 200_000));
    }
}
