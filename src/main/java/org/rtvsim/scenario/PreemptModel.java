package org.rtvsim.scenario;

/** The kernel's preemption model (CONFIG_PREEMPT_NONE … CONFIG_PREEMPT_RT), as in {@code host.kernel.preempt}. */
public enum PreemptModel {
    NONE, VOLUNTARY, FULL, LAZY, RT;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
