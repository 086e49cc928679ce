package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code rtvsim run workload.json}: an rt-app description is detected by its content, not its name. */
class RtAppCliTest {
    private static final String DIR = "src/test/resources/org/rtvsim/scenario/rtapp/";

    @Test
    void rtAppJson_runsAsAScenario() {
        Cli r = Cli.run("run", DIR + "inversion.json", "--duration", "300ms", "--no-progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("high") && r.out().contains("low"), r.out());
    }

    @Test
    void rtAppJson_unsupportedEvent_isExitTwoNamingIt() {
        Cli r = Cli.run("run", DIR + "unsupported.json", "--no-progress");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("unsupported.json:"), r.err());
    }
}
