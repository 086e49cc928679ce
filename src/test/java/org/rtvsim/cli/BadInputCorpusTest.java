package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus of issue 19: every file in {@code src/test/resources/bad/} is one case. Its first
 * comment lines say what to run and what to expect: {@code # expect: TEXT} (required; must appear in the error),
 * {@code # args: WORDS} (default {@code validate {file}}; {@code {file}} is the case, {@code {dir}} the corpus
 * folder, whose {@code aux/} holds the files cases point at) and {@code # located: TEXT} (what the error must name
 * instead of {@code FILE:LINE}). Each case must end within 10 s with exit code 2 and one located line
 * {@code rtvsim: error: …}, without a stack trace.
 */
class BadInputCorpusTest {
    private static final Path DIR = Path.of("src/test/resources/bad");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInput_exitsTwoWithOneLocatedLine(String name) throws IOException {
        Path file = DIR.resolve(name);
        String expect = null;
        String args = "validate {file}";
        String located = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.startsWith("# ")) {
                break;
            }
            if (line.startsWith("# expect: ")) {
                expect = line.substring(10);
            } else if (line.startsWith("# args: ")) {
                args = line.substring(8);
            } else if (line.startsWith("# located: ")) {
                located = line.substring(11);
            }
        }
        assertTrue(expect != null, name + " has no '# expect:' line");
        List<String> argv = new ArrayList<>();
        for (String w : args.trim().split("\\s+")) {
            argv.add(w.replace("{file}", file.toString()).replace("{dir}", DIR.toString()));
        }
        Cli r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Cli.run(argv.toArray(String[]::new)),
                name + " did not end within 10 s");
        String err = r.err();
        assertEquals(2, r.code(), () -> name + ": exit code; stderr: " + err);
        assertTrue(err.startsWith("rtvsim: error: "), () -> name + ": " + err);
        assertEquals(1, err.lines().count(), () -> name + ": one line expected: " + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception"), () -> name + ": " + err);
        String e = expect;
        assertTrue(err.contains(e), () -> name + ": '" + e + "' not in: " + err);
        if (located == null) {
            assertTrue(Pattern.compile(Pattern.quote(name) + ":\\d+").matcher(err).find(),
                    () -> name + ": not located at " + name + ":LINE: " + err);
        } else {
            String l = located;
            assertTrue(err.contains(l), () -> name + ": '" + l + "' not in: " + err);
        }
    }
}
