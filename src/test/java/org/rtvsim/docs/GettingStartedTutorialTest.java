package org.rtvsim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.cli.Main;

/**
 * Keeps {@code docs/tutorials/getting-started.md} true. Every fenced block that starts with
 * {@code ./rtvsim} is a command; the output blocks after it, up to the next command, quote its output.
 * Each command is run in-process ({@code results/} redirected to a temporary folder) and every quoted
 * line, apart from the {@code …} that shorten it, must be a line of what it prints now.
 *
 * <p>Not checked: {@code ./rtvsim --version} (its first line comes from the launcher script), and the
 * output of blocks that mix rtvsim with shell commands such as {@code ls} or {@code head}.
 */
class GettingStartedTutorialTest {
    static final Path TUTORIAL = Path.of("docs", "tutorials", "getting-started.md");

    @TempDir
    Path tmp;

    /** A command of the tutorial and the output lines quoted for it. */
    record Quote(String command, List<String> lines) {
    }

    static List<List<String>> fencedBlocks(String markdown) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                if (current == null) {
                    current = new ArrayList<>();
                } else {
                    blocks.add(current);
                    current = null;
                }
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    static Map<String, Quote> quotes(String markdown) {
        Map<String, Quote> quotes = new LinkedHashMap<>();
        Quote last = null;
        for (List<String> block : fencedBlocks(markdown)) {
            String first = block.isEmpty() ? "" : block.get(0);
            boolean command = first.startsWith("./rtvsim ") || first.startsWith("sudo ") || first.startsWith("ls ")
                    || first.startsWith("head ");
            if (command) {
                String joined = String.join("\n", block).replace("\\\n", " ").replaceAll(" +", " ");
                boolean onlyRtvsim = joined.lines().allMatch(l -> l.startsWith("./rtvsim "));
                boolean checked = onlyRtvsim && joined.lines().count() == 1 && !joined.contains("--version");
                last = checked ? quotes.computeIfAbsent(joined, c -> new Quote(c, new ArrayList<>())) : null;
            } else if (last != null) {
                block.stream().map(String::stripTrailing).filter(l -> !l.strip().startsWith("…") && !l.isBlank())
                        .forEach(last.lines()::add);
            }
        }
        return quotes;
    }

    String run(String command) {
        String[] args = Arrays.stream(command.substring("./rtvsim ".length()).split(" "))
                .map(a -> a.startsWith("results/") ? tmp.resolve(a).toString() : a)
                .toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            Main.run(args, o, o);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyQuotedLine_isPrintedByItsCommand() throws IOException {
        Map<String, Quote> quotes = quotes(Files.readString(TUTORIAL, StandardCharsets.UTF_8));
        assertTrue(quotes.size() >= 4, "the tutorial's commands were not found: " + quotes.keySet());
        for (Quote q : quotes.values()) {
            Set<String> printed = run(q.command()).lines().map(String::stripTrailing).collect(Collectors.toSet());
            List<String> missing = q.lines().stream().filter(l -> !printed.contains(l)).toList();
            assertEquals(List.of(), missing, "lines quoted for `" + q.command() + "` that it no longer prints");
        }
    }
}
