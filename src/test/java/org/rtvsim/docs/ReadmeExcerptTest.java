package org.rtvsim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.rtvsim.cli.Main;

/**
 * Keeps the README's "What you see" excerpt true: the command named in "Excerpt of `./rtvsim …`" is run
 * in-process and every line of the fenced block after it, apart from the {@code …} that shorten it, must
 * be a line it prints now.
 */
class ReadmeExcerptTest {
    static final Pattern EXCERPT = Pattern.compile("Excerpt of `\\./rtvsim ([^`]+)`[^\\n]*\\n+```\\n(.*?)\\n```",
            Pattern.DOTALL);

    @Test
    void excerptLines_arePrintedByTheCommand() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher m = EXCERPT.matcher(readme);
        assertTrue(m.find(), "README.md has no \"Excerpt of `./rtvsim …`\" followed by a fenced block");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            assertEquals(0, Main.run(m.group(1).split(" "), o, o));
        }
        Set<String> printed = out.toString(StandardCharsets.UTF_8).lines().map(String::stripTrailing)
                .collect(Collectors.toSet());
        List<String> quoted = m.group(2).lines().map(String::stripTrailing)
                .filter(l -> !l.isBlank() && !l.strip().startsWith("…")).toList();
        assertTrue(quoted.size() > 20, "the excerpt was not read: " + quoted);
        assertEquals(List.of(), quoted.stream().filter(l -> !printed.contains(l)).toList(),
                "lines the README quotes that `./rtvsim " + m.group(1) + "` no longer prints");
    }
}
