package org.rtvsim.cli;

import org.rtvsim.engine.Units;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * {@code run --split K}: the measured duration as K segments of duration/K, each after its own warm-up and with
 * substream k of every stream, run as the work list of K replications would be and pooled
 * (docs/performance.md). This class checks the option and words the line printed before the pooled summary.
 */
final class SplitSegments {
    private SplitSegments() {
    }

    /** Rejects a --split that is not a positive count, is combined with replications, or leaves segments empty. */
    static void check(int k, int replications, long durationNs) {
        if (k < 1 || k > 100_000) {
            throw new Errors.BadInput("--split " + k + ": expected a number of segments in 1..100000");
        }
        if (k > 1 && replications > 1) {
            throw new Errors.BadInput("--split " + k + ": cannot be combined with " + replications + " replications "
                    + "(--replications or the scenario's replications:); use one or the other");
        }
        if (durationNs / k < 1_000_000) {
            throw new Errors.BadInput("--split " + k + ": segments of " + Units.formatNs(durationNs / k) + " are "
                    + "shorter than 1ms; give a longer --duration or fewer segments");
        }
    }

    /** The line that says how a split run was made (printed before the pooled summary). */
    static String note(int k, ScenarioSpec s) {
        long seg = s.durationNs() / k;
        return "# rtvsim: --split " + k + ": " + Units.formatNs(s.durationNs()) + " measured as " + k + " segments of "
                + Units.formatNs(seg) + ", each after its own warm-up of " + Units.formatNs(s.warmupNs())
                + " (substreams 0.." + (k - 1) + "), samples pooled" + (seg * k == s.durationNs() ? ""
                : "; " + Units.formatNs(s.durationNs() - seg * k) + " left over is not simulated") + "\n";
    }
}
