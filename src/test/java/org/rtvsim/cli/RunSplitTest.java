package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/** {@code run --split K}: identical output for any thread count, bad values rejected, and statistically one long run. */
class RunSplitTest {
    @TempDir
    Path dir;

    /** A noisy CPU: hackbench-like kernel activity beside the measuring thread. */
    private static final String NOISY = """
            name: noisy
            duration: 2s
            warmup: 20ms
            hardware: {cpus: 2}
            host:
              kernel: {preempt: rt}
              workload:
                - kernel_activity: {cpus: "0", profile: hackbench}
                - cyclictest: {threads: 1, cpus: "0", priority: 99, interval: 500us}
            """;

    @Test
    void split_sameOutputForOneAndThreeThreads() throws Exception {
        Path f = Cli.write(dir, "tiny.yaml", Cli.TINY);
        Cli one = Cli.run("run", f.toString(), "--duration", "60ms", "--split", "3", "--threads", "1",
                "--out", dir.resolve("a").toString());
        Cli three = Cli.run("run", f.toString(), "--duration", "60ms", "--split", "3", "--threads", "3",
                "--out", dir.resolve("b").toString());
        assertEquals(0, one.code(), one.err());
        assertEquals(one.out(), three.out());
        assertTrue(one.out().startsWith("# rtvsim: --split 3: 60ms measured as 3 segments of 20ms, each after its own "
                + "warm-up of 10ms (substreams 0..2), samples pooled\n"), one.out());
        assertEquals(Files.readString(dir.resolve("a/summary.json")), Files.readString(dir.resolve("b/summary.json")));
    }

    @Test
    void split_badValues_exitTwoWithTheReason() {
        Path f = Cli.write(dir, "tiny.yaml", Cli.TINY);
        Cli zero = Cli.run("run", f.toString(), "--split", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--split 0: expected a number of segments in 1..100000"), zero.err());
        Cli withReps = Cli.run("run", f.toString(), "--split", "2", "--replications", "2");
        assertEquals(2, withReps.code());
        assertTrue(withReps.err().contains("cannot be combined with 2 replications"), withReps.err());
        Cli tooShort = Cli.run("run", f.toString(), "--split", "100");
        assertEquals(2, tooShort.code());
        assertTrue(tooShort.err().contains("shorter than 1ms"), tooShort.err());
    }

    /**
     * Eight segments of 250 ms against one 2 s run: the pooled mean and the share of samples above the long
     * run's 90th-percentile bucket agree within 5 standard errors, estimated from the spread of the segments
     * (independent replications, so their spread is an honest error; warm-up bias is removed by each segment's
     * warm-up).
     */
    @Test
    void split_agreesStatisticallyWithOneLongRun() {
        ScenarioSpec spec = ScenarioLoader.loadString(NOISY, "noisy.yaml", List.of());
        ThreadResult whole = SingleRun.run(spec, 0).threads().get(0);
        int k = 8;
        ScenarioSpec seg = spec.withDuration(spec.durationNs() / k);
        int b90 = bucketAbove(whole, 0.90);
        double[] means = new double[k];
        double[] tails = new double[k];
        for (int i = 0; i < k; i++) {
            RunResult r = SingleRun.run(seg, i);
            ThreadResult t = r.threads().get(0);
            means[i] = t.avgNs();
            tails[i] = share(t, b90);
        }
        assertWithin(whole.avgNs(), means, "mean latency");
        assertWithin(share(whole, b90), tails, "share above the long run's p90 bucket");
    }

    private static void assertWithin(double expected, double[] xs, String what) {
        double m = 0;
        for (double x : xs) {
            m += x;
        }
        m /= xs.length;
        double v = 0;
        for (double x : xs) {
            v += (x - m) * (x - m);
        }
        double se = Math.sqrt(v / (xs.length - 1) / xs.length);
        assertTrue(se > 0, what + ": segments do not vary");
        assertTrue(Math.abs(m - expected) <= 5 * Math.sqrt(2) * se,
                what + ": split " + m + " vs one run " + expected + " (se " + se + ")");
    }

    private static int bucketAbove(ThreadResult t, double p) {
        long acc = 0;
        long n = t.samples();
        for (int b = 0; b < t.histogram().length; b++) {
            acc += t.count(b);
            if (acc >= p * n) {
                return b;
            }
        }
        return t.histogram().length - 1;
    }

    private static double share(ThreadResult t, int bucket) {
        long above = t.overflows();
        for (int b = bucket + 1; b < t.histogram().length; b++) {
            above += t.count(b);
        }
        return (double) above / t.samples();
    }
}
