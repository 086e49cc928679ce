package org.rtvsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rtvsim.experiment.TaskSetFile;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments every subcommand shares: the scenario file and its {@code --set} overrides. */
final class ScenarioArgs {

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (YAML), or a task set in the "
            + "rt-taskset/v1 JSON format of the benchmarks (run as a textbook scenario: no overheads).")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", converter = SetConverter.class,
            description = "Override a scenario value, e.g. host.kernel.preempt=full or "
                    + "'host.workload[0].cyclictest.priority=80'. Repeatable; applied in order.")
    List<String> sets = new ArrayList<>();

    /** Loads the file with the overrides; failures are {@link org.rtvsim.scenario.ScenarioException}s. */
    ScenarioSpec load() {
        return load(file, List.of());
    }

    /** Loads {@code path} with the {@code --set}s and then {@code extra} overrides (a variant, a sweep point). */
    ScenarioSpec load(Path path, List<String> extra) {
        List<String> sets = new ArrayList<>(this.sets);
        sets.addAll(extra);
        Path file = path;
        if (file.getFileName() != null && file.getFileName().toString().endsWith(".json")) {
            TaskSetFile ts;
            try {
                ts = TaskSetFile.read(file);
            } catch (IllegalArgumentException e) {
                throw new Errors.BadInput(e.getMessage());
            }
            return ScenarioLoader.loadString(ts.toYaml(), file.toString(), sets);
        }
        return ScenarioLoader.load(file, sets);
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
