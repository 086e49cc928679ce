package org.rtvsim.hw;

import java.util.IdentityHashMap;
import java.util.Map;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Log1p;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.engine.StreamRegistry;
import umontreal.ssj.rng.RandomStream;

/**
 * The caches as far as wake-up latency cares: a task's wake-up path touches {@code wakeupLines} cache
 * lines (kernel entry, scheduler, its own data). While it sleeps, memory-streaming neighbours
 * ({@link CacheStreamer}) fill the LLC ways it may use, and whatever streams on its own core fills that
 * core's private L2; on the next switch-in the lines that were evicted are read back.
 *
 * <p>Model (docs/model-reference.md, "Caches and CAT"), per switch-in of a task that last left a CPU at
 * {@code t0}:
 * <ul>
 *   <li>LLC: the ways of the CPU's class of service hold {@code S = size · w / W} bytes. A neighbour with
 *       bandwidth {@code B} over its own ways puts {@code B · |own ∩ mine| / |own|} bytes/s into mine
 *       while it streams; with random replacement each line survives {@code F} filled bytes
 *       independently with probability {@code exp(−F / S)}, so the number of lines to read from DRAM is
 *       binomial(wakeupLines, 1 − e^(−F/S));</li>
 *   <li>L2 (private, per physical CPU, inclusive in the LLC): the tasks registered with
 *       {@link #addPrivateFiller} fill it at their rate while they run on that CPU; the lines that
 *       survived the LLC survive the L2 with probability {@code exp(−F2 / L2)}; the others
 *       (binomial again) are LLC hits. A task that moved to another CPU, or never ran, is cold;</li>
 *   <li>DRAM latency: the loaded mean rises with the streaming neighbours' bandwidth at that moment
 *       along the loaded-latency points of model-parameters.md §9 (85 ns idle, 99 ns at 68 GB/s,
 *       130 ns at 135 GB/s; linear between, extrapolated beyond), shifted by the scenario's idle value.
 *       One refill draws one latency: idle + an exponential queueing delay whose mean is the loaded
 *       rise (the M/M/1 sojourn time is exponential; one draw per refill: the queue state is assumed
 *       constant for its few µs);</li>
 *   <li>cost = (DRAM lines · DRAM latency + L2-only lines · LLC hit latency) / mlp.</li>
 * </ul>
 * The footprint and the MLP may vary per refill ({@code wakeupLines}, {@code mlp} as distributions,
 * drawn first). Every refill then consumes three uniforms from {@code hardware.llc.refill.cpuP} whatever
 * they decide, so two scenarios compared with common random numbers stay aligned. Intel CAT gives each class of
 * service its own LLC ways, so a neighbour in another class cannot evict there; it does not partition
 * the L2.
 */
public final class Cache {
    private final long sizeBytes;
    private final int ways;
    private final long[] cpuWays;
    private final double idleDramNs;
    private final DistSpec wakeupLines;
    private final DistSpec mlp;
    private final double l2Bytes;
    private final double llcHitNs;
    private final int blame;
    private final StreamRegistry streams;
    private final RandomStream[] refillStreams;
    private final Sampler[] lineSamplers;
    private final Sampler[] mlpSamplers;
    private CacheStreamer[] streamers = new CacheStreamer[0];
    /** Per physical CPU: bytes streamed through its L2 so far by registered fillers. */
    private final double[] l2Filled;
    private final Map<Object, Double> privateFillers = new IdentityHashMap<>();
    private final Map<Object, Mark> marks = new IdentityHashMap<>();

    /** Where and when (in L2-filled bytes) a task last left its CPU. */
    private static final class Mark {
        int cpu;
        double l2Filled;
    }

    /**
     * @param cpuWays  per CPU, the bit mask of the ways its class of service may fill and use
     * @param l2Bytes  the private L2 of one CPU
     * @param llcHitNs load-to-use latency of an L2 miss that hits the LLC
     * @param streams  the run's streams (refill draws per CPU, the neighbours' bursts)
     */
    public Cache(long sizeBytes, int ways, long[] cpuWays, double idleDramNs, int wakeupLines, double mlp,
                 long l2Bytes, double llcHitNs, int blame, StreamRegistry streams) {
        this(sizeBytes, ways, cpuWays, idleDramNs, new DistSpec.Fixed(wakeupLines), new DistSpec.Fixed(mlp), l2Bytes,
                llcHitNs, blame, streams);
    }

