package org.rtvsim.hw;

/**
 * The timer events oriented (teo) governor, after drivers/cpuidle/governors/teo.c (the version with "recent"
 * intercepts): a bin per state from its target residency up to the next state's; after each idle period the
 * bin of the sleep length gets a "hit" when the measured idle time (residency minus half the exit latency)
 * falls in the same bin, otherwise the measured time's bin gets an "intercept" (metrics decay by 1/8 per
 * period, a pulse adds 1024; the last 9 intercepts are also counted as "recent"). The candidate is the deepest
 * state whose target residency fits the sleep length; when the intercepts of shallower bins outweigh the hits
 * and intercepts at and above the candidate, or more than 4 of the last 9 periods were intercepts, the deepest
 * shallower state that covers over half of those intercepts is taken instead. The PM QoS limit caps the result.
 *
 * <p>Not modelled: the utilisation check (teo_cpu_is_utilized; the model has no PELT utilisation) and the
 * polling state's time limit.
 */
final class TeoGovernor extends IdleGovernor {
    static final long PULSE = 1024;
    static final int DECAY_SHIFT = 3;
    static final int NR_RECENT = 9;

    final long[] hits;
    final long[] intercepts;
    final int[] recent;
    private final int[] recentIdx = new int[NR_RECENT];
    private int nextRecent;
    long total;
    private long sleepLengthNs;

    TeoGovernor(CStates table) {
        super(table);
        hits = new long[count];
        intercepts = new long[count];
        recent = new int[count];
        java.util.Arrays.fill(recentIdx, -1);
    }

    private static boolean timeOk(long intervalNs, boolean tickStopped, long tickNs) {
        return !tickStopped || intervalNs >= tickNs;
    }

    private long middleOfBin(int i) {
        return (residency(i) + residency(i + 1)) / 2;
    }

    @Override
    protected int select(long sleepNs, long deltaTickNs, boolean tickStopped, long tickNs) {
        long latencyReq = table.latencyLimitNs();
        sleepLengthNs = sleepNs;
        long duration = sleepNs;
        if (count < 2 || residency(1) > duration) {
            return 0;
        }
        int idx = 0;
        int constraintIdx = 0;
        long interceptSum = 0;
        long hitSum = 0;
        long recentSum = 0;
        long idxInterceptSum = 0;
        long idxHitSum = 0;
        long idxRecentSum = 0;
        for (int i = 1; i < count; i++) {
            interceptSum += intercepts[i - 1];
            hitSum += hits[i - 1];
            recentSum += recent[i - 1];
            if (residency(i) > duration) {
                break;
            }
            idx = i;
            if (exitLatency(i) <= latencyReq) {
                constraintIdx = i;
            }
            idxInterceptSum = interceptSum;
            idxHitSum = hitSum;
            idxRecentSum = recentSum;
        }
        boolean altIntercepts = 2 * idxInterceptSum > total - idxHitSum;
        boolean altRecent = idxRecentSum > NR_RECENT / 2;
        if (altRecent || altIntercepts) {
            long firstSpan = duration;
            int firstIdx = idx;
            interceptSum = 0;
            recentSum = 0;
            for (int i = idx - 1; i >= 0; i--) {
                interceptSum += intercepts[i];
                recentSum += recent[i];
                long span = middleOfBin(i);
                if ((!altRecent || 2 * recentSum > idxRecentSum)
                        && (!altIntercepts || 2 * interceptSum > idxInterceptSum)) {
                    if (timeOk(span, tickStopped, tickNs)) {
                        idx = i;
                        duration = span;
                    } else {
                        idx = firstIdx;
                        duration = firstSpan;
                    }
                    break;
                }
                if (!timeOk(span, tickStopped, tickNs)) {
                    if (firstIdx != idx) {
                        continue;
                    }
                    break;
                }
                firstSpan = span;
                firstIdx = i;
            }
        }
        if (idx > constraintIdx) {
            idx = constraintIdx;
        }
        if ((idx > 0 && duration >= tickNs) || tickStopped) {
            return idx;
        }
        if (idx > 0 && residency(idx) > deltaTickNs) { // the tick stays: fit the time to it
            for (int i = idx - 1; i >= 0; i--) {
                idx = i;
                if (residency(i) <= deltaTickNs) {
                    break;
                }
            }
        }
        return idx;
    }

    @Override
    protected void reflect(int g, long residencyNs) {
        long measured;
        if (residencyNs >= sleepLengthNs) {
            measured = Long.MAX_VALUE; // woken by the timer it expected (or later): discard the duration
        } else {
            long lat = exitLatency(g);
            measured = residencyNs >= lat ? residencyNs - lat / 2 : residencyNs / 2;
        }
        total = 0;
        int idxTimer = 0;
        int idxDuration = 0;
        for (int i = 0; i < count; i++) {
            hits[i] -= hits[i] >> DECAY_SHIFT;
            intercepts[i] -= intercepts[i] >> DECAY_SHIFT;
            total += hits[i] + intercepts[i];
            if (residency(i) <= sleepLengthNs) {
                idxTimer = i;
                if (residency(i) <= measured) {
                    idxDuration = i;
                }
            }
        }
        int r = nextRecent;
        nextRecent = (nextRecent + 1) % NR_RECENT;
        if (recentIdx[r] >= 0) {
            recent[recentIdx[r]]--;
        }
        if (idxTimer == idxDuration) {
            hits[idxTimer] += PULSE;
            recentIdx[r] = -1;
        } else {
            intercepts[idxDuration] += PULSE;
            recent[idxDuration]++;
            recentIdx[r] = idxDuration;
        }
        total += PULSE;
    }
}
