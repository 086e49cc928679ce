package org.rtvsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Stack;
import org.rtvsim.experiment.TaskSetFile;
import org.rtvsim.scenario.CommandImport;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments every scenario subcommand shares: the scenario file, its {@code --set} overrides and the command
 * import ({@code --cyclictest}, {@code --load}; docs/command-import.md). The import is applied before the
 * overrides; the duration it implies ({@code -l}, {@code -D}) replaces the scenario's, and a command's own
 * {@code --duration} replaces that. Its notes (approximations) are collected for {@link #printNotes}.
 */
final class ScenarioArgs {

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML), or a task set in the "
            + "rt-taskset/v1 JSON format of the benchmarks (run as a textbook scenario: no overheads).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", converter = SetConverter.class,
            description = "Override a scenario value, e.g. host.kernel.preempt=full or "
                    + "'host.workload[0].cyclictest.priority=80'. Repeatable; applied in order.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--cyclictest", paramLabel = "OPTIONS", parameterConsumer = RawValue.class,
            description = "Replace the scenario's cyclictest workload by the one these cyclictest options describe "
                    + "(quote them), e.g. --cyclictest \"-m -p 80 -i 200 -t 2 -h 400\" (docs/command-import.md).")
    String cyclictest;

    @Option(names = "--load", paramLabel = "COMMAND", parameterConsumer = RawValue.class,
            description = "Add the load this command describes to the kernel cyclictest runs in: hackbench or "
                    + "stress-ng (--cpu, --vm, --io, --hdd, --timer, --sock), e.g. --load \"stress-ng --vm 2\".")
    String load;

    private final Set<String> notes = new LinkedHashSet<>();
    private final Set<String> printed = new LinkedHashSet<>();

    /** The command import these options describe. */
    CommandImport imports() {
        return new CommandImport(cyclictest, load);
    }

    /** Prints the import's notes not printed yet, one line each ({@code rtvsim: note: …}), on {@code err}. */
    void printNotes(PrintWriter err) {
        for (String n : notes) {
            if (printed.add(n)) {
                err.println("rtvsim: note: " + n);
            }
        }
        err.flush();
    }

    /** Loads the file with the overrides; failures are {@link org.rtvsim.scenario.ScenarioException}s. */
    ScenarioSpec load() {
        return load(file, List.of());
    }

    /**
     * Loads the file as {@link #load()}, prints the import's notes on {@code err}, then applies the command's own
     * {@code --seed} and {@code --duration} ({@link #overridden}).
     */
    ScenarioSpec load(PrintWriter err, Long seed, Long durationNs) {
        ScenarioSpec s = load();
        printNotes(err);
        return overridden(s, seed, durationNs);
    }

    /** {@code s} with a command's {@code --seed} and {@code --duration} applied; null keeps the scenario's value. */
    static ScenarioSpec overridden(ScenarioSpec s, Long seed, Long durationNs) {
        ScenarioSpec out = s;
        if (seed != null) {
            out = out.withSeed(seed);
        }
        if (durationNs != null) {
            out = out.withDuration(durationNs);
        }
        return out;
    }

    /** Loads {@code path} with the {@code --set}s and then {@code extra} overrides (a variant, a sweep point). */
    ScenarioSpec load(Path path, List<String> extra) {
        List<String> sets = new ArrayList<>(this.sets);
        sets.addAll(extra);
        Path file = path;
        if (file.getFileName() != null && file.getFileName().toString().endsWith(".json") && !isRtApp(file)) {
            TaskSetFile ts;
            try {
                ts = TaskSetFile.read(file);
            } catch (IllegalArgumentException e) {
                throw new Errors.BadInput(e.getMessage());
            }
            return imported(ScenarioLoader.loadStringImported(ts.toYaml(), file.toString(), sets, imports()));
        }
        return imported(ScenarioLoader.loadImported(file, sets, imports()));
    }

    /**
     * Whether a {@code .json} file is an rt-app workload (a {@code tasks} object and no task-set {@code schema}),
     * which the scenario loader imports; anything unreadable is left to the task-set reader and its errors.
     */
    static boolean isRtApp(Path file) {
        try {
            String text = org.rtvsim.engine.TextFiles.read(file, org.rtvsim.engine.TextFiles.SCENARIO_MAX_BYTES);
            com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_COMMENTS)
                    .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_TRAILING_COMMA.mappedFeature())
                    .readTree(text);
            return root != null && root.path("tasks").isObject() && !root.has("schema");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private ScenarioSpec imported(ScenarioLoader.Loaded l) {
        notes.addAll(l.imported().notes());
        Long d = l.imported().durationNs();
        return d == null ? l.spec() : l.spec().withDuration(d);
    }

    /**
     * Takes the next argument as the option's value even when it starts with '-' ({@code --cyclictest "-m -p 80"});
     * {@code --cyclictest="-m -p 80"} works too.
     */
    static final class RawValue implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, CommandLine.Model.ArgSpec argSpec,
                                      CommandLine.Model.CommandSpec commandSpec) {
            if (args.isEmpty()) {
                throw new CommandLine.ParameterException(commandSpec.commandLine(), "Missing required parameter "
                        + "for option '" + ((CommandLine.Model.OptionSpec) argSpec).longestName() + "' ("
                        + argSpec.paramLabel() + ")");
            }
            argSpec.setValue(args.pop());
        }
    }

    /** Rejects a {@code --set} without {@code =} while parsing, so it is reported like any option error. */
    static final class SetConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (value.indexOf('=') <= 0) {
                throw new CommandLine.TypeConversionException(
                        "expected KEY=VALUE, e.g. host.kernel.preempt=full; got '" + value + "'");
            }
            return value;
        }
    }
}