    /**
     * As above, with the footprint (lines) and the memory-level parallelism drawn per refill from
     * {@code wakeupLines} and {@code mlp} (kept within 0..1000000 and 1..64).
     */
    public Cache(long sizeBytes, int ways, long[] cpuWays, double idleDramNs, DistSpec wakeupLines, DistSpec mlp,
                 long l2Bytes, double llcHitNs, int blame, StreamRegistry streams) {
        this.sizeBytes = sizeBytes;
        this.ways = ways;
        this.cpuWays = cpuWays.clone();
        this.idleDramNs = idleDramNs;
        this.wakeupLines = wakeupLines;
        this.mlp = mlp;
        this.l2Bytes = l2Bytes;
        this.llcHitNs = llcHitNs;
        this.blame = blame;
        this.streams = streams;
        this.refillStreams = new RandomStream[cpuWays.length];
        this.lineSamplers = new Sampler[cpuWays.length];
        this.mlpSamplers = new Sampler[cpuWays.length];
        this.l2Filled = new double[cpuWays.length];
    }

    /** A neighbour streaming at {@code bytesPerS} through {@code waysMask} all the time. */
    public CacheStreamer addStreamer(long waysMask, double bytesPerS) {
        return addStreamer(waysMask, bytesPerS, 1, 0, null);
    }

    /**
     * A neighbour streaming at {@code bytesPerS} through {@code waysMask} a fraction {@code duty} of the
     * time, in bursts of mean {@code burstNs}, drawn from stream {@code path + ".bursts"}.
     */
    public CacheStreamer addStreamer(long waysMask, double bytesPerS, double duty, long burstNs, String path) {
        CacheStreamer s = new CacheStreamer(waysMask, bytesPerS, duty, burstNs,
                duty >= 1 ? null : streams.stream(path + ".bursts"));
        streamers = java.util.Arrays.copyOf(streamers, streamers.length + 1);
        streamers[streamers.length - 1] = s;
        return s;
    }

    /** {@code task} streams through the private L2 of the CPU it runs on at {@code bytesPerS}. */
    public void addPrivateFiller(Object task, double bytesPerS) {
        privateFillers.put(task, bytesPerS);
    }

    /** The ways CPU {@code cpu} may use. */
    public long waysOf(int cpu) {
        return cpuWays[cpu];
    }

    /** Attribution label id of cache refills. */
    public int blame() {
        return blame;
    }

    /** Mean DRAM load-to-use latency (ns) under a total streaming bandwidth of {@code bytesPerS}. */
    double dramMeanNs(double bytesPerS) {
        double gbs = bytesPerS / 1e9;
        double loaded = gbs <= 68 ? 85 + (99 - 85) * gbs / 68 : 99 + (130 - 99) * (gbs - 68) / (135 - 68);
        return idleDramNs + (loaded - 85);
    }

    /** Mean DRAM latency (ns) at {@code nowNs}: under the bandwidth of the neighbours streaming then. */
    public double dramLatencyNs(long nowNs) {
        double b = 0;
        for (CacheStreamer s : streamers) {
            if (s.onAt(nowNs)) {
                b += s.bytesPerS;
            }
        }
        return dramMeanNs(b);
    }

    /** Bytes the neighbours put into the ways of CPU {@code cpu} during [{@code fromNs}, {@code toNs}]. */
    double llcFilledBytes(int cpu, long fromNs, long toNs) {
        long mask = cpuWays[cpu];
        double bytes = 0;
        for (CacheStreamer s : streamers) {
            int own = Long.bitCount(s.waysMask);
            int shared = Long.bitCount(s.waysMask & mask);
            if (own > 0 && shared > 0) {
                bytes += s.bytesPerS * 1e-9 * s.onNs(fromNs, toNs) * shared / own;
            }
        }
        return bytes;
    }

