package org.rtvsim.hw;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.Simulation;

/**
 * The kernel's {@code hwlat} tracer as {@code hwlatdetect} drives it: during the first {@code width}
 * of every {@code window} a kernel thread spins on one CPU with interrupts off, reading the TSC in a
 * tight loop, and any gap between consecutive reads is time the CPU was taken away by something the
 * kernel cannot see or mask: on this model's machine, a stall (an SMI).
 *
 * <p>Observes one {@link PhysicalCpu}'s stalls ({@link StallObserver}); needs no kernel. Sampling
 * widths are {@code [k*window, k*window + width)} from time 0. A stall that <em>begins</em> inside a
 * width is a gap of the stall's full length (the loop's next read comes after it, even when that is
 * past the width's end); a stall that begins outside every width is not seen, because the loop is not
 * running (it starts after the stall). As in the kernel ({@code get_sample()} in
 * kernel/trace/trace_hwlat.c), each width yields at most one sample: the largest gap of that width,
 * recorded only when it exceeds the threshold, timestamped when the loop stops (the width's end, or
 * the end of a gap that ran past it). The model does not resolve where inside a loop iteration the
 * SMI landed, so the gap is reported as {@code outer} (between two iterations, the common shape of an
 * SMI) and {@code inner} is 0.
 *
 * @see <a href="https://docs.kernel.org/trace/hwlat_detector.html">[K] Documentation/trace/hwlat_detector.rst</a>
 */
public final class HwlatDetector implements StallObserver {

    /** One width's sample: the largest gap in it ({@code outerNs}), how many gaps exceeded the threshold. */
    public record Sample(long timestampNs, long innerNs, long outerNs, int gapsOverThreshold) {
        /** {@code max(inner, outer)}: the sample's latency. */
        public long largestNs() {
            return Math.max(innerNs, outerNs);
        }
    }

    private final Simulation sim;
    private final long windowNs;
    private final long widthNs;
    private final long thresholdNs;
    private final long endNs;
    private final List<Sample> samples = new ArrayList<>();
    private final List<Long> gaps = new ArrayList<>();
    private long lastWindow = -1;
    private long beganNs = -1;
    private long stalls;
    private long longestStallNs;

    /**
     * @param endNs the test's end: stalls beginning at or after it are ignored
     * @throws IllegalArgumentException unless {@code 0 < width < window} and {@code threshold > 0}
     */
    public HwlatDetector(Simulation sim, long windowNs, long widthNs, long thresholdNs, long endNs) {
        if (widthNs <= 0 || widthNs >= windowNs) {
            throw new IllegalArgumentException("the sample width must be positive and shorter than the window; got width "
                    + widthNs + " ns, window " + windowNs + " ns");
        }
        if (thresholdNs <= 0) {
            throw new IllegalArgumentException("the threshold must be positive; got " + thresholdNs + " ns");
        }
        this.sim = sim;
        this.windowNs = windowNs;
        this.widthNs = widthNs;
        this.thresholdNs = thresholdNs;
        this.endNs = endNs;
    }

    /** Watches {@code cpu}'s stalls; call before the run starts. */
    public void attach(PhysicalCpu cpu) {
        cpu.addStallObserver(this);
    }

    @Override
    public void stallBegan(int blame) {
        beganNs = sim.now();
    }

    @Override
    public void stallEnded() {
        long s = beganNs;
        long e = sim.now();
        beganNs = -1;
        if (s < 0 || s >= endNs) {
            return;
        }
        long len = e - s;
        stalls++;
        longestStallNs = Math.max(longestStallNs, len);
        long k = s / windowNs;
        if (s - k * windowNs >= widthNs) {
            return; // non-sampling period: the loop is not running
        }
        gaps.add(len);
        if (len <= thresholdNs) {
            return;
        }
        long stop = Math.max(k * windowNs + widthNs, e);
        if (k == lastWindow) {
            Sample last = samples.remove(samples.size() - 1);
            samples.add(new Sample(Math.max(last.timestampNs(), stop), 0, Math.max(last.outerNs(), len),
                    last.gapsOverThreshold() + 1));
        } else {
            samples.add(new Sample(stop, 0, len, 1));
            lastWindow = k;
        }
    }

    /** The recorded samples (one per width with a gap above the threshold), in time order. */
    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Every gap the loop saw (stalls that began inside a width), any length, in time order. */
    public List<Long> gaps() {
        return List.copyOf(gaps);
    }

    /** The largest sample's latency, 0 when nothing exceeded the threshold. */
    public long maxNs() {
        long m = 0;
        for (Sample s : samples) {
            m = Math.max(m, s.largestNs());
        }
        return m;
    }

    /** Stalls that began before the end and have ended, whether the loop saw them or not. */
    public long stalls() {
        return stalls;
    }

    /** The longest of {@link #stalls()}. */
    public long longestStallNs() {
        return longestStallNs;
    }

    public long windowNs() {
        return windowNs;
    }

    public long widthNs() {
        return widthNs;
    }

    public long thresholdNs() {
        return thresholdNs;
    }
}
