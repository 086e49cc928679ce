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

    /** Wake-up → run arrows: high is woken at 1100 µs (runs at 1102), mid at 1300 µs (runs at 1500). */
    @Test
    void wakeups_haveFlowsFromTheWakingCpuToTheTasksNextRun() throws IOException {
        JsonNode root = parse(TinyTrace.build());
        List<JsonNode> starts = withPh(root, "s");
        List<JsonNode> ends = withPh(root, "f");
        assertEquals(2, starts.size());
        assertEquals(2, ends.size());
        assertEquals(1100.0, starts.get(0).get("ts").asDouble(), 1e-9);
        assertEquals(1, starts.get(0).get("pid").asInt());
        assertEquals(0, starts.get(0).get("tid").asInt());
        JsonNode high = ends.stream().filter(e -> e.get("id").asInt() == starts.get(0).get("id").asInt())
                .findFirst().orElseThrow();
        assertEquals(1102.0, high.get("ts").asDouble(), 1e-9);
        assertEquals(2, high.get("pid").asInt());
        assertEquals(1, high.get("tid").asInt()); // high: first task by name
        assertEquals("e", high.get("bp").asText());
        assertEquals(1500.0, ends.get(1).get("ts").asDouble(), 1e-9);
    }

    /** low (FIFO 1) is boosted to 3 while high waits on L (1150–1400 µs); cpu0 runs or queues 1, 2, 1, 2, 3, 2 tasks. */
    @Test
    void counters_priorityWithBoost_andRunnableTasksPerCpu() throws IOException {
        JsonNode root = parse(TinyTrace.build());
        List<String> low = new ArrayList<>();
        List<String> cpu0 = new ArrayList<>();
        for (JsonNode c : withPh(root, "C")) {
            String at = c.get("ts").asText() + ":";
            if (c.get("name").asText().equals("prio low")) {
                low.add(at + c.get("args").get("static").asInt() + "/" + c.get("args").get("effective").asInt());
            } else if (c.get("name").asText().equals("runnable cpu0")) {
                cpu0.add(at + c.get("args").get("tasks").asInt());
            }
        }
        assertEquals(List.of("1000.0:1/1", "1150.0:1/3", "1400.0:1/1"), low);
        assertEquals("1000.0:1", cpu0.get(0));
        assertTrue(cpu0.contains("1100.0:2"), cpu0.toString());
        assertTrue(cpu0.contains("1150.0:1"), cpu0.toString());
        assertTrue(cpu0.contains("1300.0:2"), cpu0.toString());
        assertTrue(cpu0.contains("1400.0:3"), cpu0.toString()); // high runs again, low and mid wait
        assertEquals("1500.0:2", cpu0.get(cpu0.size() - 1));
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
