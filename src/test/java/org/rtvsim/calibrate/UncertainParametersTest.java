package org.rtvsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rtvsim.scenario.ScenarioException;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/** The scenario's {@code uncertain:} list: binding, priors, errors with a line, and every ready scenario's entries. */
class UncertainParametersTest {
    static final String BASE = """
            name: u
            hardware: {cpus: 1}
            host:
              kernel:
                costs:
                  context_switch: {lognormal: {median: 1.1us, sigma: 0.3}}
              workload:
                - cyclictest: {threads: 1, interval: 1ms}
            """;

    static ScenarioSpec load(String uncertain) {
        return ScenarioLoader.loadString(BASE + uncertain, "u.yaml", List.of());
    }

    @Test
    void entries_bindWithRangeAndPrior() {
        ScenarioSpec s = load("""
                uncertain:
                  - {path: host.kernel.costs.context_switch.lognormal.median, range: 0.5us..4us,
                     prior: {lognormal: {median: 1us, sigma: 0.5}}, why: CPU generation}
                  - {path: host.kernel.costs.context_switch.lognormal.sigma, range: 0.1..1,
                     prior: {normal: {mean: 0.3, sd: 0.1}}}
                """);
        List<FitParameter> ps = UncertainParameters.of(s);
        assertEquals(2, ps.size());
        assertEquals(0.5, ps.get(0).lo());
        assertEquals("us", ps.get(0).unit());
        assertTrue(ps.get(0).prior().lognormal());
        assertEquals(1.0, ps.get(0).prior().centre());
        assertEquals(0.0, ps.get(0).prior().penalty(1.0));
        assertEquals(0.5, ps.get(1).prior().penalty(0.4), 1e-12); // one sd away: half of z squared
        assertEquals("CPU generation", s.uncertain().get(0).why());
    }

    @Test
    void badEntries_nameTheLineAndKey() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load("""
                uncertain:
                  - {path: host.kernel.costs.context_switch.lognormal.median, range: 4us}
                """));
        assertEquals(10, e.line());
        assertTrue(e.getMessage().contains("uncertain[0].range") && e.getMessage().contains("LO..HI"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> load("""
                uncertain:
                  - {path: a.b, range: 1..2, prior: {gamma: {k: 1}}}
                """));
        assertTrue(e.getMessage().contains("unknown prior 'gamma'"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> load("""
                uncertain:
                  - {path: a.b, range: 1..2}
                  - {path: a.b, range: 1..3}
                """));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> load("""
                uncertain:
                  - {path: a.b, range: 1..2, bogus: 1}
                """));
        assertTrue(e.getMessage().contains("unknown key 'bogus'"), e.getMessage());
        ScenarioSpec mixed = load("""
                uncertain:
                  - {path: host.kernel.costs.context_switch.lognormal.median, range: 1us..2us,
                     prior: {normal: {mean: 1500ns, sd: 0.1us}}}
                """);
        e = assertThrows(ScenarioException.class, () -> UncertainParameters.of(mixed));
        assertEquals(11, e.line());
        assertTrue(e.getMessage().contains("range's unit"), e.getMessage());
    }

    /** Every ready scenario that declares uncertain: parameters loads with both ends of each range. */
    @Test
    void readyScenarios_declareLoadableUncertainParameters() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
        }
        int declaring = 0;
        for (Path f : files) {
            ScenarioSpec spec = ScenarioLoader.load(f, List.of());
            for (FitParameter p : UncertainParameters.of(spec)) {
                for (double x : new double[] {0, 0.37, 1}) {
                    ScenarioSpec at = ScenarioLoader.load(f, List.of(p.set(x)));
                    assertNotNull(at, f + " " + p.set(x));
                }
            }
            declaring += spec.uncertain().isEmpty() ? 0 : 1;
        }
        assertTrue(declaring >= 10, "scenarios declaring uncertain: " + declaring);
        ScenarioSpec cloud = ScenarioLoader.load(Path.of("scenarios/kvm-cloud-guest.yaml"), List.of());
        assertFalse(cloud.uncertain().isEmpty());
    }
}
