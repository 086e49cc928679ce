package org.rtvsim.report.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.TraceRecorder;
import org.rtvsim.scenario.ScenarioLoader;

/** The trace's per-task CPU shares match the CBS arithmetic of scenarios/teaching/deadline-overrun.yaml. */
class TaskSharesTest {
    @Test
    void deadlineOverrun_windowShares_areRuntimeOverPeriod() {
        TraceRecorder rec = new TraceRecorder(5_000_000L, 105_000_000L); // a window not aligned to the periods
        SingleRun.run(ScenarioLoader.load(Path.of("scenarios/teaching/deadline-overrun.yaml"), List.of())
                .withDuration(105_000_000L), 0, null, rec);
        Map<String, Long> on = TaskShares.onCpuNs(rec.trace());
        assertEquals(20_000_000L, on.get("greedy"));
        assertEquals(30_000_000L, on.get("steady"));
        assertEquals(50_000_000L, on.get("fifo-hog"));
        String s = TaskShares.summary(rec.trace());
        assertTrue(s.contains("  greedy    cpu%  20.0\n"), s);
    }
}