    /**
     * Probability that a line of CPU {@code cpu}'s footprint is still in the LLC after [from, to]; a task
     * that never ran ({@code fromNs < 0}) was warm at time 0.
     */
    public double llcSurvival(int cpu, long fromNs, long toNs) {
        double bytes = llcFilledBytes(cpu, Math.max(0, fromNs), toNs);
        return bytes <= 0 ? 1 : Math.exp(-bytes / ((double) sizeBytes * Long.bitCount(cpuWays[cpu]) / ways));
    }

    /**
     * {@code task} ran on physical CPU {@code cpu} from {@code fromNs} to {@code toNs} and now leaves it:
     * a registered filler has streamed through that CPU's L2, and the task's own footprint is exposed
     * from here on.
     */
    public void ran(int cpu, Object task, long fromNs, long toNs) {
        Double rate = privateFillers.get(task);
        if (rate != null && toNs > fromNs) {
            l2Filled[cpu] += rate * (toNs - fromNs) * 1e-9;
        }
        Mark m = marks.get(task);
        if (m == null) {
            m = new Mark();
            marks.put(task, m);
        }
        m.cpu = cpu;
        m.l2Filled = l2Filled[cpu];
    }

    /**
     * Probability that a line of {@code task}'s footprint is still in CPU {@code cpu}'s L2 now: 0 when it
     * last ran on another CPU; a task that never ran was warm at time 0.
     */
    double l2Survival(int cpu, Object task) {
        Mark m = marks.get(task);
        if (m != null && m.cpu != cpu) {
            return 0;
        }
        double f = l2Filled[cpu] - (m == null ? 0 : m.l2Filled);
        return f <= 0 ? 1 : Math.exp(-f / l2Bytes);
    }

    /**
     * Cost (ns) of refilling the wake-up footprint of {@code task} switched in on physical CPU {@code cpu}
     * at {@code nowNs}, having last left a CPU at {@code lastRanNs} (−1: never ran, fully cold).
     */
    public long refillNs(int cpu, Object task, long lastRanNs, long nowNs) {
        RandomStream r = refillStreams[cpu];
        if (r == null) {
            r = streams.stream("hardware.llc.refill.cpu" + cpu);
            refillStreams[cpu] = r;
            lineSamplers[cpu] = Samplers.of(wakeupLines, r);
            mlpSamplers[cpu] = Samplers.of(mlp, r);
        }
        int lines = (int) Math.max(0, Math.min(1_000_000, Math.round(lineSamplers[cpu].sample())));
        double parallel = Math.max(1, Math.min(64, mlpSamplers[cpu].sample()));
        double uLlc = r.nextDouble();
        double uL2 = r.nextDouble();
        double uDram = r.nextDouble();
        if (lines <= 0) {
            return 0;
        }
        double pLlc = llcSurvival(cpu, lastRanNs, nowNs);
        int dramLines = lines - binomial(lines, pLlc, uLlc); // survivors by inversion
        int kept = lines - dramLines;
        int l2Lines = kept == 0 ? 0 : kept - binomial(kept, l2Survival(cpu, task), uL2);
        double dramNs = 0;
        if (dramLines > 0) {
            double mean = dramLatencyNs(nowNs);
            dramNs = idleDramNs + Math.max(0, mean - idleDramNs) * -Log1p.of(-uDram);
        }
        return Math.round((dramLines * dramNs + l2Lines * llcHitNs) / parallel);
    }

    /**
     * Binomial(n, p) by inversion of its CDF with one uniform {@code u}: the smallest k with
     * P(X ≤ k) ≥ u, summed from the end whose probability is the smaller (p > 1/2 draws n − Bin(n, 1 − p)).
     */
    static int binomial(int n, double p, double u) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(n, 1 - p, 1 - u);
        }
        double q = 1 - p;
        double pk = Math.pow(q, n);
        if (pk < 1e-300) { // only for footprints of many thousand lines: the normal approximation
            double k = n * p + Math.sqrt(n * p * q) * umontreal.ssj.probdist.NormalDist.inverseF01(u);
            return (int) Math.max(0, Math.min(n, Math.round(k)));
        }
        double cdf = pk;
        int k = 0;
        while (cdf < u && k < n) {
            pk *= (double) (n - k) / (k + 1) * p / q;
            k++;
            cdf += pk;
        }
        return k;
    }

    /** A mask of all ways. */
    public static long allWays(int ways) {
        return ways >= 64 ? -1L : (1L << ways) - 1;
    }
}
