package org.rtvsim.measure;

/**
 * What rtla timerlat would have shown for one measuring thread: the split of each sample into
 * <b>IRQ latency</b> (from the timer's expiry to the start of the thread's own hrtimer callback, the
 * moment timerlat's {@code timerlat_irq()} reads the clock) and <b>thread latency</b> (the whole sample:
 * expiry to the clock read in the thread; {@link ThreadResult}'s own statistics).
 *
 * <p>{@code irqCount} samples had an observed wake-up (a sample whose thread never slept, because its next
 * period had already passed, has none). Values in nanoseconds; {@code irqSumUs} and the counts are of
 * truncated microseconds, as rtla sums them ({@code latency / output_divisor}). {@code threadCurNs} and
 * {@code irqCurNs} are the last sample's ("cur" in {@code rtla timerlat top}). {@code max} splits the
 * thread's largest sample; null when attribution was off or no sample was taken.
 */
public record TimerlatStats(long irqCount, long irqCurNs, long irqMinNs, long irqMaxNs, long irqSumUs,
                            long threadCurNs, MicrosecondCounts irqUs, MicrosecondCounts threadUs,
                            MaxSplit max) {

    public TimerlatStats {
        irqUs = irqUs.copy();
        threadUs = threadUs.copy();
    }

    /** A copy of the IRQ latency counts per truncated microsecond. */
    @Override
    public MicrosecondCounts irqUs() {
        return irqUs.copy();
    }

    /** A copy of the thread latency counts per truncated microsecond. */
    @Override
    public MicrosecondCounts threadUs() {
        return threadUs.copy();
    }

    /**
     * The largest sample split at its wake-up: {@code irqNs} until the thread's hrtimer callback started,
     * {@code callbackNs} the callback itself (expiry and wake-up), {@code beforeWake} the attribution of the
     * time up to the end of the callback ({@code irqNs + callbackNs}) and {@code afterWake} of the rest, up to
     * the clock read; the two attributions' totals sum to {@code latencyNs}.
     */
    public record MaxSplit(long latencyNs, long irqNs, long callbackNs, Attribution beforeWake,
                           Attribution afterWake) {
    }
}
