package org.rtvsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.rtvsim.experiment.Replications;

/**
 * The progress line of replicated runs on stderr — replications done of the total, million events per
 * wall-second, ETA — shown only on an interactive terminal ({@code Terminal.stderrIsTerminal()}) and
 * never with {@code --no-progress} ({@code --quiet} silences stdout only); it does not change any result.
 */
final class ProgressLine {
    private ProgressLine() {
    }

    /** A tracker for {@code total} replications that prints to {@code err}, or a silent one ({@code --no-progress}). */
    static Replications.Tracker tracker(PrintWriter err, int total, boolean noProgress) {
        if (noProgress || !Terminal.stderrIsTerminal()) {
            return new Replications.Tracker(null);
        }
        return new Replications.Tracker((done, events, wallNs) -> {
            double wallS = wallNs / 1e9;
            double eta = wallS * (total - done) / Math.max(done, 1);
            err.printf(Locale.ROOT, "\rrtvsim: %d of %d replications done, %.1f M events/s, ETA %.0f s   ",
                    done, total, events / Math.max(wallS, 1e-9) / 1e6, eta);
            if (done >= total) {
                err.print("\r\033[K");
            }
            err.flush();
        });
    }

    /** A listener printing the calibration's progress, or null when quiet or not on a terminal. */
    static org.rtvsim.calibrate.Calibration.Listener calibration(PrintWriter err, boolean quiet, long budgetNs) {
        if (quiet || !Terminal.stderrIsTerminal()) {
            return null;
        }
        long start = System.nanoTime();
        return (n, objective, best, phase) -> {
            err.printf(Locale.ROOT, "\rrtvsim: calibrate: evaluation %d (%s), objective %.5f, best %.5f, %.0f s of "
                    + "%.0f s budget   ", n, phase, objective, best, (System.nanoTime() - start) / 1e9, budgetNs / 1e9);
            err.flush();
        };
    }
}
