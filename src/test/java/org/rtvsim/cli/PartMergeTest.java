package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.experiment.PartialResult;

/**
 * {@code --part K/N} and {@code rtvsim merge} for sweep, capacity, compare and replicated run: the parts together
 * give the outputs of one run, byte for byte; bad slices, engines and foreign parts are exit 2.
 */
class PartMergeTest {
    @TempDir
    Path dir;

    /** Numbers the experiments of one test, for their directories. */
    private int experiments;

    private String[] sweep(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("sweep", Cli.write(dir, "tiny.yaml", Cli.TINY).toString(),
                "--vary", "host.kernel.preempt=full,rt", "--replications", "3", "--quiet"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void sweep_twoPartsMerged_sameFilesAsOneRun() throws IOException {
        assertEquals(0, Cli.run(sweep("--out", dir.resolve("one").toString())).code());
        assertEquals(0, Cli.run(sweep("--part", "2/2", "--out", dir.resolve("p2").toString())).code());
        assertEquals(0, Cli.run(sweep("--part", "1/2", "--out", dir.resolve("p1").toString())).code());
        Cli m = Cli.run("merge", dir.resolve("p2").toString(), dir.resolve("p1").toString(), "--out",
                dir.resolve("one-merged").toString(), "--quiet");
        assertEquals(0, m.code(), m.err());
        for (String f : List.of("sweep.csv", "sweep-rows.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(f)),
                    Files.readAllBytes(dir.resolve("one-merged").resolve(f)), f);
        }
        List<String> rows = Files.readAllLines(dir.resolve("one").resolve("sweep-rows.csv"));
        assertEquals("host.kernel.preempt,point,replication,statistic,value_us", rows.get(0));
        assertTrue(rows.get(1).startsWith("full,0,0,min,"), rows.get(1));
    }

    @Test
    void capacity_partsMerged_sameAnswerAsOneRun() throws IOException {
        String f = Cli.write(dir, "tiny.yaml", Cli.TINY).toString();
        String[] base = {"capacity", f, "--vary", "host.kernel.hz=100,250,1000", "--slo", "max<1ms", "--replications",
            "2"};
        Cli one = Cli.run(concat(base, "--out", dir.resolve("one").toString()));
        assertEquals(0, Cli.run(concat(base, "--part", "1/2", "--out", dir.resolve("p1").toString())).code());
        assertEquals(0, Cli.run(concat(base, "--part", "2/2", "--out", dir.resolve("p2").toString())).code());
        Cli m = Cli.run("merge", dir.resolve("p1").toString(), dir.resolve("p2").toString(), "--out",
                dir.resolve("m").toString());
        assertEquals(one.code(), m.code(), m.err());
        assertEquals(one.out(), m.out());
        assertArrayEquals(Files.readAllBytes(dir.resolve("one/capacity.csv")), Files.readAllBytes(dir.resolve("m/capacity.csv")));
    }

    @Test
    void badPartsAndEngines_exit2() {
        assertEquals(Errors.BAD_INPUT, Cli.run(sweep("--part", "3/2", "--out", dir.resolve("x").toString())).code());
        assertEquals(Errors.BAD_INPUT, Cli.run(sweep("--part", "0/2", "--out", dir.resolve("x").toString())).code());
        assertEquals(Errors.BAD_INPUT, Cli.run(sweep("--part", "1/2")).code());
        Cli bogus = Cli.run(sweep("--engine", "bogus"));
        assertEquals(Errors.BAD_INPUT, bogus.code());
        assertTrue(bogus.err().contains("--engine bogus: expected local or spark"), bogus.err());
        assertEquals(Errors.BAD_INPUT, Cli.run(sweep("--master", "local[2]")).code());
        Cli noModule = Cli.run(sweep("--engine", "spark"));
        assertEquals(Errors.BAD_INPUT, noModule.code());
        assertTrue(noModule.err().contains("rtvsim-spark"), noModule.err());
    }

    @Test
    void merge_missingOrRepeatedPart_exit2() throws IOException {
        assertEquals(0, Cli.run(sweep("--part", "1/3", "--out", dir.resolve("p1").toString())).code());
        Cli missing = Cli.run("merge", dir.resolve("p1").toString());
        assertEquals(Errors.BAD_INPUT, missing.code());
        assertTrue(missing.err().contains("missing part(s) [2/3, 3/3]"), missing.err());
        assertEquals(Errors.BAD_INPUT, Cli.run("merge", dir.resolve("p1").toString(), dir.resolve("p1").toString()).code());
        assertEquals(Errors.BAD_INPUT, Cli.run("merge", dir.toString()).code());
    }

    @Test
    void compare_threePartsMerged_sameFilesAndStdoutAsOneRun() throws IOException {
        String f = Cli.write(dir, "tiny.yaml", Cli.TINY).toString();
        String[] base = {"compare", f, "--variant", "host.kernel.preempt=full", "--replications", "3"};
        assertMergedLikeOneRun(base, 3);

        // merge reports the parts' runs, it does not simulate again: a part whose every run is replaced by its first
        // (so every interval has zero width) changes the result
        Path p = dir.resolve("forged");
        assertEquals(0, Cli.run(concat(base, "--quiet", "--part", "1/1", "--out", p.toString())).code());
        PartialResult whole = PartialResult.read(p);
        List<org.rtvsim.measure.RunResult> runs = java.util.Collections.nCopies(whole.runs().size(), whole.runs().get(0));
        Files.write(p.resolve(PartialResult.FILE), new PartialResult(whole.command(), whole.args(), whole.fingerprint(),
                whole.part(), whole.items(), whole.indices(), runs).toBytes());
        Cli m = Cli.run("merge", p.toString(), "--out", dir.resolve("forged-merged").toString(), "--quiet");
        assertEquals(0, m.code(), m.err());
        assertTrue(!Files.readString(dir.resolve("forged-merged/compare.csv"))
                .equals(Files.readString(dir.resolve("compare-1-ref/compare.csv"))), "merge ran the simulation itself");
    }

    @Test
    void run_replicationsAndSplit_partsMerged_sameFilesStdoutAndExitCodeAsOneRun() throws IOException {
        String f = Cli.write(dir, "tiny.yaml", Cli.TINY).toString();
        assertMergedLikeOneRun(new String[] {"run", f, "--replications", "3", "--slo", "p99<1us"}, 2);
        assertMergedLikeOneRun(new String[] {"run", f, "--duration", "60ms", "--split", "3"}, 2);
    }

    /**
     * Runs {@code base --out D} once, moves D aside, runs {@code base} as {@code parts} slices (last slice first)
     * and merges them into D: the same exit code, stdout and every file, byte for byte (report.md and report.html
     * quote the command line, the same because --out is last and names the same directory).
     */
    private void assertMergedLikeOneRun(String[] base, int parts) throws IOException {
        String name = base[0] + "-" + (++experiments);
        Path out = dir.resolve(name);
        Cli one = Cli.run(concat(base, "--out", out.toString()));
        Path ref = Files.move(out, dir.resolve(name + "-ref"));
        List<String> partDirs = new java.util.ArrayList<>(List.of("merge"));
        for (int k = parts; k >= 1; k--) {
            Path p = dir.resolve(name + "-part" + k);
            Cli part = Cli.run(concat(base, "--part", k + "/" + parts, "--out", p.toString()));
            assertEquals(0, part.code(), part.err());
            assertEquals("", part.out());
            assertEquals(List.of(PartialResult.FILE), names(p));
            partDirs.add(p.toString());
        }
        partDirs.addAll(List.of("--out", out.toString()));
        Cli m = Cli.run(partDirs.toArray(String[]::new));
        assertEquals(one.code(), m.code(), m.err());
        assertEquals(one.out(), m.out());
        assertEquals(names(ref), names(out));
        assertTrue(names(ref).size() >= 3, names(ref).toString());
        for (String f : names(ref)) {
            assertArrayEquals(Files.readAllBytes(ref.resolve(f)), Files.readAllBytes(out.resolve(f)), f);
        }
    }

    private static List<String> names(Path d) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void compareAndRun_badPartsEnginesAndForeignParts_exit2() {
        String f = Cli.write(dir, "tiny.yaml", Cli.TINY).toString();
        String x = dir.resolve("x").toString();
        Cli.assertBadInput(Cli.run("compare", f, f, "--part", "3/2", "--out", x), "--part 3/2: expected K/N");
        Cli.assertBadInput(Cli.run("compare", f, f, "--engine", "bogus"), "--engine bogus: expected local or spark");
        Cli.assertBadInput(Cli.run("compare", f, f, "--part", "1/2"), "--part 1/2: needs --out DIR");
        Cli.assertBadInput(Cli.run("run", f, "--replications", "2", "--part", "3/2", "--out", x), "--part 3/2");
        Cli.assertBadInput(Cli.run("run", f, "--split", "2", "--engine", "bogus"), "expected local or spark");
        Cli.assertBadInput(Cli.run("run", f, "--replications", "2", "--part", "1/2"), "needs --out DIR");
        Cli.assertBadInput(Cli.run("run", f, "--part", "1/2", "--out", x), "run: --part 1/2: one run is not divided",
                "--replications N or --split K");
        Cli.assertBadInput(Cli.run("run", f, "--slo", "p99<1ms", "--plan", "--engine", "spark"),
                "run --plan: --engine spark: nothing is simulated");

        assertEquals(0, Cli.run("compare", f, f, "--replications", "2", "--quiet", "--part", "1/2", "--out",
                dir.resolve("c1").toString()).code());
        assertEquals(0, Cli.run("run", f, "--replications", "2", "--quiet", "--part", "2/2", "--out",
                dir.resolve("r2").toString()).code());
        Cli.assertBadInput(Cli.run("merge", dir.resolve("c1").toString(), dir.resolve("r2").toString()),
                "part 2/2 comes from a different experiment than part 1/2", "'run ", "'compare ");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
