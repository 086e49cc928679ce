package org.rtvsim.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line given as one string, split into words as a POSIX shell splits them (XCU 2.2 Quoting, 2.6.5 Field
 * Splitting), without expansions: blanks (space, tab, newline) separate words; inside single quotes every character
 * is literal; inside double quotes a backslash quotes only {@code $ ` " \} and newline and is otherwise kept; outside
 * quotes a backslash quotes the next character; a backslash-newline is removed (line continuation) outside single
 * quotes; {@code ''} and {@code ""} make an empty word. A backslash at the very end stays a literal backslash.
 */
public final class ShellWords {
    /** A quote with no closing partner; {@code quote} is {@code '} or {@code "}. */
    public static final class UnbalancedQuote extends RuntimeException {
        private final char quote;

        UnbalancedQuote(char quote) {
            super("unbalanced " + quote + " quote", null, false, false);
            this.quote = quote;
        }

        public char quote() {
            return quote;
        }
    }

    private ShellWords() {
    }

    /**
     * The words of {@code text}.
     *
     * @throws UnbalancedQuote when a quote is not closed
     */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < n && "$`\"\\\n".indexOf(text.charAt(i + 1)) >= 0) {
                    char next = text.charAt(++i);
                    if (next != '\n') {
                        cur.append(next);
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < n) {
                char next = text.charAt(++i);
                if (next != '\n') {
                    cur.append(next);
                    inWord = true;
                }
            } else if (c == ' ' || c == '\t' || c == '\n') {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new UnbalancedQuote(quote);
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return List.copyOf(words);
    }
}
