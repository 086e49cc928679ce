package org.rtvsim.experiment;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.RunResult;
import org.rtvsim.scenario.ScenarioLoader;

class ScratchTest {
    @Test
    void timing() {
        for (String p : List.of("rt", "full", "none", "voluntary", "lazy")) {
            String yaml = """
                name: order
                duration: 10s
                hardware: {cpus: 4}
                host:
                  kernel: {preempt: %s}
                  workload:
                    - kernel_activity: {profile: hackbench}
                    - cyclictest: {threads: 4, priority: 99, interval: 1ms}
                """.formatted(p);
            long t0 = System.nanoTime();
            RunResult r = SingleRun.run(ScenarioLoader.loadString(yaml, "o.yaml", List.of()), 0);
            long w = System.nanoTime() - t0;
            StringBuilder sb = new StringBuilder(p + " wall " + w / 1_000_000 + " ms events " + r.events());
            for (var t : r.threads()) {
                sb.append(String.format(" | T%d %.2f/%.2f/%.2f", t.index(), t.minNs() / 1e3, t.avgNs() / 1e3, t.maxNs() / 1e3));
            }
            System.out.println(sb);
        }
    }
}
