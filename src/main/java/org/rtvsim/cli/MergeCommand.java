package org.rtvsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rtvsim.experiment.PartialResult;
import org.rtvsim.measure.RunResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rtvsim merge DIR...}: combines the partial results that {@code --part K/N} runs left in their
 * output directories into the outputs of one run. It checks that the parts come from one command and
 * work list and cover every slice once, then runs that command again (its stored arguments, with this
 * command's {@code --out} and {@code --quiet}) with the merged results in place of simulation: the scenario
 * files are read again and must be those the parts ran with (a fingerprint of the work list is compared).
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combine the partial results of 'rtvsim sweep|capacity|compare|run ... --part K/N --out DIR' runs "
                + "into the outputs of one run (the same sweep.csv, compare.csv, summary.json, ... byte for byte).",
            "Run it where the parts' scenario files are (paths as the parts gave them); the work list must match."},
        footer = {"", "Example:",
            "  rtvsim sweep s.yaml --vary host.kernel.hz=100,250,1000 --part 1/2 --out p1",
            "  rtvsim sweep s.yaml --vary host.kernel.hz=100,250,1000 --part 2/2 --out p2",
            "  rtvsim merge p1 p2 --out results",
            "", "Exit codes: those of the merged command (0 ok; 1 and 4 as capacity and run give them for their "
                + "objective), 2 bad input (missing, repeated or foreign parts), 3 internal error."})
final class MergeCommand implements Callable<Integer> {
    /** What {@link WorkRunner} reports instead of running: the merged results and their work list's fingerprint. */
    record Merged(String fingerprint, List<RunResult> runs) {
    }

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The --out directories of the parts.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Write the merged result files into DIR.")
    Path outDir;

    @Option(names = "--quiet", description = "Print nothing on stdout (use with --out); errors still go to stderr.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<PartialResult> parts = new ArrayList<>();
        for (Path d : dirs) {
            try {
                parts.add(PartialResult.read(d));
            } catch (IOException e) {
                throw new Errors.BadInput("merge: " + e.getMessage());
            }
        }
        List<RunResult> runs = ExperimentArgs.parsing(() -> PartialResult.merge(parts));
        PartialResult first = parts.get(0);
        List<String> args = new ArrayList<>(first.args());
        if (outDir != null) {
            args.add("--out");
            args.add(outDir.toString());
        }
        if (quiet && !args.contains("--quiet")) {
            args.add("--quiet");
        }
        CommandLine main = spec.root().commandLine();
        CommandLine sub = main.getSubcommands().get(first.command());
        if (sub == null || !(sub.getCommand() instanceof Merging m)) {
            throw new Errors.BadInput("merge: partial results of '" + first.command() + "' cannot be merged");
        }
        m.useMerged(new Merged(first.fingerprint(), runs));
        return main.execute(args.toArray(String[]::new));
    }

    /** A command whose partial results merge can report: it runs its work list with {@link WorkRunner}. */
    interface Merging {
        /** Makes the command's next execution report {@code merged} instead of running its work list. */
        void useMerged(Merged merged);
    }
}
