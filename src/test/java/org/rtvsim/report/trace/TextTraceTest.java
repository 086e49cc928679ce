package org.rtvsim.report.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The ftrace-like listing of the tiny inversion trace matches its golden file byte for byte. */
class TextTraceTest {

    @Test
    void tinyTrace_matchesGoldenFile() throws IOException {
        StringBuilder sb = new StringBuilder();
        TextTrace.write(TinyTrace.build(), sb);
        String golden;
        try (InputStream in = TextTraceTest.class.getResourceAsStream("tiny.txt")) {
            golden = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (Boolean.getBoolean("rtvsim.updateGolden")) {
            Files.writeString(Path.of("src/test/resources/org/rtvsim/report/trace/tiny.txt"), sb);
        }
        assertEquals(golden, sb.toString());
    }
}
