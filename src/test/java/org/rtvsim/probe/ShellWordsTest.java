package org.rtvsim.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** POSIX shell word splitting (XCU 2.2, 2.6.5), shared by measure --load and the command import. */
class ShellWordsTest {
    @Test
    void blanksQuotesAndEscapes() {
        assertEquals(List.of("-m", "-p", "80"), ShellWords.split("  -m\t-p \n80 "));
        assertEquals(List.of("a b", "c'd", "e\"f"), ShellWords.split("'a b' \"c'd\" e\\\"f"));
        assertEquals(List.of("ab", ""), ShellWords.split("a''b ''"));
        assertEquals(List.of(""), ShellWords.split("\"\""));
        assertEquals(List.of(), ShellWords.split("   "));
    }

    @Test
    void backslashInDoubleQuotes_quotesOnlyDollarBacktickQuoteBackslash() {
        // the two former splitters disagreed here: one took every \x in "…" as x, the other ended at \"
        assertEquals(List.of("a\"b"), ShellWords.split("\"a\\\"b\""));
        assertEquals(List.of("a\\nb"), ShellWords.split("\"a\\nb\""));
        assertEquals(List.of("$x\\"), ShellWords.split("\"\\$x\\\\\""));
        assertEquals(List.of("a\\b"), ShellWords.split("'a\\b'"));
    }

    @Test
    void continuationAndTrailingBackslash() {
        assertEquals(List.of("ab", "c"), ShellWords.split("a\\\nb c"));
        assertEquals(List.of("a\\"), ShellWords.split("a\\"));
    }

    @Test
    void unbalancedQuote_namesTheQuote() {
        assertEquals('\'', assertThrows(ShellWords.UnbalancedQuote.class, () -> ShellWords.split("a 'b")).quote());
        assertEquals('"', assertThrows(ShellWords.UnbalancedQuote.class, () -> ShellWords.split("\"b")).quote());
    }

    @Test
    void loadProcessAndAtoi() {
        assertEquals(List.of("stress-ng", "--cpu", "4", "a b"), LoadProcess.argv("stress-ng --cpu 4 \"a b\""));
        assertEquals(List.of("sh", "-c", "a | b"), LoadProcess.argv("a | b"));
        assertEquals(-5, Getopt.atoi(" -5x"));
        assertEquals(0, Getopt.atoi("!1"));
        assertEquals(3, Getopt.atoi("+3"));
    }
}
