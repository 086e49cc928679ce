package org.rtvsim.scenario;

/**
 * Linux scheduling policies modelled: SCHED_DEADLINE (EDF with a constant bandwidth server, above every RT
 * task), SCHED_FIFO, SCHED_RR (real-time) and the fair class's SCHED_OTHER, SCHED_BATCH (no wake-up
 * preemption of others) and SCHED_IDLE (weight 3, preempted by any other fair wake-up).
 */
public enum SchedPolicy {
    FIFO, RR, OTHER, BATCH, IDLE, DEADLINE;

    public boolean isRealtime() {
        return this == FIFO || this == RR;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
