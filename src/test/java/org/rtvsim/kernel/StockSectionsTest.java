package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtvsim.experiment.Model;
import org.rtvsim.experiment.ModelBuilder;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.kernel.StockSections.Source;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * Each stock-kernel section source alone: its count against rate × time (Poisson, within 4 standard deviations
 * at a fixed seed), where it lands, and what its sections mean for a FIFO-99 wake-up under each preemption model:
 * the largest latency equals the section length where the section is non-preemptible there, and stays near the
 * base path where it is preemptible.
 */
class StockSectionsTest {
    private static final long RUN_NS = 10_000_000_000L;

    private static String yaml(int cpus, String preempt, String kernelExtra, String stock, String workload) {
        return """
                name: stock
                duration: 10s
                warmup: 0ns
                hardware: {cpus: %d, cstates: {max_cstate: C0}, clock_read: {fixed: 0ns}}
                host:
                  kernel:
                    preempt: %s
                    rt_throttling: off
                    housekeeping: off
                    %s
                    costs:
                      irq_entry: {fixed: 500ns}
                      timer_expiry: {fixed: 1us}
                      context_switch: {fixed: 1us}
                      return_to_user: {fixed: 500ns}
                      ipi: {fixed: 500ns}
                      wakeup: {fixed: 500ns}
                    stock_sections: %s
                  workload:
                %s""".formatted(cpus, preempt, kernelExtra, stock, workload);
    }

    private static StockSections build(int cpus, String kernelExtra, String stock) {
        Model m = ModelBuilder.build(ScenarioLoader.loadString(yaml(cpus, "full", kernelExtra, stock,
                "    - cyclictest: {threads: 1, priority: 99, interval: 10ms, mlock: true}\n"), "stock.yaml", List.of()), 0);
        m.start();
        m.sim().runUntil(RUN_NS);
        return m.host().stockSections;
    }

    private static void assertPoisson(double rateHz, long count) {
        double mean = rateHz * RUN_NS / 1e9;
        assertTrue(Math.abs(count - mean) <= 4 * Math.sqrt(mean), "count " + count + ", expected " + mean);
    }

    @Test
    void printk_rateForTheWholeKernel_spreadOverHousekeepingCpus() {
        StockSections s = build(4, "isolcpus: \"3\"", "{printk: {rate: 20hz, length: {fixed: 50us}}}");
        assertEquals(0, s.count(Source.PRINTK, 3), "isolcpus");
        long total = 0;
        for (int c = 0; c < 3; c++) {
            assertTrue(s.count(Source.PRINTK, c) > 0, "cpu " + c);
            total += s.count(Source.PRINTK, c);
        }
        assertPoisson(20, total);
    }

    @Test
    void perCpuSources_rateOnEachCpu_placedWhereTheKernelRunsThem() {
        StockSections s = build(4, "isolcpus: \"3\"\n    rcu_nocbs: \"2\"\n    irqaffinity: \"0\"",
                "{softirq: {rate: 30hz}, rcu: {rate: 5hz}, reclaim: {rate: 7hz}, irqoff: {rate: 11hz}}");
        assertPoisson(30, s.count(Source.SOFTIRQ, 0));
        for (int c = 1; c < 4; c++) {
            assertEquals(0, s.count(Source.SOFTIRQ, c), "irqaffinity 0, cpu " + c);
        }
        for (int c : new int[] {0, 1, 3}) {
            assertPoisson(5, s.count(Source.RCU, c));
        }
        assertEquals(0, s.count(Source.RCU, 2), "rcu_nocbs");
        for (int c = 0; c < 3; c++) {
            assertPoisson(7, s.count(Source.RECLAIM, c));
            assertPoisson(11, s.count(Source.IRQOFF, c));
        }
        assertEquals(0, s.count(Source.RECLAIM, 3), "isolcpus");
        assertEquals(0, s.count(Source.IRQOFF, 3), "isolcpus");
    }

    @Test
    void absentOrOverheadsNone_noSource() {
        Model m = ModelBuilder.build(ScenarioLoader.loadString(yaml(1, "full", "", "off",
                "    - cyclictest: {threads: 1}\n"), "stock.yaml", List.of()), 0);
        assertNull(m.host().stockSections);
        Model none = ModelBuilder.build(ScenarioLoader.loadString(yaml(1, "full", "overheads: none",
                "{printk: {}}", "    - cyclictest: {threads: 1}\n"), "stock.yaml", List.of()), 0);
        assertNull(none.host().stockSections);
        assertTrue(none.host().tasks().stream().noneMatch(t -> t.name().startsWith("stock/")));
    }

    /**
     * One CPU, sections of a fixed 200 µs at 5 per second, cyclictest every 100 µs for 10 s: each of the about
     * 50 sections takes a wake-up within its first 100 µs, so the largest waits nearly the whole section where it
     * cannot be preempted (base path 3 µs plus the residual), and only the base path plus the section's own
     * preemption where it can. Two sections follow back to back (and add up) with probability about 5 % per run,
     * which the upper bound allows.
     */
    @ParameterizedTest(name = "{0} under {1}: blocks {2}")
    @CsvSource({
        "printk, full, true", "printk, none, true", "printk, rt, false",
        "irqoff, full, true", "irqoff, rt, false",
        "softirq, full, true", "softirq, rt, false",
        "rcu, full, true", "rcu, rt, false",
        "reclaim, none, true", "reclaim, full, false", "reclaim, rt, false"})
    void largestWait_isTheSectionWhereItIsNonPreemptible(String source, String preempt, boolean blocks) {
        long sectionNs = 200_000;
        String stock = "{" + source + ": {rate: 5hz, length: {fixed: 200us}}}";
        ThreadResult t = SingleRun.run(ScenarioLoader.loadString(yaml(1, preempt, "hz: 1", stock,
                "    - cyclictest: {threads: 1, priority: 99, interval: 100us, mlock: true}\n"), "stock.yaml",
                List.of()), 0).threads().get(0);
        if (blocks) {
            assertTrue(t.maxNs() >= 0.9 * sectionNs, source + " max " + t.maxNs());
            assertTrue(t.maxNs() <= 2 * sectionNs + 20_000, source + " max " + t.maxNs());
        } else {
            assertTrue(t.maxNs() < 20_000, source + " max " + t.maxNs());
        }
    }
}
