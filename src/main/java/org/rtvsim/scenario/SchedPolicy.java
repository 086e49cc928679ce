package org.rtvsim.scenario;

/** Linux scheduling policies modelled: SCHED_FIFO, SCHED_RR and SCHED_OTHER (fair). */
public enum SchedPolicy {
    FIFO, RR, OTHER;

    public boolean isRealtime() {
        return this != OTHER;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
