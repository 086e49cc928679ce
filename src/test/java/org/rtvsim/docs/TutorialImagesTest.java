package org.rtvsim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.cli.Main;

/**
 * Keeps {@code docs/tutorials/priority-inversion.md} true. Runs every command the tutorial shows
 * through the CLI in-process and checks that what the tutorial quotes (task tables, attribution lines,
 * error messages, the deadlock scenario) is what the commands print now, and that every picture it
 * shows is produced.
 *
 * <p>With {@code -Drtvsim.regenerateDocs=true} the pictures are written to {@code docs/tutorials/img/}
 * (commit them after looking at them); otherwise to a temporary directory, so a normal test run never
 * touches the working tree:
 * <pre>
 * mvn -B -o test -Dtest=TutorialImagesTest -Drtvsim.regenerateDocs=true
 * </pre>
 */
class TutorialImagesTest {
    static final Path TUTORIAL_DIR = Path.of("docs", "tutorials");
    static final Path TUTORIAL = TUTORIAL_DIR.resolve("priority-inversion.md");
    static final String PATHFINDER = "scenarios/priority-inversion-pathfinder.yaml";
    static final String PROTOCOL = "host.workload[0].lock_sharing.mutex.protocol=";

    /** One picture of the tutorial: its file name under img/ and the trace arguments (before --out). */
    record Picture(String file, String... args) {
    }

    static final List<Picture> PICTURES = List.of(
            new Picture("pathfinder-none.png", "trace", PATHFINDER, "--from", "0ms", "--to", "250ms",
                    "--format", "png"),
            new Picture("pathfinder-inherit.png", "trace", PATHFINDER, "--from", "0ms", "--to", "250ms",
                    "--format", "png", "--set", PROTOCOL + "inherit"),
            new Picture("pathfinder-protect.png", "trace", PATHFINDER, "--from", "0ms", "--to", "250ms",
                    "--format", "png", "--set", PROTOCOL + "protect"),
            new Picture("pi-chain.png", "trace", "scenarios/pi-chain.yaml", "--from", "0ms", "--to", "12ms",
                    "--format", "png"));

    static String tutorial;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readTutorial() throws IOException {
        tutorial = Files.readString(TUTORIAL, StandardCharsets.UTF_8);
    }

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String[] with(String[] args, String... more) {
        List<String> l = new ArrayList<>(List.of(args));
        l.addAll(List.of(more));
        return l.toArray(String[]::new);
    }

    /** The "Periodic tasks" table at the end of a run's output. */
    static String taskTable(String out) {
        int at = out.indexOf("Periodic tasks (response times in us):");
        assertTrue(at >= 0, out);
        String table = out.substring(at);
        int attribution = table.indexOf("\n  Attribution of the worst response");
        return (attribution >= 0 ? table.substring(0, attribution) : table).strip();
    }

