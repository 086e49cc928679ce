package org.rtvsim.experiment;

import java.util.List;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * The residual-life set-up of {@code NonPreemptibleResidualLifeTest} as a scenario for experiments: one
 * CPU, a task alternating think Exp(40 µs) and a raw_spinlock section, cyclictest FIFO 99; every kernel
 * cost fixed so the base latency is 3 µs. With sections Exp(m): E[latency] = 3 µs + ρ·m, ρ = m/(m + 40 µs).
 * With fixed sections of length L: P(latency − 3 µs > x) = ρ·(1 − x/L) for x &lt; L, ρ = L/(L + 40 µs).
 */
public final class ResidualLife {
    public static final double BASE_NS = 3_000;

    private ResidualLife() {
    }

    /** The scenario: {@code section} is a distribution such as {@code {fixed: 20us}}. */
    public static String yaml(String section, String duration, String interval, long seed) {
        return """
                name: residual-life
                seed: %d
                duration: %s
                warmup: 10ms
                hardware:
                  cpus: 1
                  clock_read: {fixed: 0ns}
                host:
                  kernel:
                    preempt: full
                    hz: 1
                    nohz_full: "0"
                    housekeeping: off
                    rt_throttling: off
                    costs:
                      irq_entry: {fixed: 500ns}
                      timer_expiry: {fixed: 1us}
                      context_switch: {fixed: 1us}
                      return_to_user: {fixed: 500ns}
                      tick: {fixed: 1us}
                  workload:
                    - kernel_activity:
                        cpus: "0"
                        tasks: 1
                        think: {exponential: {mean: 40us}}
                        segments: [{kind: raw_spinlock, length: %s}]
                    - cyclictest: {threads: 1, priority: 99, interval: %s, mlock: true}
                measure: {attribution: false}
                """.formatted(seed, duration, section, interval);
    }

    static ScenarioSpec spec(String section, String duration, String interval, long seed, List<String> sets) {
        return ScenarioLoader.loadString(yaml(section, duration, interval, seed), "residual-life.yaml", sets);
    }
}
