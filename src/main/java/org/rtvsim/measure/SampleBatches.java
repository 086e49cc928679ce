package org.rtvsim.measure;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * A run's samples in consecutive batches of equal size, each a coarse histogram (two significant digits), for
 * the batch-means estimate of how much the samples' autocorrelation widens a percentile's interval
 * ({@link QuantileInterval}, docs/statistics.md). It starts with batches of {@value #FIRST_SIZE} samples; when
 * {@value #MAX} are complete, neighbours merge and the size doubles, so a run of any length keeps between
 * {@value #MAX}/2 and {@value #MAX} batches (plus the one being filled) in bounded memory.
 */
public final class SampleBatches {
    static final int MAX = 32;
    static final int FIRST_SIZE = 16;

    private List<AbstractHistogram> done = new ArrayList<>();
    private AbstractHistogram current = fresh();
    private long size = FIRST_SIZE;
    private long inCurrent;

    private static AbstractHistogram fresh() {
        return new IntCountsHistogram(2);
    }

    /** Adds one sample (ns) to the batch being filled. */
    public void record(long valueNs) {
        current.recordValue(valueNs);
        if (++inCurrent == size) {
            done.add(current);
            current = fresh();
            inCurrent = 0;
            if (done.size() == MAX) {
                List<AbstractHistogram> merged = new ArrayList<>(MAX);
                for (int i = 0; i < MAX; i += 2) {
                    AbstractHistogram h = done.get(i);
                    h.add(done.get(i + 1));
                    merged.add(h);
                }
                done = merged;
                size *= 2;
            }
        }
    }

    /** Copies of the batches in order: the complete ones, then the one being filled if it has samples. */
    public List<AbstractHistogram> snapshot() {
        List<AbstractHistogram> out = new ArrayList<>(done.size() + 1);
        for (AbstractHistogram h : done) {
            out.add(h.copy());
        }
        if (inCurrent > 0) {
            out.add(current.copy());
        }
        return List.copyOf(out);
    }
}
