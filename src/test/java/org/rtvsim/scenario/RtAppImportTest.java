package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * rt-app JSON files load as scenarios by content. The fixtures are ours: periodic.json follows the first
 * example of rt-app's doc/tutorial.txt (one thread, run 20 ms every 100 ms, its global section);
 * inversion.json and unsupported.json use the events the tutorial describes (run, lock/unlock, timer,
 * sleep, signal).
 */
class RtAppImportTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(RtAppImportTest.class.getResource("rtapp/" + name).toURI());
    }

    @Test
    void tutorialPeriodicThread_becomesOnePeriodicTask() throws URISyntaxException {
        ScenarioSpec s = ScenarioLoader.load(fixture("periodic.json"), List.of());
        assertEquals(2_000_000_000L, s.durationNs());
        var p = (WorkloadSpec.PeriodicSpec) s.host().workload().get(0);
        var t = p.tasks().get(0);
        assertEquals("thread0", t.name());
        assertEquals(100_000_000L, t.periodNs());
        assertEquals(SchedPolicy.OTHER, t.policy());
        assertEquals(0, t.cpu());
    }

    @Test
    void locksTimersAndSleeps_mapToSectionsAndPeriods_piPerGlobalFlag() throws URISyntaxException {
        ScenarioSpec s = ScenarioLoader.load(fixture("inversion.json"), List.of());
        var p = (WorkloadSpec.PeriodicSpec) s.host().workload().get(0);
        var high = p.tasks().get(0);
        assertEquals(50_000_000L, high.periodNs());
        assertEquals(SchedPolicy.FIFO, high.policy());
        assertEquals(90, high.priority());
        assertEquals(1_000_000L, high.locks().get(0).offsetNs());
        assertEquals(2_000_000L, high.locks().get(0).lengthNs());
        var low = p.tasks().get(2);
        assertEquals(100_000_000L, low.periodNs(), "run 10 ms + sleep 90 ms");
        assertEquals(0L, low.locks().get(0).offsetNs());
        assertEquals("inherit", p.mutexes().get("mutex").protocol());
    }

    @Test
    void unsupportedEvent_isNamedWithFileLineAndKey() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(fixture("unsupported.json"), List.of()));
        assertTrue(e.getMessage().contains("unsupported.json:5:"), e.getMessage());
        assertTrue(e.getMessage().contains("tasks.waker.signal"), e.getMessage());
        assertTrue(e.getMessage().contains("rt-app event 'signal' is not supported yet"), e.getMessage());
    }
}
