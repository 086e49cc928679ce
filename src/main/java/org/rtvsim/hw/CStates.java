package org.rtvsim.hw;

/**
 * CPU idle states: exit latency and target residency per state, the deepest state allowed
 * ({@code max_cstate}) and the PM QoS latency limit ({@code /dev/cpu_dma_latency}, which cyclictest
 * sets to its {@code latency_target}, 0 by default).
 *
 * <p>Governor: an oracle that knows the idle period's length — it picks the deepest allowed state
 * whose target residency fits the idle period and whose exit latency is within the PM QoS limit.
 * This is optimistic compared with the menu/teo governors' predictions (stated in model-reference.md).
 * A limit of 0 leaves only polling idle (no exit latency).
 */
public final class CStates {
    private final String[] names;
    private final long[] exitNs;
    private final long[] residencyNs;
    private final int deepest;
    private long latencyLimitNs = Long.MAX_VALUE;
    private final int[] blames;

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

    /**
     * The one state {@code name} of this table (e.g. C1, which HLT enters), with no PM QoS limit; none when
     * the table has no such state.
     */
    public CStates only(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return new CStates(new String[] {name}, new long[] {exitNs[i]}, new long[] {residencyNs[i]}, 0,
                        new int[] {blames[i]});
            }
        }
        return none();
    }

    /** Lowers the PM QoS limit (the minimum over all requests wins, as in the kernel). */
    public void requestLatencyLimit(long ns) {
        latencyLimitNs = Math.min(latencyLimitNs, ns);
    }

    /** Index of the state used for an idle period of {@code idleNs}, or -1 for polling idle. */
    public int stateFor(long idleNs) {
        for (int i = deepest; i >= 0; i--) {
            if (exitNs[i] <= latencyLimitNs && residencyNs[i] <= idleNs) {
                return i;
            }
        }
        return -1;
    }

    public long exitLatencyNs(int state) {
        return state < 0 ? 0 : exitNs[state];
    }

    public String name(int state) {
        return state < 0 ? "POLL" : names[state];
    }

    public int blame(int state) {
        return blames[state];
    }
}
