package org.rtvsim.hw;

/**
 * The last-level cache as far as wake-up latency cares, in bytes, ways and ns: a task's wake-up path
 * touches {@code wakeupLines} cache lines (kernel entry, scheduler, its own data); while it sleeps,
 * memory-streaming neighbours fill the ways it may use and evict part of them; on the next wake-up the
 * evicted lines are read from DRAM, {@code mlp} misses overlapping.
 *
 * <p>Model (docs/model-reference.md, "Caches and CAT"): the ways a CPU's class of service may use hold
 * {@code S = size · w / W} bytes. A neighbour streaming {@code B} bytes/s over its own ways puts
 * {@code B · |own ∩ mine| / |own|} bytes/s into mine. With random replacement, after {@code Δ} ns asleep
 * a line survives with probability {@code exp(−rate · Δ / S)}, so the refill costs
 * {@code (1 − e^(−rate·Δ/S)) · wakeupLines · dram / mlp}. DRAM latency rises with the neighbours' total
 * bandwidth along the loaded-latency points of model-parameters.md §9 (85 ns idle, 99 ns at 68 GB/s,
 * 130 ns at 135 GB/s; linear between, extrapolated beyond), shifted by the scenario's idle value.
 * Intel CAT gives each class of service its own ways, so a neighbour in another class cannot evict.
 */
public final class Cache {
    private final long sizeBytes;
    private final int ways;
    private final long[] cpuWays;
    private final double idleDramNs;
    private final int wakeupLines;
    private final double mlp;
    private final int blame;
    private long[] hogWays = new long[0];
    private double[] hogRate = new double[0];

    /**
     * @param cpuWays per CPU, the bit mask of the ways its class of service may fill and use
     */
    public Cache(long sizeBytes, int ways, long[] cpuWays, double idleDramNs, int wakeupLines, double mlp,
                 int blame) {
        this.sizeBytes = sizeBytes;
        this.ways = ways;
        this.cpuWays = cpuWays.clone();
        this.idleDramNs = idleDramNs;
        this.wakeupLines = wakeupLines;
        this.mlp = mlp;
        this.blame = blame;
    }

    /** A memory-streaming neighbour filling {@code waysMask} at {@code bytesPerS} (assumed always active). */
    public void addStreamer(long waysMask, double bytesPerS) {
        hogWays = java.util.Arrays.copyOf(hogWays, hogWays.length + 1);
        hogRate = java.util.Arrays.copyOf(hogRate, hogRate.length + 1);
        hogWays[hogWays.length - 1] = waysMask;
        hogRate[hogRate.length - 1] = bytesPerS;
    }

    /** The ways CPU {@code cpu} may use. */
    public long waysOf(int cpu) {
        return cpuWays[cpu];
    }

    /** Attribution label id of cache refills. */
    public int blame() {
        return blame;
    }

    /** DRAM load-to-use latency (ns) under the neighbours' total streaming bandwidth. */
    public double dramLatencyNs() {
        double b = 0;
        for (double r : hogRate) {
            b += r;
        }
        double gbs = b / 1e9;
        double loaded = gbs <= 68 ? 85 + (99 - 85) * gbs / 68 : 99 + (130 - 99) * (gbs - 68) / (135 - 68);
        return idleDramNs + (loaded - 85);
    }

    /** Bytes per second that streaming neighbours put into the ways {@code mask}. */
    double fillRate(long mask) {
        double rate = 0;
        for (int i = 0; i < hogWays.length; i++) {
            int own = Long.bitCount(hogWays[i]);
            if (own > 0) {
                rate += hogRate[i] * Long.bitCount(hogWays[i] & mask) / own;
            }
        }
        return rate;
    }

    /** Fraction of a wake-up footprint evicted from CPU {@code cpu}'s ways after {@code asleepNs}. */
    public double evictedFraction(int cpu, long asleepNs) {
        long mask = cpuWays[cpu];
        double rate = fillRate(mask);
        if (rate <= 0 || asleepNs <= 0) {
            return 0;
        }
        double bytes = (double) sizeBytes * Long.bitCount(mask) / ways;
        return 1 - Math.exp(-rate * asleepNs * 1e-9 / bytes);
    }

    /** Cost (ns) of refilling the wake-up footprint of a task on {@code cpu} after {@code asleepNs}. */
    public long refillNs(int cpu, long asleepNs) {
        double f = evictedFraction(cpu, asleepNs);
        return f <= 0 ? 0 : Math.round(f * wakeupLines * dramLatencyNs() / mlp);
    }

    /** A mask of all ways. */
    public static long allWays(int ways) {
        return ways >= 64 ? -1L : (1L << ways) - 1;
    }
}
