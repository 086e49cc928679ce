package org.rtvsim.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * A reference task set in the {@code rt-taskset/v1} JSON format ({@code benchmarks/tasksets/*.json}):
 * partitioned fixed-priority periodic tasks, times in whole microseconds, a higher {@code priority}
 * value meaning a higher priority, with the exact worst-case response times of response-time
 * analysis in {@code expected_wcrt}. {@link #toScenario()} turns it into a textbook scenario
 * ({@code overheads: none}, {@code preempt: full}, no RT throttling, no warm-up, fixed execution
 * times, SCHED_FIFO) whose maximum response times must equal {@code expected_wcrt}.
 *
 * <p>Priorities: when every value is already in 1..99 they are kept. Otherwise they are mapped per
 * CPU by rank (tasks only compete with tasks on their own CPU): the distinct values of a CPU, lowest
 * first, become FIFO 1, 2, …; a CPU with exactly 100 distinct values (the {@code bench_n100_m1} set)
 * puts its lowest-priority task(s) in SCHED_OTHER, which every FIFO task preempts — exact as long as
 * that level holds a single task or its tasks never overlap, and with no overheads the fair class adds
 * no cost. More than 100 distinct values on one CPU is an error.
 */
public final class TaskSetFile {
    /** The schema name this reader accepts. */
    public static final String SCHEMA = "rt-taskset/v1";

    /** One task as written in the file (µs) and as mapped for the scenario. */
    public record TaskEntry(String name, long periodUs, long wcetUs, long deadlineUs, long offsetUs, int priority,
                            int cpu, String policy, int mappedPriority) {
    }

    private final String source;
    private final String name;
    private final int cpus;
    private final long durationUs;
    private final List<TaskEntry> tasks;
    private final Map<String, Long> expectedWcrtUs;

    private TaskSetFile(String source, String name, int cpus, long durationUs, List<TaskEntry> tasks,
                        Map<String, Long> expectedWcrtUs) {
        this.source = source;
        this.name = name;
        this.cpus = cpus;
        this.durationUs = durationUs;
        this.tasks = List.copyOf(tasks);
        this.expectedWcrtUs = Collections.unmodifiableMap(new LinkedHashMap<>(expectedWcrtUs));
    }

    /** Reads and validates a task-set file; an unreadable or malformed file is an IllegalArgumentException. */
    public static TaskSetFile read(Path file) {
        String text;
        try {
            text = org.rtvsim.engine.TextFiles.read(file, org.rtvsim.engine.TextFiles.SCENARIO_MAX_BYTES);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the task set: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses JSON text; {@code fileName} names it in messages. */
    public static TaskSetFile parse(String json, String fileName) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(fileName + (l == null ? "" : ":" + l.getLineNr() + ":" + l.getColumnNr())
                    + ": not valid JSON: " + msg, e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(fileName + ": expected a JSON object at the top level");
        }
        String schema = text(root, "schema", fileName);
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException(fileName + ": schema: expected \"" + SCHEMA + "\"; got \"" + schema
                    + "\"");
        }
        if (root.has("time_unit") && !"us".equals(root.get("time_unit").asText())) {
            throw new IllegalArgumentException(fileName + ": time_unit: expected \"us\"; got "
                    + root.get("time_unit"));
        }
        if (root.has("priority_order") && !"higher-value-is-higher-priority".equals(
                root.get("priority_order").asText())) {
            throw new IllegalArgumentException(fileName + ": priority_order: expected "
                    + "\"higher-value-is-higher-priority\"; got " + root.get("priority_order"));
        }
        String name = text(root, "name", fileName);
        int cpus = (int) integer(root, "cpus", fileName, 1, 4096);
        long duration = integer(root, "duration", fileName, 1, Long.MAX_VALUE / 1000);
        JsonNode list = root.get("tasks");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": tasks: expected a non-empty array of tasks; got "
                    + (list == null ? "nothing" : list.getNodeType().toString().toLowerCase()));
        }
        List<long[]> raw = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            String where = "tasks[" + i + "]";
            if (!t.isObject()) {
                throw new IllegalArgumentException(fileName + ": " + where + ": expected an object; got " + t);
            }
            String tn = text(t, "name", fileName, where + ".name");
            if (!seen.add(tn)) {
                throw new IllegalArgumentException(fileName + ": " + where + ".name: task name '" + tn
                        + "' appears twice");
            }
            long period = integer(t, "period", fileName, where + ".period", 1, Long.MAX_VALUE / 1000);
            long wcet = integer(t, "wcet", fileName, where + ".wcet", 0, Long.MAX_VALUE / 1000);
            long deadline = t.has("deadline")
                    ? integer(t, "deadline", fileName, where + ".deadline", 1, Long.MAX_VALUE / 1000) : period;
            long offset = t.has("offset")
                    ? integer(t, "offset", fileName, where + ".offset", 0, Long.MAX_VALUE / 1000) : 0;
            long prio = integer(t, "priority", fileName, where + ".priority", Integer.MIN_VALUE, Integer.MAX_VALUE);
            long cpu = t.has("cpu") ? integer(t, "cpu", fileName, where + ".cpu", 0, cpus - 1) : 0;
            names.add(tn);
            raw.add(new long[] {period, wcet, deadline, offset, prio, cpu});
        }
        List<TaskEntry> tasks = mapPriorities(fileName, names, raw);
        Map<String, Long> wcrt = new LinkedHashMap<>();
        JsonNode exp = root.get("expected_wcrt");
        if (exp != null) {
            if (!exp.isObject()) {
                throw new IllegalArgumentException(fileName + ": expected_wcrt: expected an object {task: µs}; got "
                        + exp.getNodeType().toString().toLowerCase());
            }
            for (var it = exp.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!seen.contains(e.getKey())) {
                    throw new IllegalArgumentException(fileName + ": expected_wcrt." + e.getKey()
                            + ": no task of that name");
                }
                if (!e.getValue().canConvertToLong() || !e.getValue().isIntegralNumber()) {
                    throw new IllegalArgumentException(fileName + ": expected_wcrt." + e.getKey()
                            + ": expected an integer (µs); got " + e.getValue());
                }
                wcrt.put(e.getKey(), e.getValue().asLong());
            }
        }
        return new TaskSetFile(fileName, name, cpus, duration, tasks, wcrt);
    }

    private static List<TaskEntry> mapPriorities(String fileName, List<String> names, List<long[]> raw) {
        boolean allFit = raw.stream().allMatch(r -> r[4] >= 1 && r[4] <= 99);
        Map<Long, List<Long>> byCpu = new TreeMap<>();
        if (!allFit) {
            Map<Long, TreeSet<Long>> distinct = new TreeMap<>();
            for (long[] r : raw) {
                distinct.computeIfAbsent(r[5], c -> new TreeSet<>()).add(r[4]);
            }
            for (var e : distinct.entrySet()) {
                if (e.getValue().size() > 100) {
                    throw new IllegalArgumentException(fileName + ": tasks[].priority: cpu " + e.getKey() + " has "
                            + e.getValue().size() + " distinct priorities; at most 100 map onto SCHED_FIFO 1..99 "
                            + "plus SCHED_OTHER");
                }
                byCpu.put(e.getKey(), new ArrayList<>(e.getValue()));
            }
        }
        List<TaskEntry> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            long[] r = raw.get(i);
            String policy = "fifo";
            int mapped = (int) r[4];
            if (!allFit) {
                List<Long> levels = byCpu.get(r[5]);
                int rank = levels.indexOf(r[4]); // 0 = lowest
                if (levels.size() == 100) {
                    mapped = rank; // 0 → SCHED_OTHER
                    policy = rank == 0 ? "other" : "fifo";
                } else {
                    mapped = rank + 1;
                }
            }
            out.add(new TaskEntry(names.get(i), r[0], r[1], r[2], r[3], (int) r[4], (int) r[5], policy, mapped));
        }
        return out;
    }

    private static String text(JsonNode n, String field, String fileName) {
        return text(n, field, fileName, field);
    }

    private static String text(JsonNode n, String field, String fileName, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(fileName + ": " + where + ": missing (expected a string)");
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException(fileName + ": " + where + ": expected a non-empty string; got " + v);
        }
        return v.asText();
    }

    private static long integer(JsonNode n, String field, String fileName, long min, long max) {
        return integer(n, field, fileName, field, min, max);
    }

    private static long integer(JsonNode n, String field, String fileName, String where, long min, long max) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(fileName + ": " + where + ": missing (expected an integer)");
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(fileName + ": " + where + ": expected an integer; got " + v);
        }
        long x = v.asLong();
        if (x < min || x > max) {
            throw new IllegalArgumentException(fileName + ": " + where + ": expected an integer in " + min + ".."
                    + max + "; got " + x);
        }
        return x;
    }

    public String source() {
        return source;
    }

    public String name() {
        return name;
    }

    public int cpus() {
        return cpus;
    }

    public long durationUs() {
        return durationUs;
    }

    public List<TaskEntry> tasks() {
        return tasks;
    }

    /** {@code expected_wcrt} in µs, by task name, in file order (empty when absent). */
    public Map<String, Long> expectedWcrtUs() {
        return expectedWcrtUs;
    }

    /** {@code expected_wcrt} in ns, by task name, in file order. */
    public Map<String, Long> expectedWcrtNs() {
        Map<String, Long> m = new LinkedHashMap<>();
        expectedWcrtUs.forEach((k, v) -> m.put(k, v * 1000));
        return Collections.unmodifiableMap(m);
    }

    /** The scenario as YAML text (see the class comment for what it sets). */
    public String toYaml() {
        StringBuilder y = new StringBuilder();
        y.append("name: ").append(quote(name)).append('\n');
        y.append("description: ").append(quote("task set " + name + " from " + source)).append('\n');
        y.append("duration: ").append(durationUs).append("us\n");
        y.append("warmup: 0ns\n");
        y.append("hardware:\n  cpus: ").append(cpus).append('\n');
        y.append("host:\n  kernel: {preempt: full, overheads: none, rt_throttling: off}\n");
        y.append("  workload:\n    - periodic:\n        tasks:\n");
        for (TaskEntry t : tasks) {
            y.append("          - {name: ").append(quote(t.name()))
                    .append(", period: ").append(t.periodUs()).append("us")
                    .append(", wcet: {fixed: ").append(t.wcetUs()).append("us}")
                    .append(", priority: ").append(t.mappedPriority())
                    .append(", policy: ").append(t.policy())
                    .append(", cpu: ").append(t.cpu())
                    .append(", offset: ").append(t.offsetUs()).append("us")
                    .append(", deadline: ").append(t.deadlineUs()).append("us}\n");
        }
        y.append("measure:\n  attribution: false\n");
        return y.toString();
    }

    /** The scenario, loaded (and so validated) by {@link ScenarioLoader#loadString}. */
    public ScenarioSpec toScenario() {
        return ScenarioLoader.loadString(toYaml(), source, List.of());
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
