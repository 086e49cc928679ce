package org.rtvsim.report.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.measure.Trace;

/** The Chrome/Perfetto JSON of the tiny inversion trace parses and has the expected tracks and events. */
class PerfettoTraceTest {
    @TempDir
    Path dir;

    private static JsonNode parse(Trace t) throws IOException {
        StringWriter w = new StringWriter();
        PerfettoTrace.write(t, w);
        return new ObjectMapper().readTree(w.toString());
    }

    private static List<JsonNode> withPh(JsonNode root, String ph) {
        List<JsonNode> out = new ArrayList<>();
        root.get("traceEvents").forEach(e -> {
            if (ph.equals(e.get("ph").asText())) {
                out.add(e);
            }
        });
        return out;
    }

    @Test
    void tinyTrace_parsesWithOneThreadPerCpuAndTask() throws IOException {
        JsonNode root = parse(TinyTrace.build());
        assertEquals("ns", root.get("displayTimeUnit").asText());
        List<String> threads = new ArrayList<>();
        for (JsonNode m : withPh(root, "M")) {
            if (m.get("name").asText().equals("thread_name")) {
                threads.add(m.get("pid").asInt() + ":" + m.get("args").get("name").asText());
            }
        }
        assertEquals(List.of("1:cpu0", "1:cpu1", "2:high", "2:low", "2:mid"), threads);
    }

    @Test
    void tinyTrace_hasOneCompleteEventPerIntervalAndOneInstantPerPoint() throws IOException {
        JsonNode root = parse(TinyTrace.build());
        List<JsonNode> x = withPh(root, "X");
        assertEquals(TinyTrace.CPU_SPANS, x.stream().filter(e -> e.get("pid").asInt() == 1).count());
        assertEquals(TinyTrace.STATE_SPANS, x.stream().filter(e -> e.get("pid").asInt() == 2).count());
        List<JsonNode> i = withPh(root, "i");
        assertEquals(TinyTrace.INSTANTS, i.size());
        i.forEach(e -> assertEquals("t", e.get("s").asText()));
    }

    @Test
    void blockedInterval_isNamedForTheLockInMicroseconds() throws IOException {
        JsonNode root = parse(TinyTrace.build());
        JsonNode blocked = withPh(root, "X").stream().filter(e -> e.get("name").asText().equals("blocked on L"))
                .findFirst().orElseThrow();
        assertEquals(1150.0, blocked.get("ts").asDouble(), 1e-9);
        assertEquals(250.0, blocked.get("dur").asDouble(), 1e-9);
        assertEquals("blocked_on_lock", blocked.get("cat").asText());
        JsonNode smi = withPh(root, "X").stream().filter(e -> e.get("name").asText().equals("SMI (firmware)"))
                .findFirst().orElseThrow();
        assertEquals("no_supply", smi.get("cat").asText());
        assertEquals(0, smi.get("tid").asInt());
    }

    @Test
    void timedEvents_areInTimeOrder_andOutputIsStable() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        PerfettoTrace.write(TinyTrace.build(), a);
        PerfettoTrace.write(TinyTrace.build(), b);
        assertEquals(Files.readString(a), Files.readString(b));
        double last = -1;
        for (JsonNode e : new ObjectMapper().readTree(a.toFile()).get("traceEvents")) {
            if (e.has("ts")) {
                assertTrue(e.get("ts").asDouble() >= last, e.toString());
                last = e.get("ts").asDouble();
            }
        }
    }
}
