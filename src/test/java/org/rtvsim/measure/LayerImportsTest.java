package org.rtvsim.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps {@code measure} on {@code engine} only and {@code report} on {@code measure} and {@code engine} (unit formatting) only, as docs/architecture.md says. */
class LayerImportsTest {

    private static List<String> forbidden(String pkg, List<String> allowed) throws IOException {
        Path dir = Path.of("src/main/java/org/rtvsim", pkg);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream()
                            .filter(l -> l.startsWith("import org.rtvsim.") || l.startsWith("import static org.rtvsim."))
                            .filter(l -> allowed.stream().noneMatch(a -> l.contains("org.rtvsim." + a + ".")))
                            .map(l -> p.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void measure_importsOnlyEngine() throws IOException {
        assertEquals(List.of(), forbidden("measure", List.of("engine", "measure")));
    }

    @Test
    void report_importsOnlyMeasureAndEngine() throws IOException {
        assertEquals(List.of(), forbidden("report", List.of("measure", "report", "engine")));
    }
}
