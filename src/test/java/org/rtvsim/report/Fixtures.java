package org.rtvsim.report;

import java.util.List;
import org.rtvsim.measure.BlameRegistry;
import org.rtvsim.measure.LatencyRecorder;
import org.rtvsim.measure.ResponseTimeRecorder;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.SloResult;
import org.rtvsim.measure.ThreadResult;

/** Small hand-made runs whose every printed number can be checked by hand. */
final class Fixtures {
    static final List<Double> PS = List.of(50.0, 99.0);

    private Fixtures() {
    }

    /**
     * Thread 0 (4 buckets, attribution on): 1.5, 2.2, 2.9 us in buckets, then 7, 8, 9, 12, 13 us
     * overflowing at cycles 3..7. Thread 1: 0.5 and 3.999 us.
     */
    static RunResult twoThreads() {
        BlameRegistry b = new BlameRegistry();
        int cs = b.id("context switch");
        int smi = b.id("SMI");
        LatencyRecorder r0 = new LatencyRecorder("ct0", 0, 1, 95, 200_000, 1000, 4, true, b);
        long[] lat = {1500, 2200, 2900, 7000, 8000, 9000, 12_000, 13_000};
        for (int i = 0; i < lat.length; i++) {
            if (lat[i] > 5000) {
                r0.record(lat[i], i, new int[] {cs, smi}, new long[] {1000, lat[i] - 1000}, 2);
            } else {
                r0.record(lat[i], i, new int[] {cs}, new long[] {lat[i]}, 1);
            }
        }
        LatencyRecorder r1 = new LatencyRecorder("ct1", 1, 2, 95, 200_000, 1000, 4, false, b);
        r1.record(500, 0, new int[0], new long[0], 0);
        r1.record(3999, 1, new int[0], new long[0], 0);
        ResponseTimeRecorder task = new ResponseTimeRecorder("ctrl", 3, 80, 1_000_000, 500_000);
        task.record(200_000, false);
        task.record(600_000, true);
        task.setCpuShare(() -> 0.125);
        List<ThreadResult> threads = List.of(r0.result(PS, 99.9), r1.result(PS, 99.9));
        return new RunResult("demo", "scenarios/demo.yaml", 42, 1_000_000_000, 100_000_000, threads,
                List.of(task.result(PS)), 12345, 987_654_321, 2, new SloResult(99.0, 50_000, 13_000, true),
                List.of("hand-made fixture"), waits(), org.rtvsim.measure.Starvation.findings(waits(), 1_100_000_000));
    }

    /** A starved kworker (still runnable at the end) and a cyclictest thread's short wait. */
    static List<org.rtvsim.measure.TaskWait> waits() {
        return List.of(new org.rtvsim.measure.TaskWait("kworker/1:1", 1, "other", -1, true, 1_050_000_000L,
                        50_000_000L, true),
                new org.rtvsim.measure.TaskWait("ct0", 1, "fifo", 95, false, 1_500, 400_000, false));
    }
}
