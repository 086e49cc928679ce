package org.rtvsim.cli;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rtvsim.measured.LatencyCdf;
import org.rtvsim.measured.MeasuredDataException;
import org.rtvsim.measured.MeasuredHistogram;
import org.rtvsim.measured.MeasuredReader;
import org.rtvsim.measured.ThreadHistogram;
import org.rtvsim.report.charts.CcdfOverlay;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The measurement options {@code calibrate} and {@code compare} share: {@code --measured FILE} and which of its
 * threads to use ({@code --thread N}, or {@code --pool}, the default: all threads summed). Unreadable or malformed
 * files are bad input naming the file (and line).
 */
final class MeasuredArgs {
    @Option(names = "--measured", paramLabel = "FILE", description = "A measurement: cyclictest -h/--histfile/-v/"
            + "--json output, rtla timerlat hist, CSV latency_us,count or Xenomai latency (docs/measured-data.md).")
    Path file;

    @ArgGroup(exclusive = true)
    Selection selection = new Selection();

    static final class Selection {
        @Option(names = "--thread", paramLabel = "N", description = "Use only thread N (0-based) of the measurement.")
        Integer thread;

        @Option(names = "--pool", description = "Pool all threads of the measurement (the default).")
        boolean pool;
    }

    /** The measurement read and the part selected. */
    record Measured(MeasuredHistogram file, ThreadHistogram histogram, String selection) {
        LatencyCdf cdf() {
            return LatencyCdf.of(histogram);
        }

        /** The measured CCDF as a chart curve. */
        CcdfOverlay.Curve curve() {
            double[][] pts = cdf().ccdfPoints();
            return new CcdfOverlay.Curve("measured " + Path.of(file.source()).getFileName() + " (" + selection + ", "
                    + histogram.samples() + " samples)", pts[0], pts[1]);
        }
    }

    /** Reads {@code --measured} and selects the thread(s). */
    Measured read() {
        if (file == null) {
            throw new Errors.BadInput("--measured FILE is required");
        }
        return read(file, selection == null ? null : selection.thread);
    }

    /**
     * The cyclictest options and load a {@code measurement.json} of {@code rtvsim measure} records, or null when
     * {@code file} is another format. Unreadable files are left to {@link #read}, which names the problem.
     */
    static Recorded recorded(Path file) {
        if (file == null || file.getFileName() == null || !file.getFileName().toString().endsWith(".json")
                || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            String text = org.rtvsim.engine.TextFiles.read(file, org.rtvsim.engine.TextFiles.SCENARIO_MAX_BYTES);
            if (!org.rtvsim.probe.MeasurementFile.isMeasurement(text)) {
                return null;
            }
            org.rtvsim.probe.Measurement m = org.rtvsim.probe.MeasurementFile.parse(file, text);
            String opts = m.cyclictestOptions() == null || m.cyclictestOptions().isBlank() ? null
                    : m.cyclictestOptions();
            return new Recorded(opts, m.loadCommand());
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** What a measurement.json says about how it was measured: cyclictest options and load (either may be null). */
    record Recorded(String cyclictest, String load) {
    }

    /** Reads {@code file} and selects thread {@code t} (null: all threads pooled). */
    static Measured read(Path file, Integer t) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new Errors.BadInput("--measured " + file + ": cannot read the file (" + (Files.exists(file)
                    ? "not a readable regular file" : "no such file") + ")");
        }
        MeasuredHistogram h;
        try {
            h = MeasuredReader.read(file);
        } catch (MeasuredDataException e) {
            throw new Errors.BadInput("--measured " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new Errors.BadInput("--measured " + file + ": cannot read the file: " + e.getCause().getMessage());
        }
        if (t != null) {
            if (t < 0 || t >= h.threads().size()) {
                throw new Errors.BadInput("--thread " + t + ": " + file + " has " + h.threads().size()
                        + " thread(s), 0.." + (h.threads().size() - 1));
            }
            return new Measured(h, h.thread(t), "thread " + t + " (" + h.thread(t).label() + ")");
        }
        ThreadHistogram pooled = h.pooled();
        if (pooled.samples() == 0) {
            throw new Errors.BadInput("--measured " + file + ": the file holds no samples");
        }
        return new Measured(h, pooled, h.threads().size() == 1 ? "1 thread" : h.threads().size() + " threads pooled");
    }
}
