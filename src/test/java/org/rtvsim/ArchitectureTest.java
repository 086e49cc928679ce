package org.rtvsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point down the layer table of DESIGN.md §2 (STYLE.md: "a plain JUnit test that reads the
 * import lines"): a package may use only packages listed before it; {@code report} sees only result
 * records ({@code measure}) and {@code engine}. Both {@code import} lines and fully qualified references
 * in code ({@code org.rtvsim.engine.DistSpec.Uniform}) count; comments do not.
 */
class ArchitectureTest {
    static final List<String> LAYERS = List.of("engine", "probe", "measure", "scenario", "hw", "kernel", "virt", "workload",
            "experiment", "measured", "tail", "calibrate", "report", "cli");
    private static final Path ROOT = Path.of("src/main/java/org/rtvsim");
    private static final Pattern REF = Pattern.compile("\\borg\\.rtvsim\\.([a-z_]+)\\.");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String packageOf(Path file) {
        Path rel = ROOT.relativize(file);
        return rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
    }

    /** The org.rtvsim packages a file uses, ignoring comments and its package line. */
    private static Set<String> uses(Path file) {
        Set<String> out = new TreeSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean inComment = false;
        for (String raw : lines) {
            String l = raw.strip();
            if (inComment) {
                if (l.contains("*/")) {
                    inComment = false;
                }
                continue;
            }
            if (l.startsWith("/*")) {
                inComment = !l.contains("*/");
                continue;
            }
            if (l.startsWith("//") || l.startsWith("*") || l.startsWith("package ")) {
                continue;
            }
            int slashes = l.indexOf("//");
            if (slashes >= 0) {
                l = l.substring(0, slashes);
            }
            Matcher m = REF.matcher(l);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    private static boolean allowed(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        if (from.equals("report")) {
            return to.equals("measure") || to.equals("engine");
        }
        return LAYERS.indexOf(to) >= 0 && LAYERS.indexOf(to) < LAYERS.indexOf(from);
    }

    @Test
    void mainPackages_allKnownLayers() throws IOException {
        Set<String> unknown = new TreeSet<>();
        for (Path p : sources()) {
            String pkg = packageOf(p);
            if (!LAYERS.contains(pkg)) {
                unknown.add(pkg.isEmpty() ? p.getFileName().toString() : pkg);
            }
        }
        assertEquals(Set.of(), unknown, "packages outside the layer table of DESIGN.md");
    }

    @Test
    void dependencies_pointOnlyToEarlierLayers() throws IOException {
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Path p : sources()) {
            String from = packageOf(p);
            for (String to : uses(p)) {
                checked++;
                if (!allowed(from, to)) {
                    violations.add(ROOT.relativize(p) + ": " + from + " -> " + to);
                }
            }
        }
        assertTrue(checked > 50, "the scan found the imports (" + checked + ")");
        assertEquals(List.of(), violations);
    }

    @Test
    void allowed_reportUsingKernel_isAViolation() {
        assertTrue(!allowed("report", "kernel") && !allowed("engine", "measure") && allowed("cli", "report")
                && !allowed("kernel", "workload") && allowed("workload", "kernel"));
    }
}
