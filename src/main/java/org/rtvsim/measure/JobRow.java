package org.rtvsim.measure;

/**
 * One job of a periodic task as rt-app logs a loop of its events (src/rt-app.c, {@code thread_body}):
 * all times in ns on the simulated clock.
 *
 * @param startNs       when the job began to run (after its release's wake-up; a backlogged job: when the
 *                      previous one ended)
 * @param endNs         when the next job began to run (rt-app: when the cycle's timer returned)
 * @param runNs         wall time spent in the job's execution segments, preemptions inside them included and
 *                      waits for locks excluded (rt-app's {@code run}: the measured time of its run events)
 * @param completionNs  when the job's work ended
 * @param dueNs         the next release on the task's grid ({@code t_next}): this job's release + its period
 * @param demandNs      the job's execution time (rt-app's {@code c_duration}: the configured run time)
 * @param periodNs      the job's period (rt-app's {@code c_period}: the timer's period)
 * @param wakeupLatencyNs the next job's start − {@code dueNs} when the task slept until then, else 0
 *                      (rt-app's {@code wu_lat})
 */
public record JobRow(long startNs, long endNs, long runNs, long completionNs, long dueNs, long demandNs,
                     long periodNs, long wakeupLatencyNs) {
    /** rt-app's {@code slack}: the next release − the job's completion (negative when the job overran). */
    public long slackNs() {
        return dueNs - completionNs;
    }
}
