package org.rtvsim.report.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The text trace has the kernel's line shape and field names: every event line parses with the line
 * grammar of Perfetto's systrace importer (src/trace_processor/importers/systrace/systrace_line_tokenizer.cc:
 * {@code comm-pid [cpu] flags{0,4} seconds.micro: event: args}), in the same columns as real lines
 * (kernel-lines.txt, with its provenance), and the sched events carry exactly the real lines' keys.
 */
class KernelFormatTest {
    /** Perfetto's systrace line grammar, restated. */
    private static final Pattern LINE = Pattern.compile(
            "-(\\d+)\\s+\\(?\\s*(\\d+|-+)?\\)?\\s?\\[(\\d+)\\]\\s*[a-zA-Z0-9.]{0,4}\\s+(\\d+\\.\\d+):\\s+(\\S+):");

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.startsWith("#") && !l.startsWith("cpus=") && !l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }

    /** key=value arguments after the event name, in order ("==>" and bare words skipped). */
    private static Map<String, String> args(String line, Matcher m) {
        Map<String, String> a = new LinkedHashMap<>();
        for (String tok : line.substring(m.end()).trim().split(" ")) {
            int eq = tok.indexOf('=');
            if (eq > 0) {
                a.put(tok.substring(0, eq), tok.substring(eq + 1));
            }
        }
        return a;
    }

    private static String event(String line) {
        Matcher m = LINE.matcher(line);
        assertTrue(m.find(), "not a kernel trace line: " + line);
        return m.group(5);
    }

    @Test
    void everyLineParsesLikeRealLines_sameColumns_sameKeys() throws IOException {
        String real;
        try (InputStream in = KernelFormatTest.class.getResourceAsStream("kernel-lines.txt")) {
            real = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> realKeys = new LinkedHashMap<>();
        int realBracket = -1;
        int realColon = -1;
        for (String l : lines(real)) {
            Matcher m = LINE.matcher(l);
            assertTrue(m.find(), l);
            realKeys.put(m.group(5), new ArrayList<>(args(l, m).keySet()));
            realBracket = l.indexOf(" [");
            realColon = l.indexOf("] ") + 2; // the flags column; the timestamp is %5lu.%06lu after it
        }
        StringBuilder sb = new StringBuilder();
        TextTrace.write(TinyTrace.build(), sb);
        String ours = sb.toString();
        assertTrue(ours.startsWith("cpus=2\n# tracer: nop\n"), "trace-cmd's cpus= line, then ftrace's header");
        int checked = 0;
        for (String l : lines(ours)) {
            Matcher m = LINE.matcher(l);
            assertTrue(m.find(), "not a kernel trace line: " + l);
            assertEquals(realBracket, l.indexOf(" ["), "CPU column: " + l);
            assertEquals(realColon, l.indexOf("] ") + 2, "flags column: " + l);
            assertTrue(l.substring(realColon + 5).matches(" {0,4}\\d{1,}\\.\\d{6}: .*"), "timestamp: " + l);
            List<String> keys = realKeys.get(m.group(5));
            if (keys != null) {
                assertEquals(keys, new ArrayList<>(args(l, m).keySet()), l);
                checked++;
            }
        }
        assertTrue(checked >= 6, "sched_switch/sched_waking/sched_wakeup lines compared: " + checked);
    }

    @Test
    void pidsAreDistinct_priosInKernelNumbering_boostShows() throws IOException {
        StringBuilder sb = new StringBuilder();
        TextTrace.write(TinyTrace.build(), sb);
        String ours = sb.toString();
        assertTrue(ours.contains("sched_switch: prev_comm=high prev_pid=1001 prev_prio=96 prev_state=D ==> "
                + "next_comm=low next_pid=1003 next_prio=96"), "low runs boosted to high's prio while high blocks");
        assertTrue(ours.contains("sched_pi_setprio: comm=low pid=1003 oldprio=98 newprio=96"));
        assertTrue(ours.contains("low-1003  [000] dN.1     0.001100: sched_wakeup: comm=high pid=1001 prio=96"),
                "need-resched set by the wake-up of a higher-priority task");
        assertTrue(ours.contains("<idle>-0     [001] d.h1     0.001200: local_timer_entry: vector=236"));
        for (String l : lines(ours)) {
            event(l);
        }
    }

    @Test
    void softirqVectorsFollowTheKernelNames() {
        assertEquals(9, TextTrace.softirqVector("RCU softirq: callbacks"));
        assertEquals(1, TextTrace.softirqVector("TIMER softirq: timer-wheel callbacks"));
        assertEquals(6, TextTrace.softirqVector("softirq eth0"));
    }
}
