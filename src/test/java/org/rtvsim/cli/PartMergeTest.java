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

/** {@code --part K/N} and {@code rtvsim merge}: the parts together give the outputs of one run, byte for byte. */
class PartMergeTest {
    @TempDir
    Path dir;

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

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
