package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs never leave {@code --out}: symbolic links inside it are refused, never followed (issue 19). */
class OutDirSafetyTest {
    @TempDir
    Path dir;

    @Test
    void run_symlinkNamedLikeAnOutput_isRefusedAndTheTargetIsUntouched() throws IOException {
        Path outside = Files.writeString(dir.resolve("precious.txt"), "keep me", StandardCharsets.UTF_8);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("summary.json"), outside);
        Cli r = Cli.run("run", Cli.write(dir, "s.yaml", Cli.TINY).toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("summary.json") && r.err().contains("symbolic link"), r.err());
        assertEquals("keep me", Files.readString(outside, StandardCharsets.UTF_8));
    }

    @Test
    void run_danglingSymlink_createsNothingOutside() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Path outside = dir.resolve("created-outside.csv");
        Files.createSymbolicLink(out.resolve("histogram.csv"), outside);
        Cli r = Cli.run("run", Cli.write(dir, "s.yaml", Cli.TINY).toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertFalse(Files.exists(outside));
    }

    @Test
    void run_rewritesItsFilesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        Path out = dir.resolve("out");
        Path s = Cli.write(dir, "s.yaml", Cli.TINY);
        assertEquals(0, Cli.run("run", s.toString(), "--out", out.toString(), "--quiet").code());
        String first = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
        assertEquals(0, Cli.run("run", s.toString(), "--out", out.toString(), "--quiet").code());
        assertEquals(first, Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8));
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void tail_onAFifo_isRefusedWithoutHanging() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (p.waitFor() != 0) {
            return; // no mkfifo here: nothing to check
        }
        Cli r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> Cli.run("validate", fifo.toString()));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("not a regular file"), r.err());
    }
}
