package org.rtvsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rtvsim.experiment.Part;
import org.rtvsim.experiment.PartialResult;
import org.rtvsim.experiment.Replications;
import org.rtvsim.experiment.RunEngine;
import org.rtvsim.experiment.Work;
import org.rtvsim.measure.RunResult;
import picocli.CommandLine;

/**
 * Runs an experiment's work list where {@link DistributionOptions} say: on local threads, on another
 * engine, only one {@code --part} slice (then it writes the partial result and the command stops), or
 * nowhere at all when {@code rtvsim merge} supplies the merged results of every slice. Commands ask for
 * the results of a range of items ({@link #results}); a sweep, a compare or a replicated run asks for all at
 * once, a capacity search one candidate's replications at a time.
 */
final class WorkRunner implements AutoCloseable {
    private final List<Work> work;
    private final List<RunResult> merged;
    private final RunEngine engine;
    private final int threads;
    private final Replications.Tracker tracker;

    private WorkRunner(List<Work> work, List<RunResult> merged, RunEngine engine, int threads,
                       Replications.Tracker tracker) {
        this.work = work;
        this.merged = merged;
        this.engine = engine;
        this.threads = threads;
        this.tracker = tracker;
    }

    /**
     * A runner over {@code work}, or null when {@code --part} was given: then the slice has run and its
     * partial result is written to {@code --out}, and the command must stop.
     */
    static WorkRunner start(CommandLine.Model.CommandSpec spec, ExperimentArgs exp, List<Work> work,
                            Replications.Tracker tracker) {
        return start(spec, exp.dist, exp.merged, exp.outDir, exp.replication.threads(), work, tracker);
    }

    /**
     * As {@link #start(CommandLine.Model.CommandSpec, ExperimentArgs, List, Replications.Tracker)} for a command
     * with its own options ({@code run}): where to run ({@code dist}), the results {@code merge} supplies (null
     * unless merging), the {@code --out} directory and the local engine's threads.
     */
    static WorkRunner start(CommandLine.Model.CommandSpec spec, DistributionOptions dist, MergeCommand.Merged merged,
                            Path outDir, int threads, List<Work> work, Replications.Tracker tracker) {
        if (merged != null) {
            String fp = PartialResult.fingerprint(work);
            if (!fp.equals(merged.fingerprint()) || work.size() != merged.runs().size()) {
                throw new Errors.BadInput("merge: the scenario files or the options differ from those the parts "
                        + "ran with (the work list changed); run merge where the parts ran, with the same files");
            }
            return new WorkRunner(work, merged.runs(), null, 1, null);
        }
        Part part = dist.part();
        RunEngine engine = dist.open();
        if (part == null) {
            return new WorkRunner(work, null, engine, threads, tracker);
        }
        try (WorkRunner slice = new WorkRunner(work, null, engine, threads, tracker)) {
            List<Integer> indices = part.indices(work.size());
            List<Work> mine = new ArrayList<>(indices.size());
            indices.forEach(i -> mine.add(work.get(i)));
            List<RunResult> runs = slice.run(mine);
            PartialResult p = new PartialResult(spec.name(),
                    DistributionOptions.experimentArgs(spec.commandLine().getParseResult().originalArgs()),
                    PartialResult.fingerprint(work), part, work.size(), indices, runs);
            byte[] bytes = p.toBytes();
            OutFiles.writeFile(outDir, PartialResult.FILE, tmp -> Files.write(tmp, bytes));
            PrintWriter err = spec.commandLine().getErr();
            err.println("rtvsim: part " + part + ": " + indices.size() + " of " + work.size() + " runs written to "
                    + outDir.resolve(PartialResult.FILE) + "; combine the parts with 'rtvsim merge DIR... --out DIR'");
            err.flush();
        }
        return null;
    }

    /**
     * Every result of {@code runner}'s work list, in item order, closing the runner; null when the runner is null
     * (a {@code --part} slice ran, see {@link #start}): then the command must stop.
     */
    static List<RunResult> allResults(WorkRunner runner) {
        if (runner == null) {
            return null;
        }
        try (runner) {
            return runner.results(0, runner.work.size());
        }
    }

    /** The results of items {@code from} (inclusive) to {@code to} (exclusive), in item order. */
    List<RunResult> results(int from, int to) {
        if (merged != null) {
            return merged.subList(from, to);
        }
        return run(work.subList(from, to));
    }

    private List<RunResult> run(List<Work> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        return engine == null ? Replications.runs(items, threads, tracker) : engine.run(items, threads, tracker);
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