    /** The first {@code lines} component lines of a task's worst-response attribution. */
    static String worstAttribution(String out, String task, int lines) {
        String head = "  Attribution of the worst response of " + task + " (";
        int at = out.indexOf(head);
        assertTrue(at >= 0, out);
        String[] all = out.substring(at).split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, 0, lines + 1)).strip();
    }

    /** The deadline misses of {@code task} in a task table (the column before the last, cpu%). */
    static long misses(String table, String task) {
        for (String line : table.lines().toList()) {
            String[] f = line.strip().split("\\s+");
            if (f[0].equals(task)) {
                return Long.parseLong(f[f.length - 2]);
            }
        }
        throw new AssertionError(task + " not in " + table);
    }

    private static void assertQuoted(String text, String what) {
        assertTrue(tutorial.contains(text), what + ": the tutorial does not quote the current output; update "
                + TUTORIAL + " with:\n" + text);
    }

    @Test
    void everyPicture_isProducedAndShown() throws IOException {
        boolean regenerate = Boolean.getBoolean("rtvsim.regenerateDocs");
        Path dir = regenerate ? TUTORIAL_DIR.resolve("img") : tmp;
        Files.createDirectories(dir);
        for (Picture p : PICTURES) {
            Path png = dir.resolve(p.file());
            Result r = cli(with(p.args(), "--out", png.toString()));
            assertEquals(0, r.code(), p.file() + ": " + r.err());
            assertTrue(r.out().startsWith("trace: "), r.out());
            BufferedImage img = ImageIO.read(png.toFile());
            assertTrue(img != null && img.getWidth() == 1200 && img.getHeight() > 100, p.file());
            assertTrue(tutorial.contains("(img/" + p.file() + ")"), "the tutorial does not show " + p.file());
            assertTrue(Files.exists(TUTORIAL_DIR.resolve("img").resolve(p.file())),
                    p.file() + " is not committed under docs/tutorials/img (run with -Drtvsim.regenerateDocs=true)");
        }
    }

    @Test
    void pathfinder_missesWithoutInheritance_noneWithInheritOrProtect() {
        Result none = cli("run", PATHFINDER);
        assertEquals(0, none.code(), none.err());
        assertTrue(misses(taskTable(none.out()), "bc_dist") > 0, none.out());
        assertQuoted(taskTable(none.out()), "step 1 (none)");
        assertQuoted(worstAttribution(none.out(), "bc_dist", 3), "step 1 (bc_dist's worst response)");
        for (String protocol : List.of("inherit", "protect")) {
            Result r = cli("run", PATHFINDER, "--set", PROTOCOL + protocol);
            assertEquals(0, r.code(), r.err());
            String table = taskTable(r.out());
            for (String task : List.of("bc_dist", "comms", "imaging", "asi_met")) {
                assertEquals(0, misses(table, task), protocol + ": " + table);
            }
            assertQuoted(table, protocol);
        }
    }

    @Test
    void piChain_tableAsQuoted() {
        Result r = cli("run", "scenarios/pi-chain.yaml");
        assertEquals(0, r.code(), r.err());
        assertQuoted(taskTable(r.out()), "step 5 (pi-chain)");
    }

    @Test
    void spinlockContention_fullSpins_rtSleeps() {
        String file = "scenarios/rt-spinlock-contention.yaml";
        Result full = cli("run", file, "--duration", "1s");
        assertEquals(0, full.code(), full.err());
        String t0 = full.out().substring(full.out().indexOf("Attribution of the max sample"));
        String first = t0.lines().skip(1).findFirst().orElseThrow();
        assertTrue(first.strip().startsWith("spinning on lock custom[0]/spinlock#0"), t0);
        assertQuoted(first, "step 6 (full, max-sample attribution)");
        Result rt = cli("run", file, "--duration", "1s", "--set", "host.kernel.preempt=rt");
        assertEquals(0, rt.code(), rt.err());
        assertTrue(!rt.out().contains("spinning on lock"), "rt: a spinlock_t must not spin");
        String rtMax = rt.out().lines().filter(l -> l.startsWith("  max")).findFirst().orElseThrow();
        assertQuoted(rtMax.strip(), "step 6 (rt, max over all threads)");
        String fullMax = full.out().lines().filter(l -> l.startsWith("  max")).findFirst().orElseThrow();
        assertQuoted(fullMax.strip(), "step 6 (full, max over all threads)");
    }

    @Test
    void deadlock_scenarioAndMessageAsQuoted() throws IOException {
        Path yaml = TUTORIAL_DIR.resolve("deadlock.yaml");
        assertQuoted(Files.readString(yaml, StandardCharsets.UTF_8).strip(), "step 7 (deadlock.yaml)");
        Result r = cli("run", yaml.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains("logger waits for state_lock held by control, control waits for log_lock held by"
                + " logger"), r.err());
        assertQuoted(r.err().strip(), "step 7 (the error line)");
    }

    @Test
    void perfettoJson_hasTheLockStory() throws IOException {
        Path json = tmp.resolve("pathfinder.json");
        Result r = cli("trace", PATHFINDER, "--from", "0ms", "--to", "250ms", "--set", PROTOCOL + "inherit",
                "--out", json.toString());
        assertEquals(0, r.code(), r.err());
        String s = Files.readString(json, StandardCharsets.UTF_8);
        for (String part : List.of("\"blocked on select_mutex\"", "\"boosted\"", "\"sched_pi_setprio\"",
                "\"lock_contended\"", "select_mutex held by asi_met", "10 -> 90", "90 -> 10")) {
            assertTrue(s.contains(part), part + " not in the JSON");
        }
    }
}
