package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code run} prints on a terminal (forced with {@code RTVSIM_STDOUT_TTY=1} in a child JVM): the summary
 * alone, with a line saying how to get cyclictest's block; {@code --cyclictest-block} brings the block back first.
 */
class RunTerminalOutputTest {
    @TempDir
    Path dir;

    private String run(String... extra) throws Exception {
        Path file = Cli.write(dir, "tiny.yaml", Cli.TINY);
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "org.rtvsim.cli.Main", "run", file.toString()));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("RTVSIM_STDOUT_TTY", "1");
        pb.environment().put("RTVSIM_PROGRESS", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void terminal_getsTheSummaryFirstAndAlone() throws Exception {
        String out = run();
        assertTrue(out.startsWith("# rtvsim: scenario tiny"), out);
        assertFalse(out.contains("# Histogram"), out);
        assertTrue(out.endsWith("(cyclictest's -h block is left out on a terminal: add --cyclictest-block, or redirect "
                + "stdout to a file or a pipe)\n"), out);
    }

    @Test
    void terminal_withCyclictestBlock_printsTheBlockFirstAsInAPipe() throws Exception {
        String out = run("--cyclictest-block");
        assertTrue(out.startsWith("# Histogram\n"), out);
        assertEquals(Cli.run("run", dir.resolve("tiny.yaml").toString()).out(), out);
    }
}
