package org.rtvsim.experiment;

import org.rtvsim.scenario.ScenarioSpec;

/**
 * One unit of an experiment's work list: replication {@code replication} of a bound scenario. A sweep's
 * list is every point's replications 0..N−1, point after point; each item is independent and its result
 * depends only on the item, so items may run anywhere (threads, {@code --part} slices, Spark tasks).
 */
public record Work(ScenarioSpec spec, int replication) {
    /** Runs the item. */
    public org.rtvsim.measure.RunResult run() {
        return SingleRun.run(spec, replication);
    }
}
