package org.rtvsim.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseTimeRecorderTest {

    @Test
    void record_jobs_keepsMinMaxSumAndMisses() {
        ResponseTimeRecorder r = new ResponseTimeRecorder("ctrl", 3, 80, 1_000_000, 500_000);
        r.record(200_000, false);
        r.record(600_000, true);
        r.record(100_000, false);
        TaskResult t = r.result(List.of(50.0, 99.0));
        assertEquals(3, t.jobs());
        assertEquals(100_000, t.minNs());
        assertEquals(600_000, t.maxNs());
        assertEquals(900_000, t.sumNs());
        assertEquals(1, t.deadlineMisses());
        assertEquals(300_000.0, t.avgNs());
        assertEquals(2, t.percentiles().size());
        assertFalse(t.percentiles().get(1).supported());
    }
}
