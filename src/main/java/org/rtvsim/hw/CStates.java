package org.rtvsim.hw;

import org.rtvsim.engine.Sampler;

/**
 * CPU idle states: exit latency and target residency per state, the deepest state allowed
 * ({@code max_cstate}), the PM QoS latency limit ({@code /dev/cpu_dma_latency}, which cyclictest sets to its
 * {@code latency_target}, 0 by default), which governor picks the state, and how long an actual exit takes.
 *
 * <p>The table's exit latency is the driver's worst case. An actual exit takes that times a factor drawn from
 * {@code exitFraction} (≤ 1), unless a state has its own exit distribution. States are indexed shallow → deep
 * from 0; -1 is polling idle (no exit latency). Each CPU gets its own {@link IdleGovernor} ({@link #governor()}),
 * which holds that CPU's idle history.
 */
public final class CStates {
    /** The cpuidle governors: menu and teo as drivers/cpuidle/governors/, oracle as a teaching bound. */
    public enum Governor { MENU, TEO, ORACLE }

    private final String[] names;
    private final long[] exitNs;
    private final long[] residencyNs;
    private final int deepest;
    private long latencyLimitNs = Long.MAX_VALUE;
    private final int[] blames;
    private Governor governor = Governor.ORACLE;
    /** Factor on the table's exit latency per exit; null: the table value. */
    private Sampler exitFraction;
    /** Per-state exit-time samplers (ns) that replace the fraction; null entries use it. */
    private Sampler[] exitDist;

    /** States ordered shallow → deep; {@code deepest} is the index of max_cstate; blames are label ids. */
    public CStates(String[] names, long[] exitNs, long[] residencyNs, int deepest, int[] blames) {
        this.names = names;
        this.exitNs = exitNs;
        this.residencyNs = residencyNs;
        this.deepest = deepest;
        this.blames = blames;
    }

    public static CStates none() {
        return new CStates(new String[0], new long[0], new long[0], -1, new int[0]);
    }

    /** Chooses the governor (the oracle when never called). */
    public CStates withGovernor(Governor g) {
        this.governor = g;
        return this;
    }

    /**
     * How long actual exits take: {@code fraction} draws a factor on the table value (null: the table value);
     * {@code perState[i]}, when not null, draws state i's exit time in ns instead.
     */
    public CStates withExitCost(Sampler fraction, Sampler[] perState) {
        this.exitFraction = fraction;
        this.exitDist = perState;
        return this;
    }

    /**
     * The one state {@code name} of this table (e.g. C1, which HLT enters), with no PM QoS limit, the oracle
     * (a single state leaves no choice) and the same exit cost; none when the table has no such state.
     */
    public CStates only(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                CStates c = new CStates(new String[] {name}, new long[] {exitNs[i]}, new long[] {residencyNs[i]}, 0,
                        new int[] {blames[i]});
                return c.withExitCost(exitFraction, exitDist == null ? null : new Sampler[] {exitDist[i]});
            }
        }
        return none();
    }

    /** Lowers the PM QoS limit (the minimum over all requests wins, as in the kernel). */
    public void requestLatencyLimit(long ns) {
        latencyLimitNs = Math.min(latencyLimitNs, ns);
    }

    /** The PM QoS limit in ns ({@code Long.MAX_VALUE}: no request). */
    public long latencyLimitNs() {
        return latencyLimitNs;
    }

    /** A new per-CPU governor over this table. */
    public IdleGovernor governor() {
        return switch (governor) {
            case MENU -> new MenuGovernor(this);
            case TEO -> new TeoGovernor(this);
            case ORACLE -> new IdleGovernor.Oracle(this);
        };
    }

    /** Index of the deepest state that fits an idle period of {@code idleNs} (the oracle), or -1 for polling. */
    public int stateFor(long idleNs) {
        for (int i = deepest; i >= 0; i--) {
            if (exitNs[i] <= latencyLimitNs && residencyNs[i] <= idleNs) {
                return i;
            }
        }
        return -1;
    }

    /** Number of states a governor may choose among (max_cstate applied), polling not counted. */
    public int allowed() {
        return deepest + 1;
    }

    /** The table's (worst-case) exit latency of {@code state}; 0 for polling. */
    public long exitLatencyNs(int state) {
        return state < 0 ? 0 : exitNs[state];
    }

    /** The target residency of {@code state}; 0 for polling. */
    public long targetResidencyNs(int state) {
        return state < 0 ? 0 : residencyNs[state];
    }

    /** One actual exit from {@code state}: drawn when an exit cost is configured, else the table value. */
    public long sampleExitNs(int state) {
        if (state < 0) {
            return 0;
        }
        if (exitDist != null && exitDist[state] != null) {
            return exitDist[state].sampleNs();
        }
        if (exitFraction == null) {
            return exitNs[state];
        }
        return Math.round(exitNs[state] * Math.min(1.0, Math.max(0.0, exitFraction.sample())));
    }

    public String name(int state) {
        return state < 0 ? "POLL" : names[state];
    }

    public int blame(int state) {
        return blames[state];
    }
}
