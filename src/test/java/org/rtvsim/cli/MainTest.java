package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** Help, version, and the internal-error path (exit code 3, stack trace only when asked for). */
class MainTest {

    @Command(name = "boom")
    static final class Boom implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("broken invariant");
        }
    }

    @Test
    void help_exitsZeroAndListsTheCommands() {
        Cli r = Cli.run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: rtvsim"), r.out());
        assertTrue(r.out().contains("run"), r.out());
        assertTrue(r.out().contains("validate"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void version_exitsZeroAndPrintsTheProjectVersion() {
        Cli r = Cli.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("rtvsim \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), r.out());
    }

    @Test
    void helpRun_exitsZeroAndDescribesTheOptions() {
        Cli r = Cli.run("help", "run");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("Usage: rtvsim run"), r.out());
        for (String option : new String[] {"--seed", "--set", "--duration", "--out", "--stats", "--quiet"}) {
            assertTrue(r.out().contains(option), option);
        }
    }

    @Test
    void internalError_exitsThreeWithoutAStackTrace() {
        Cli r = Cli.run(Map.of("RTVSIM_DEBUG", "0"), new Boom(), "boom");
        assertEquals(3, r.code());
        assertTrue(r.err().startsWith(
                "rtvsim: internal error: java.lang.IllegalStateException: broken invariant\n"), r.err());
        assertTrue(r.err().contains("please report"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void internalError_withDebug_printsTheStackTrace() {
        Cli r = Cli.run(Map.of("RTVSIM_DEBUG", "0"), new Boom(), "boom", "--debug");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("\tat org.rtvsim.cli.MainTest$Boom.run"), r.err());
    }

    @Test
    void internalError_withDebugEnvironment_printsTheStackTrace() {
        Cli r = Cli.run(Map.of("RTVSIM_DEBUG", "1"), new Boom(), "boom");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("\tat org.rtvsim.cli.MainTest$Boom.run"), r.err());
    }
}
