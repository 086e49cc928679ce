package org.rtvsim.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The files facts come from, read under an injectable root ({@code /} on the real machine, a temporary tree in
 * tests) and named by their path on the real machine. Reading never throws: a missing file is empty, and
 * {@link #whyNot} says why.
 */
final class FactFiles {
    private final Path root;

    FactFiles(Path root) {
        this.root = root;
    }

    /** The file at the absolute path {@code abs}, under the root. */
    Path at(String abs) {
        return root.resolve(abs.substring(1));
    }

    /** The text of the file at {@code abs}, or empty. */
    Optional<String> read(String abs) {
        try {
            return Optional.of(Files.readString(at(abs), StandardCharsets.ISO_8859_1));
        } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The trimmed text of the file at {@code abs}, or empty. */
    Optional<String> line(String abs) {
        return read(abs).map(String::trim);
    }

    /** Why the file at {@code abs} could not be read. */
    String whyNot(String abs) {
        Path p = at(abs);
        if (!Files.exists(p)) {
            return abs + " does not exist";
        }
        return abs + " is not readable" + (Files.isReadable(p) ? " (read failed)" : " (permission denied)");
    }

    /** The cpuN directories under /sys/devices/system/cpu, in CPU order. */
    List<String> cpuDirs() {
        TreeMap<Integer, String> out = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(at("/sys/devices/system/cpu"), "cpu[0-9]*")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.matches("cpu\\d+")) {
                    out.put(Integer.parseInt(n.substring(3)), n);
                }
            }
        } catch (IOException | SecurityException e) {
            // none
        }
        return new ArrayList<>(out.values());
    }
}
