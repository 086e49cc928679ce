package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtvsim.engine.DistSpec;

/** {@code hardware.profile}: the profile's values apply, explicit keys and --set override them key by key. */
class HardwareProfilesTest {

    private static ScenarioSpec load(String hardware, String... sets) {
        String yaml = """
                name: p
                hardware:
                %s
                host:
                  workload:
                    - cyclictest: {threads: 1, interval: 1ms}
                """.formatted(hardware.indent(2));
        return ScenarioLoader.loadString(yaml, "p.yaml", List.of(sets));
    }

    @Test
    void ivyBridgeEp_setsFrequencyTheIvtTableAndTheLlc() {
        HardwareSpec hw = load("profile: ivy-bridge-ep").hardware();
        assertEquals(2_400_000_000L, hw.freqHz());
        assertEquals(Map.of("C1", 1_000L, "C1E", 10_000L, "C3", 59_000L, "C6", 82_000L), hw.cstates().exitLatencyNs());
        assertEquals(List.of("C1", "C1E", "C3", "C6"), List.copyOf(hw.cstates().exitLatencyNs().keySet()));
        assertEquals(80_000L, hw.cstates().targetResidencyNs().get("C1E"));
        assertEquals("C6", hw.cstates().maxCstate());
        assertEquals(30L * 1024 * 1024, hw.llc().sizeBytes());
        assertEquals("menu", hw.cstates().governor());
    }

    @Test
    void explicitKeysAndSets_overrideTheProfileKeyByKey() {
        ScenarioSpec s = load("""
                profile: sapphire-rapids
                freq: 3GHz
                cstates: {exit_latency: {C1: 3us}, max_cstate: C1E, governor: teo}""",
                "hardware.llc.ways=11");
        HardwareSpec hw = s.hardware();
        assertEquals(3_000_000_000L, hw.freqHz());
        assertEquals(3_000L, hw.cstates().exitLatencyNs().get("C1"));
        assertEquals(290_000L, hw.cstates().exitLatencyNs().get("C6"));
        assertEquals("C1E", hw.cstates().maxCstate());
        assertEquals("teo", hw.cstates().governor());
        assertEquals(11, hw.llc().ways());
        assertEquals(105L * 1024 * 1024, hw.llc().sizeBytes());
    }

    @Test
    void epycMilan_setsTheAcpiTableAndTheKvmCosts_unlessGiven() {
        ScenarioSpec s = load("profile: epyc-milan");
        assertEquals(800_000L, s.hardware().cstates().targetResidencyNs().get("C2"));
        assertEquals(new DistSpec.Lognormal(280, 0.2, 0), s.host().kvm().vmExit());
        ScenarioSpec given = load("profile: epyc-milan", "host.kvm.vm_exit.lognormal.median=1us");
        assertEquals(new DistSpec.Lognormal(1_000, 0.2, 0), given.host().kvm().vmExit());
        assertEquals(new DistSpec.Lognormal(280, 0.2, 0), given.host().kvm().vmEntry());
    }

    @Test
    void unknownProfile_namesTheKeyAndTheKnownProfiles() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load("profile: ivybridge"));
        assertEquals("hardware.profile", e.key());
        assertTrue(e.getMessage().contains("ivy-bridge-ep, sapphire-rapids, epyc-milan"), e.getMessage());
        assertTrue(e.getMessage().contains("p.yaml:3"), e.getMessage());
    }

    @Test
    void cstateKeys_badGovernorAndFraction_areScenarioErrors() {
        ScenarioException g = assertThrows(ScenarioException.class, () -> load("cstates: {governor: ladder}"));
        assertEquals("hardware.cstates.governor", g.key());
        assertTrue(g.getMessage().contains("menu, teo, oracle"), g.getMessage());
        ScenarioException f = assertThrows(ScenarioException.class, () -> load("cstates: {exit_fraction: 2}"));
        assertEquals("hardware.cstates.exit_fraction", f.key());
        ScenarioException t = assertThrows(ScenarioException.class,
                () -> load("cstates: {exit_time: {C7: {fixed: 1us}}}"));
        assertEquals("hardware.cstates.exit_time.C7", t.key());
    }

    @Test
    void cstateKeys_fractionAndExitTime_bind() {
        HardwareSpec.CStatesSpec cs = load("cstates: {exit_fraction: 1, exit_time: {C6: {fixed: 40us}}}")
                .hardware().cstates();
        assertEquals(new DistSpec.Fixed(1), cs.exitFraction());
        assertEquals(new DistSpec.Fixed(40_000), cs.exitTimeNs().get("C6"));
        assertEquals(Defaults.CSTATE_EXIT_FRACTION, load("cpus: 1").hardware().cstates().exitFraction());
    }
}
