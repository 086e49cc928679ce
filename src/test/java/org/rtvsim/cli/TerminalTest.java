package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Progress lines go to stderr only when it is a terminal: under the test runner it is a pipe or a file. */
class TerminalTest {

    @Test
    void stderrOfTheTestRunner_isNotATerminal() {
        assumeTrue(System.getenv("RTVSIM_PROGRESS") == null, "forced by RTVSIM_PROGRESS");
        assertFalse(Terminal.stderrIsTerminal());
    }
}
