package org.rtvsim.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rtvsim.measure.ReplicatedGroup;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.StatisticCI;
import org.rtvsim.measure.ThreadResult;

/**
 * Writes {@code summary.json} of a replicated run (more than one replication), times in nanoseconds:
 * the scenario header, {@code replications}, {@code confidence}, the {@code groups} with every
 * statistic's pooled value, mean, interval and per-replication values, the pooled SLO, and under
 * {@code runs} each replication's threads in the single-run layout. Same bytes for the same result;
 * {@code docs/output-reference.md} lists every key.
 */
public final class ReplicatedJson {
    private ReplicatedJson() {
    }

    /** Writes the summary to {@code path}; {@code stats} adds the events simulated. */
    public static void write(ReplicatedResult r, Path path, boolean stats) throws IOException {
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            SummaryJson.writeTree(tree(r, stats), w);
        }
    }

    /** The summary as a string. */
    public static String toString(ReplicatedResult r, boolean stats) throws IOException {
        StringWriter w = new StringWriter();
        SummaryJson.writeTree(tree(r, stats), w);
        return w.toString();
    }

    static ObjectNode tree(ReplicatedResult r, boolean stats) {
        ObjectNode root = SummaryJson.MAPPER.createObjectNode();
        root.put("scenario", r.scenario());
        root.put("source", r.source());
        root.put("seed", r.seed());
        root.put("duration_ns", r.durationNs());
        root.put("warmup_ns", r.warmupNs());
        root.put("replications", r.replications());
        root.put("confidence", r.confidence());
        ArrayNode groups = root.putArray("groups");
        for (ReplicatedGroup g : r.groups()) {
            groups.add(group(g));
        }
        if (r.slo() == null) {
            root.putNull("slo");
        } else {
            ObjectNode s = root.putObject("slo");
            s.put("percentile", r.slo().percentile());
            s.put("limit_ns", r.slo().limitNs());
            s.put("value_ns", r.slo().valueNs());
            s.put("met", r.slo().met());
            SloText.json(r.slo(), s);
        }
        ArrayNode runs = root.putArray("runs");
        for (int i = 0; i < r.runs().size(); i++) {
            RunResult run = r.runs().get(i);
            ObjectNode o = runs.addObject();
            o.put("replication", i);
            o.put("smi_count", run.smiCount());
            ArrayNode threads = o.putArray("threads");
            for (ThreadResult t : run.threads()) {
                threads.add(SummaryJson.thread(t));
            }
        }
        if (stats) {
            root.putObject("stats").put("events", r.events());
        }
        return root;
    }

    static ObjectNode group(ReplicatedGroup g) {
        ObjectNode o = SummaryJson.MAPPER.createObjectNode();
        o.put("group", g.label());
        o.put("thread", g.thread());
        o.put("cpu", g.cpu());
        o.put("samples", g.samples());
        ArrayNode stats = o.putArray("statistics");
        for (StatisticCI s : g.statistics()) {
            stats.add(statistic(s));
        }
        return o;
    }

    static ObjectNode statistic(StatisticCI s) {
        ObjectNode o = SummaryJson.MAPPER.createObjectNode();
        o.put("name", s.name());
        number(o, "p", s.p());
        number(o, "pooled_ns", s.pooledNs());
        number(o, "mean_ns", s.meanNs());
        number(o, "ci_low_ns", s.lowNs());
        number(o, "ci_high_ns", s.highNs());
        o.put("n", s.n());
        o.put("supported", s.supported());
        o.put("supported_each", s.supportedEach());
        ArrayNode values = o.putArray("values_ns");
        for (double v : s.valuesNs()) {
            values.add(v);
        }
        return o;
    }

    /** A number, or null for NaN (JSON has no NaN). */
    static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
