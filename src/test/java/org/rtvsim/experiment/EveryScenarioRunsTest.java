package org.rtvsim.experiment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rtvsim.measure.RunResult;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/** Every ready scenario under {@code scenarios/} loads, builds and runs (a short stretch of it). */
class EveryScenarioRunsTest {

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertFalse(files.isEmpty(), "no scenarios found");
            return files.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario_loadsAndRuns(Path file) {
        ScenarioSpec spec = ScenarioLoader.load(file, List.of());
        long duration = Math.min(spec.durationNs(), 300_000_000L);
        RunResult r = SingleRun.run(spec.withDuration(duration), 0);
        long samples = r.threads().stream().mapToLong(t -> t.samples()).sum()
                + r.tasks().stream().mapToLong(t -> t.jobs()).sum();
        assertTrue(samples > 0, file + " measured nothing in " + duration + " ns");
    }
}
