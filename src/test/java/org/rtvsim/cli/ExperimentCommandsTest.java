package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replicated run, compare, sweep and capacity commands end to end, and their bad-input errors. */
class ExperimentCommandsTest {
    @TempDir
    Path dir;

    private Path tiny() {
        return Cli.write(dir, "tiny.yaml", Cli.TINY);
    }

    @Test
    void run_oneReplication_stdoutUnchangedAndNewFilesWritten() throws IOException {
        Cli plain = Cli.run("run", tiny().toString());
        Path out = dir.resolve("o");
        Cli one = Cli.run("run", tiny().toString(), "--replications", "1", "--out", out.toString());
        assertEquals(0, one.code(), one.err());
        assertEquals(plain.out(), one.out());
        assertTrue(Files.readString(out.resolve("percentiles.csv"))
                .startsWith("group,thread,cpu,p,value_us,supported,ci_low_us,ci_high_us,pooled_ci_low_us,pooled_ci_high_us\n"
                        + "all threads,-1,-1,50,"));
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("![ccdf](ccdf.png)") && !report.contains("<!-- charts -->"), report);
        assertTrue(Files.isRegularFile(out.resolve("ccdf.png")) && Files.isRegularFile(out.resolve("histogram.svg")));
    }

    @Test
    void run_replicated_sameOutputOnOneAndTwoThreads() throws IOException {
        Path o1 = dir.resolve("t1");
        Path o2 = dir.resolve("t2");
        Cli a = Cli.run("run", tiny().toString(), "--replications", "4", "--threads", "1", "--out", o1.toString());
        Cli b = Cli.run("run", tiny().toString(), "--replications", "4", "--threads", "2", "--out", o2.toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        assertTrue(a.out().contains("4 replications, 95 % confidence intervals"), a.out());
        for (String f : List.of("summary.json", "percentiles.csv")) {
            assertEquals(Files.readString(o1.resolve(f)), Files.readString(o2.resolve(f)), f);
        }
        assertTrue(Files.readString(o1.resolve("summary.json")).contains("\"ci_high_ns\""));
    }

    @Test
    void compare_variant_writesFilesAndNoSignificantDifferenceForName() throws IOException {
        Path out = dir.resolve("cmp");
        Cli r = Cli.run("compare", tiny().toString(), "--variant", "renamed:name=other", "--replications", "3",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("B = renamed") && r.out().contains("B − A: no difference is significant"),
                r.out());
        assertTrue(Files.readString(out.resolve("compare.csv")).startsWith("stat,entry,label,pooled_us"));
        assertTrue(Files.readString(out.resolve("compare.json")).contains("\"differences\""));
        assertTrue(Files.exists(out.resolve("report.md")));
        // the short run cannot support the far percentiles within a replication: said under the table
        String weak = r.out().lines().filter(l -> l.startsWith("Too few samples within each replication")).findFirst()
                .orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(weak.contains("p99.99") && !weak.contains(" p50") && !weak.contains("max"), weak);
        assertTrue(Files.readString(out.resolve("report.md")).contains(weak));
    }

    @Test
    void sweep_twoAxes_csvHasOneRowPerPoint() throws IOException {
        Path out = dir.resolve("sw");
        Cli r = Cli.run("sweep", tiny().toString(), "--vary", "host.kernel.preempt=full,rt",
                "--vary", "host.kernel.hz=100..300:200", "--replications", "2", "--stat", "p99", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(5, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("host.kernel.preempt,host.kernel.hz,samples,min_us,min_mean_us,"
                + "min_low_us,min_high_us,avg_us,"), lines.get(0));
        assertTrue(lines.get(0).contains(",p99_us,p99_mean_us,p99_low_us,p99_high_us,"), lines.get(0));
        assertTrue(lines.get(1).startsWith("full,100,") && lines.get(2).startsWith("full,300,")
                && lines.get(3).startsWith("rt,100,") && lines.get(4).startsWith("rt,300,"));
        assertEquals(lines.get(0).split(",").length, lines.get(1).split(",").length);
        assertTrue(r.out().contains("p99 pooled us"), r.out());
    }

    @Test
    void capacity_smallestMisses_exitOne() {
        Cli r = Cli.run("capacity", tiny().toString(), "--vary", "host.kernel.hz=100..300:100", "--slo", "max<10ns",
                "--replications", "2");
        assertEquals(Errors.SLO_MISSED, r.code(), r.err());
        assertTrue(r.out().contains("No value meets the objective"), r.out());
    }

    private void assertBadInput(Cli r, String part) {
        assertEquals(Errors.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("rtvsim: error: ") && r.err().strip().lines().count() == 1, r.err());
        assertTrue(r.err().contains(part), part + " not in " + r.err());
    }

    @Test
    void badInput_eachCase_exitTwoWithOneLine() {
        String f = tiny().toString();
        assertBadInput(Cli.run("sweep", f, "--vary", "host.kernel.premept=full,rt"), "nearest keys");
        assertBadInput(Cli.run("sweep", f, "--vary", "host.kernel.hz=5..1"), "is empty");
        assertBadInput(Cli.run("sweep", f, "--vary", "host.kernel.hz=100", "--stat", "p100"), "outside (0, 100)");
        assertBadInput(Cli.run("capacity", f, "--vary", "host.kernel.hz=100..300:100", "--slo", "p99.99<<50us"),
                "expected STAT<LIMIT");
        assertBadInput(Cli.run("capacity", f, "--vary", "host.kernel.hz=100..300:100", "--slo", "p101<50us"),
                "outside (0, 100)");
        assertBadInput(Cli.run("capacity", f, "--vary", "host.kernel.hz=100..300:100", "--slo", "p99<50"),
                "write it with a unit");
        assertBadInput(Cli.run("capacity", f, "--vary", "host.kernel.preempt=full,rt", "--slo", "p99<50us"),
                "is not a number");
        assertBadInput(Cli.run("capacity", f, "--vary", "host.kernel.hz=100..300:100"), "needs an objective");
        assertBadInput(Cli.run("run", f, "--replications", "2", "--threads", "0"), "--threads 0");
        assertBadInput(Cli.run("run", f, "--replications", "0"), "--replications 0");
        assertBadInput(Cli.run("compare", f, "--confidence", "95"), "--confidence");
        assertBadInput(Cli.run("compare", f), "at least two entries");
        assertBadInput(Cli.run("compare", f, "--variant", "nothing"), "expected [NAME:]KEY=VALUE");
        assertBadInput(Cli.run("compare", f, "--variant", "host.kernel.hz=abc"), "hz");
    }
}
