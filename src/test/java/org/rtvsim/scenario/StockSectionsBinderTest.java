package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.engine.DistSpec;

/**
 * {@code kernel.stock_sections:} (off unless given, per-source defaults, errors with file:line:key) and
 * {@code kernel_activity.sections:} (each field optional, validated, only with a profile).
 */
class StockSectionsBinderTest {

    private static ScenarioSpec load(String kernel, String activity) {
        String yaml = "name: s\nhost:\n  kernel:\n    preempt: full\n" + kernel
                + "  workload:\n    - cyclictest: {threads: 1}\n    - kernel_activity: " + activity + "\n";
        return ScenarioLoader.loadString(yaml, "s.yaml", List.of());
    }

    private static StockSectionsSpec stock(String kernel) {
        return load(kernel, "{profile: hackbench}").host().kernel().stockSections();
    }

    private static WorkloadSpec.SectionShapeSpec sections(String activity) {
        return ((WorkloadSpec.KernelActivitySpec) load("", activity).host().workload().get(1)).sections();
    }

    private static void assertError(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), message);
        }
    }

    @Test
    void stockSections_absentOrOff_everySourceOff() {
        assertFalse(stock("").any());
        assertFalse(stock("    stock_sections: off\n").any());
    }

    @Test
    void stockSections_aSourceGivenIsOnWithTheDefaultsItLeavesOut() {
        StockSectionsSpec s = stock("    stock_sections: {printk: {}, softirq: {rate: 5khz}, rcu: off,"
                + " irqoff: {length: {fixed: 40us}}}\n");
        assertEquals(Defaults.STOCK_PRINTK_RATE_HZ, s.printk().rateHz());
        assertEquals(Defaults.STOCK_PRINTK_LENGTH, s.printk().length());
        assertEquals(5_000, s.softirq().rateHz());
        assertEquals(Defaults.STOCK_SOFTIRQ_LENGTH, s.softirq().length());
        assertEquals(new DistSpec.Fixed(40_000), s.irqoff().length());
        assertEquals(Defaults.STOCK_IRQOFF_RATE_HZ, s.irqoff().rateHz());
        assertNull(s.rcu());
        assertNull(s.reclaim());
        assertEquals(6_944_444, ((DistSpec.Fixed) Defaults.STOCK_PRINTK_LENGTH).value(), 1, "80 chars at 115200 baud");
    }

    @Test
    void stockSections_badInput_namesFileLineAndKey() {
        assertError(assertThrows(ScenarioException.class,
                () -> stock("    stock_sections: {printk: {rate: 0hz}}\n")).getMessage(),
                "s.yaml:5:", "host.kernel.stock_sections.printk.rate", "positive");
        assertError(assertThrows(ScenarioException.class,
                () -> stock("    stock_sections: {prinkt: {}}\n")).getMessage(),
                "host.kernel.stock_sections.prinkt: unknown key", "printk");
        assertError(assertThrows(ScenarioException.class,
                () -> stock("    stock_sections: {reclaim: on}\n")).getMessage(),
                "host.kernel.stock_sections.reclaim: expected a mapping of its parameters or \"off\"");
        assertError(assertThrows(ScenarioException.class,
                () -> stock("    stock_sections: {softirq: {length: {lognormal: {median: -1us}}}}\n")).getMessage(),
                "host.kernel.stock_sections.softirq.length");
    }

    @Test
    void sections_eachFieldOptional_absentFieldsAreNaN() {
        assertNull(sections("{profile: hackbench}"));
        WorkloadSpec.SectionShapeSpec s = sections("{profile: io, sections: {median: 2us, tail_probability: 0.01,"
                + " tail_alpha: 2.5, cap: 1ms}}");
        assertEquals(2_000, s.medianNs());
        assertEquals(0.01, s.tailProbability());
        assertEquals(2.5, s.tailAlpha());
        assertEquals(1_000_000, s.capNs());
        assertTrue(Double.isNaN(s.sigma()));
        assertTrue(Double.isNaN(s.tailXminNs()));
    }

    @Test
    void sections_badInput_namesFileLineAndKey() {
        assertError(assertThrows(ScenarioException.class,
                () -> sections("{sections: {tail_probability: 1.5}}")).getMessage(),
                "s.yaml:7:", "host.workload[1].kernel_activity.sections.tail_probability", "0..1");
        assertError(assertThrows(ScenarioException.class,
                () -> sections("{sections: {median: 0us}}")).getMessage(),
                "host.workload[1].kernel_activity.sections.median", "positive");
        assertError(assertThrows(ScenarioException.class,
                () -> sections("{sections: {tail_xmin: 50us, cap: 20us}}")).getMessage(),
                "host.workload[1].kernel_activity.sections.cap", "expected cap >= tail_xmin");
        assertError(assertThrows(ScenarioException.class,
                () -> sections("{sections: {sigma: -1}}")).getMessage(),
                "host.workload[1].kernel_activity.sections.sigma");
        assertError(assertThrows(ScenarioException.class,
                () -> sections("{sections: {tail_alfa: 2}}")).getMessage(),
                "sections.tail_alfa: unknown key", "tail_alpha");
        assertError(assertThrows(ScenarioException.class,
                () -> sections("{segments: [{kind: spinlock, length: 1us}], think: 1us, sections: {median: 1us}}"))
                        .getMessage(),
                "host.workload[1].kernel_activity.sections", "only with a profile");
    }
}
