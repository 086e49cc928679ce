package org.rtvsim.cli;

import java.util.Locale;
import org.rtvsim.experiment.Replications;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine.Option;

/** The options of replicated experiments: how many replications, on how many threads, at which confidence. */
final class ReplicationOptions {
    /** Replications of compare, sweep and capacity when the scenario asks for one: intervals need two. */
    static final int DEFAULT_EXPERIMENT_REPLICATIONS = 10;

    @Option(names = "--replications", paramLabel = "N",
            description = "Replications 0..N-1 (replication r uses substream r of every random stream); "
                    + "default: the scenario's replications:.")
    Integer replications;

    @Option(names = "--threads", paramLabel = "T",
            description = "Run replications on T threads (default: all cores); results do not depend on T.")
    Integer threads;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Level of the Student-t intervals over replications, in (0, 1); default 0.95.")
    double confidence;

    /** Rejects impossible values as bad input. */
    void check() {
        if (replications != null && (replications < 1 || replications > org.rtvsim.scenario.Defaults.MAX_REPLICATIONS)) {
            throw new Errors.BadInput("--replications " + replications + ": expected 1.."
                    + org.rtvsim.scenario.Defaults.MAX_REPLICATIONS);
        }
        if (threads != null && threads > 1024) {
            throw new Errors.BadInput("--threads " + threads + ": expected 1..1024 (omit it to use every core)");
        }
        if (threads != null && threads < 1) {
            throw new Errors.BadInput("--threads " + threads + ": expected at least 1 (omit it to use every core)");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new Errors.BadInput(String.format(Locale.ROOT, "--confidence %s: expected a level in (0, 1), "
                    + "e.g. 0.95", confidence));
        }
    }

    /** The replications of {@code run}: the option, else the scenario's. */
    int forRun(ScenarioSpec s) {
        return replications != null ? replications : s.replications();
    }

    /** The replications of compare, sweep and capacity: the option, else the scenario's, else 10. */
    int forExperiment(ScenarioSpec s) {
        if (replications != null) {
            return replications;
        }
        return s.replications() > 1 ? s.replications() : DEFAULT_EXPERIMENT_REPLICATIONS;
    }

    int threads() {
        return threads != null ? threads : Replications.defaultThreads();
    }
}
