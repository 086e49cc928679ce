package org.rtvsim.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the rule that all randomness comes from {@link StreamRegistry}: no source file under
 * {@code src/main/java} may use the JDK's own generators, which are unnamed, unseeded or shared.
 */
class NoAdHocRandomnessTest {

    private static final List<String> FORBIDDEN =
            List.of("Math.random", "new Random(", "ThreadLocalRandom", "SplittableRandom",
                    "new SecureRandom(");

    @Test
    void mainSources_useNoAdHocRandomGenerators() throws IOException {
        Path root = Path.of("src", "main", "java");
        assertTrue(Files.isDirectory(root), "run from the project directory: " + root.toAbsolutePath());
        List<String> hits = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    for (String word : FORBIDDEN) {
                        if (lines.get(i).contains(word)) {
                            hits.add(f + ":" + (i + 1) + ": " + word);
                        }
                    }
                }
            }
        }
        assertTrue(hits.isEmpty(), "ad-hoc randomness, use StreamRegistry streams instead:\n"
                + String.join("\n", hits));
    }
}
