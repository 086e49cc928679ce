package org.rtvsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonTest {

    @Test
    void write_handMadeRun_matchesGolden(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("summary.json");
        SummaryJson.write(Fixtures.twoThreads(), json);
        String expected;
        try (InputStream in = SummaryJsonTest.class.getResourceAsStream("two-threads.summary.json")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(json));
    }

    @Test
    void write_withoutStats_hasNoWallClockNumbers() throws IOException {
        String json = SummaryJson.toString(Fixtures.twoThreads(), false);
        assertFalse(json.contains("987654321"));
        assertFalse(json.contains("\"events\""));
        String withStats = SummaryJson.toString(Fixtures.twoThreads(), true);
        assertTrue(withStats.contains("\"stats\": {\n    \"events\": 12345,\n    \"wall_nanos\": 987654321\n  }"), withStats);
    }

    @Test
    void write_sameResult_givesSameBytes() throws IOException {
        assertEquals(SummaryJson.toString(Fixtures.twoThreads(), false), SummaryJson.toString(Fixtures.twoThreads(), false));
    }
}
