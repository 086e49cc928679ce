package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/** A command's own {@code --seed} and {@code --duration} over the loaded scenario ({@link ScenarioArgs}). */
class ScenarioArgsTest {
    @TempDir
    Path dir;

    private static final ScenarioSpec TINY = ScenarioLoader.loadString(Cli.TINY, "tiny.yaml", List.of());

    @Test
    void overridden_neitherGiven_keepsTheScenario() {
        assertSame(TINY, ScenarioArgs.overridden(TINY, null, null));
    }

    @Test
    void overridden_seedAndDuration_replaceTheScenariosOnly() {
        ScenarioSpec s = ScenarioArgs.overridden(TINY, 7L, 2_000_000L);
        assertEquals(7L, s.seed());
        assertEquals(2_000_000L, s.durationNs());
        assertEquals(TINY.warmupNs(), s.warmupNs());
        assertEquals(TINY.withSeed(7L).withDuration(2_000_000L), s);
    }

    @Test
    void overridden_seedOnly_keepsTheDuration() {
        ScenarioSpec s = ScenarioArgs.overridden(TINY, 7L, null);
        assertEquals(7L, s.seed());
        assertEquals(50_000_000L, s.durationNs());
    }

    @Test
    void load_printsTheImportsNotesThenAppliesTheOverrides() {
        ScenarioArgs args = new ScenarioArgs();
        args.file = Cli.write(dir, "tiny.yaml", Cli.TINY);
        args.cyclictest = "-m -p 80 -i 200 -t 2 -l 500";
        StringWriter err = new StringWriter();
        ScenarioSpec s = args.load(new PrintWriter(err), 3L, null);
        assertEquals(3L, s.seed());
        assertEquals("rtvsim: note: cyclictest: -l 500 lasts until the slowest thread (interval 700 µs) has its 500 "
                + "loops; the faster threads record more samples than that\n", err.toString());
    }
}
