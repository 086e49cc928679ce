package org.rtvsim.hw;

/**
 * The menu governor, after drivers/cpuidle/governors/menu.c: the time to the next timer, scaled by a
 * correction factor learnt per bucket of that time (decaying average of measured / predicted, resolution
 * 1024, decay 8), capped by the typical interval of the last 8 idle periods when they are regular (standard
 * deviation ≤ 20 µs or ≤ average / 6), is the predicted idle time; the deepest state whose target residency
 * fits it and whose exit latency is within both the PM QoS limit and the prediction (performance multiplier
 * 1: no I/O waiters are modelled) is chosen.
 *
 * <p>Not modelled: the I/O-wait buckets (no task waits for I/O), the polling state's time limit, and a
 * retained tick waking the CPU (the model's idle CPU always stops its tick).
 */
final class MenuGovernor extends IdleGovernor {
    static final int BUCKETS = 6;
    static final int INTERVALS = 8;
    static final long RESOLUTION = 1024;
    static final long DECAY = 8;
    static final long MAX_INTERESTING_NS = 50_000_000;

    final long[] correction = new long[BUCKETS];
    /** The last 8 measured idle periods in µs (menu.c keeps them in µs), oldest overwritten first. */
    final long[] intervalsUs = new long[INTERVALS];
    private int intervalPtr;
    private long nextTimerNs;
    private int bucket;

    MenuGovernor(CStates table) {
        super(table);
        java.util.Arrays.fill(correction, RESOLUTION * DECAY); // menu_enable_device: unity
    }

    static int bucket(long durationNs) {
        long us = durationNs / 1000;
        if (us < 10) {
            return 0;
        }
        if (us < 100) {
            return 1;
        }
        if (us < 1_000) {
            return 2;
        }
        if (us < 10_000) {
            return 3;
        }
        return us < 100_000 ? 4 : 5;
    }

    @Override
    protected int select(long sleepLengthNs, long deltaTickNs, boolean tickStopped, long tickNs) {
        long latencyReq = table.latencyLimitNs();
        nextTimerNs = sleepLengthNs;
        bucket = bucket(nextTimerNs);
        if (count <= 1 || latencyReq == 0 || nextTimerNs < residency(1) || latencyReq < exitLatency(1)) {
            return 0; // state 0 will be used no matter what
        }
        long predicted = Math.round((double) nextTimerNs * correction[bucket] / (RESOLUTION * DECAY));
        predicted = Math.min(predicted, typicalIntervalNs(predicted));
        if (tickStopped) {
            if (predicted < tickNs) {
                predicted = deltaTickNs;
            }
        } else {
            latencyReq = Math.min(latencyReq, predicted); // interactivity_req = predicted / multiplier 1
        }
        int idx = 0;
        for (int i = 0; i < count; i++) {
            if (residency(i) > predicted) {
                if (idx == 0 && exitLatency(i) <= latencyReq && residency(i) <= nextTimerNs) {
                    return i; // a physical state, not busy polling, when the timer is far enough
                }
                if (predicted < tickNs) {
                    break;
                }
                if (!tickStopped) {
                    predicted = residency(idx);
                    break;
                }
                if (residency(idx) < tickNs && residency(i) <= deltaTickNs) {
                    idx = i;
                }
                return idx;
            }
            if (exitLatency(i) > latencyReq) {
                break;
            }
            idx = i;
        }
        if ((idx == 0 || predicted < tickNs) && !tickStopped && idx > 0 && residency(idx) > deltaTickNs) {
            // the tick stays: keep the state within the time to the next event including it
            for (int i = idx - 1; i >= 0; i--) {
                idx = i;
                if (residency(i) <= deltaTickNs) {
                    break;
                }
            }
        }
        return idx;
    }

    /** get_typical_interval: the average of the last 8 periods when they are regular, else no limit. */
    long typicalIntervalNs(long predictedNs) {
        long thresh = Long.MAX_VALUE;
        long predictedUs = predictedNs / 1000;
        while (true) {
            long min = Long.MAX_VALUE;
            long max = 0;
            long sum = 0;
            int divisor = 0;
            for (long v : intervalsUs) {
                if (v <= thresh) {
                    sum += v;
                    divisor++;
                    max = Math.max(max, v);
                    min = Math.min(min, v);
                }
            }
            if (min >= predictedUs) {
                return Long.MAX_VALUE;
            }
            long avg = sum / divisor;
            long variance = 0;
            for (long v : intervalsUs) {
                if (v <= thresh) {
                    variance += (v - avg) * (v - avg);
                }
            }
            variance /= divisor;
            if ((avg * avg > variance * 36 && divisor * 4 >= INTERVALS * 3) || variance <= 400) {
                return avg * 1000;
            }
            if (divisor * 4 <= INTERVALS * 3) {
                return Long.MAX_VALUE;
            }
            thresh = max - 1;
        }
    }

    @Override
    protected void reflect(int g, long residencyNs) {
        long lat = exitLatency(g);
        long measured = residencyNs > 2 * lat ? residencyNs - lat : residencyNs / 2;
        measured = Math.min(measured, nextTimerNs);
        long f = correction[bucket];
        f -= f / DECAY;
        if (nextTimerNs > 0 && measured < MAX_INTERESTING_NS) {
            f += RESOLUTION * measured / nextTimerNs;
        } else {
            f += RESOLUTION; // idle so long that it counts as a perfect prediction
        }
        correction[bucket] = f;
        intervalsUs[intervalPtr] = measured / 1000;
        intervalPtr = (intervalPtr + 1) % INTERVALS;
    }
}
