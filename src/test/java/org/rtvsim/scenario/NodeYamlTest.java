package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Writing trees back as YAML, and extracting the part of a tree that overrides reach. */
class NodeYamlTest {
    private static final String YAML = """
            name: "x: y"
            seed: 3
            host:
              kernel: {preempt: rt, costs: {tick: {lognormal: {median: 2us, sigma: 0.3}}}}
              workload:
                - cyclictest: {threads: 1, cpus: "0-1", priority: 99}
                - device_irq: {name: nvme, rate: 1000hz, handler: {fixed: 1us}}
            """;

    @Test
    void write_readsBackToTheSameYaml() {
        Node tree = ScenarioLoader.loadTree(YAML, "t.yaml");
        String text = NodeYaml.write(tree);
        assertEquals(text, NodeYaml.write(ScenarioLoader.loadTree(text, "t2.yaml")));
        assertEquals("name: \"x: y\"\nseed: 3\n", text.substring(0, text.indexOf("host:")));
    }

    @Test
    void extract_nestsMapsAndKeepsListsWhole() {
        List<String> sets = List.of("host.kernel.costs.tick.lognormal.median=3us",
                "host.workload[0].cyclictest.priority=80");
        Node merged = ScenarioLoader.merge(ScenarioLoader.loadTree(YAML, "t.yaml"), java.nio.file.Path.of("t.yaml"),
                sets);
        String text = NodeYaml.write(Overrides.extract(merged, sets));
        assertEquals("""
                host:
                  kernel:
                    costs:
                      tick:
                        lognormal:
                          median: 3us
                  workload:
                    - cyclictest:
                        threads: 1
                        cpus: 0-1
                        priority: 80
                    - device_irq:
                        name: nvme
                        rate: 1000hz
                        handler:
                          fixed: 1us
                """, text);
    }
}
