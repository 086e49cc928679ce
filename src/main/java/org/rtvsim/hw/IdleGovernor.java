package org.rtvsim.hw;

/**
 * One CPU's cpuidle governor: picks the idle state when the CPU goes idle ({@link #enter}), from what the
 * kernel knows then, and learns from the idle period that actually happened when the CPU wakes ({@link #exit}).
 *
 * <p>Governors index states as the kernel's cpuidle driver does: 0 is the polling state (no exit latency, no
 * target residency), {@code i ≥ 1} is table state {@code i - 1} of {@link CStates}. {@link #enter} and
 * {@link #exit} speak table indices (-1 = polling).
 */
public abstract class IdleGovernor {
    /** Sleep length when no timer is queued on the CPU: 1 s (assumption; any value ≥ 100 ms picks alike). */
    public static final long NO_TIMER_NS = 1_000_000_000L;
    protected final CStates table;
    /** Number of driver states: polling plus the allowed table states. */
    protected final int count;
    private boolean entered;
    private int chosen = -1;
    private long lastExitNs;

    protected IdleGovernor(CStates table) {
        this.table = table;
        this.count = table.allowed() + 1;
    }

    /** Target residency of driver state {@code g} (0 = polling). */
    protected final long residency(int g) {
        return table.targetResidencyNs(g - 1);
    }

    /** Worst-case exit latency of driver state {@code g} (0 = polling). */
    protected final long exitLatency(int g) {
        return table.exitLatencyNs(g - 1);
    }

    /**
     * The CPU goes idle: choose a state (once per idle period; later calls in the same period keep it).
     *
     * @param sleepLengthNs time to the next timer event with the tick stopped (tick_nohz_get_sleep_length)
     * @param deltaTickNs   time to the next timer event including the tick
     * @param tickStopped   whether the tick was already stopped when the CPU went idle
     * @param tickPeriodNs  TICK_NSEC (0 when the kernel has no tick)
     */
    public final void enter(long sleepLengthNs, long deltaTickNs, boolean tickStopped, long tickPeriodNs) {
        if (entered) {
            return;
        }
        entered = true;
        chosen = select(sleepLengthNs, deltaTickNs, tickStopped, tickPeriodNs <= 0 ? Long.MAX_VALUE : tickPeriodNs)
                - 1;
    }

    /**
     * The CPU wakes after {@code idleNs} of idle: returns the table state it leaves (-1: polling, or the CPU
     * never went idle), draws the exit time this wake-up pays ({@link #exitNs()}) and records the period.
     */
    public final int exit(long idleNs) {
        if (!entered) {
            lastExitNs = 0;
            return -1;
        }
        entered = false;
        int s = state(chosen, idleNs);
        lastExitNs = table.sampleExitNs(s);
        reflect(s + 1, idleNs + lastExitNs);
        return s;
    }

    /** The exit time drawn by the last {@link #exit}. */
    public final long exitNs() {
        return lastExitNs;
    }

    /** The table state left at the wake-up: the one chosen at entry (the oracle decides here instead). */
    protected int state(int chosen, long idleNs) {
        return chosen;
    }

    /** The governor's choice as a driver index (0 = polling); {@code tickPeriodNs} is never 0 here. */
    protected abstract int select(long sleepLengthNs, long deltaTickNs, boolean tickStopped, long tickPeriodNs);

    /**
     * Learns from the period just ended: driver state {@code g} was left after a residency of
     * {@code residencyNs} as cpuidle measures it (from entry to the end of the exit, so exit time included).
     */
    protected void reflect(int g, long residencyNs) {
    }

    /**
     * The oracle: knows the idle period's length at the wake-up and uses the deepest allowed state whose target
     * residency fits it and whose exit latency is within the PM QoS limit. A bound no real governor reaches.
     */
    static final class Oracle extends IdleGovernor {
        Oracle(CStates table) {
            super(table);
        }

        @Override
        protected int select(long sleepLengthNs, long deltaTickNs, boolean tickStopped, long tickPeriodNs) {
            return 0; // decided at the wake-up
        }

        @Override
        protected int state(int chosen, long idleNs) {
            return table.stateFor(idleNs);
        }
    }
}
