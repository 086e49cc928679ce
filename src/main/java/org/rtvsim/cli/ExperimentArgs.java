package org.rtvsim.cli;

import java.nio.file.Path;
import java.util.List;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options compare, sweep and capacity share: replications, seed, duration, output directory, quiet, progress, and
 * where the runs execute ({@link DistributionOptions}).
 */
final class ExperimentArgs {
    @Mixin
    ReplicationOptions replication;

    @Mixin
    DistributionOptions dist;

    /** Set by {@code rtvsim merge}: the merged partial results to report instead of running anything. */
    MergeCommand.Merged merged;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Override the measured (simulated) duration of each replication, e.g. 2s or 500ms.")
    Long durationNs;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the result files into DIR (created "
            + "when missing; only the command's own files are replaced).")
    Path outDir;

    @Option(names = "--quiet", description = "Print nothing on stdout (use with --out); errors and the progress "
            + "line still go to stderr.")
    boolean quiet;

    @Option(names = "--no-progress", description = "No progress line on stderr (it is shown only when stderr is a "
            + "terminal anyway).")
    boolean noProgress;

    /** Checks the options and prepares {@code --out}. */
    void check() {
        replication.check();
        dist.check(outDir != null);
        if (outDir != null) {
            OutFiles.prepareDir("--out", outDir);
        }
    }

    /** The scenario with {@code --seed} and {@code --duration} applied. */
    ScenarioSpec apply(ScenarioSpec s) {
        return ScenarioArgs.overridden(s, seed, durationNs);
    }

    /** Runs {@code f}, turning an {@link IllegalArgumentException} about the command line into bad input. */
    static <T> T parsing(java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            throw new Errors.BadInput(e.getMessage());
        }
    }

    /** {@code rtvsim ARGS}, for report.md. */
    static String commandLine(List<String> args) {
        return "rtvsim " + String.join(" ", args);
    }
}
