package org.rtvsim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * A command over an experiment's work list (scenario variants × replications): {@code compare}, {@code sweep} and
 * {@code capacity}. It holds what they share: the options ({@link ExperimentArgs}) and the merged results that
 * {@code rtvsim merge} hands over ({@link MergeCommand.Merging}), which {@link WorkRunner} then reports instead of
 * running anything.
 */
abstract class ExperimentCommand implements Callable<Integer>, MergeCommand.Merging {

    @Mixin
    ExperimentArgs exp;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final void useMerged(MergeCommand.Merged merged) {
        exp.merged = merged;
    }
}
