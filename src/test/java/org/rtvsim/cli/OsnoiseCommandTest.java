package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsnoiseCommandTest {
    @TempDir
    Path dir;

    private String tiny() {
        return Cli.write(dir, "tiny.yaml", Cli.TINY).toString();
    }

    /** The top table's rows: per CPU {cpu, samples, runtime, noise, max noise, max single, HW, NMI, IRQ, ...}. */
    private static List<long[]> rows(String out) {
        List<long[]> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.matches("\\s*\\d+ #.*")) {
                String[] f = line.replace("#", " ").trim().split("\\s+");
                long[] v = new long[f.length];
                for (int i = 0; i < f.length; i++) {
                    v[i] = i == 4 ? 0 : Long.parseLong(f[i]); // field 4 is the percentage
                }
                rows.add(v);
            }
        }
        return rows;
    }

    @Test
    void osnoise_top_printsRtlasTableForEveryCpu() {
        Cli r = Cli.run("osnoise", tiny(), "--duration", "200ms", "-p", "100000", "-P", "f:1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("                                          Operating System Noise"), r.out());
        assertTrue(r.out().contains("\nduration:   0 00:00:00 | time is in us\nCPU Period       Runtime        Noise"),
                r.out());
        for (int cpu = 0; cpu < 4; cpu++) {
            assertTrue(r.out().contains("\n  " + cpu + " #2            200000 "), r.out());
        }
    }

    /** hist: rtla's layout, bucket size and entries honoured, every noise counted once (rows + over = count). */
    @Test
    void osnoise_hist_printsRtlasHistogram() {
        Cli r = Cli.run("osnoise", scenario("baremetal-rt-hackbench"), "hist", "--duration", "300ms", "-P", "f:1",
                "-c", "1-2", "-b", "4", "-E", "10");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("# RTLA osnoise histogram\n# Time unit is microseconds (us)\n"
                + "# Duration:   0 00:00:00\nIndex   CPU-001   CPU-002\n"), r.out());
        long[] sum = new long[2];
        long[] count = null;
        for (String line : r.out().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (line.matches("\\d+ .*") || line.startsWith("over:")) {
                if (!line.startsWith("over:")) {
                    assertEquals(0, Long.parseLong(f[0]) % 4, line);
                    assertTrue(Long.parseLong(f[0]) < 40, line);
                }
                sum[0] += Long.parseLong(f[1]);
                sum[1] += Long.parseLong(f[2]);
            } else if (line.startsWith("count:")) {
                count = new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])};
            }
        }
        assertTrue(count != null && count[0] > 0 && count[1] > 0, r.out());
        assertEquals(count[0], sum[0], r.out());
        assertEquals(count[1], sum[1], r.out());
        assertTrue(r.out().matches("(?s).*\nmin:  +\\d+ +\\d+ \navg:  +\\d+\\.\\d\\d +\\d+\\.\\d\\d \nmax:  .*"), r.out());
        // the default threshold (5 us) and a larger one: fewer noises counted
        Cli t = Cli.run("osnoise", scenario("baremetal-rt-hackbench"), "hist", "--duration", "300ms", "-P", "f:1",
                "-c", "1-2", "-b", "4", "-E", "10", "-T", "20");
        assertEquals(0, t.code(), t.err());
        String min = t.out().lines().filter(l -> l.startsWith("min:")).findFirst().orElseThrow();
        for (String v : min.substring(4).trim().split("\\s+")) {
            assertTrue(Long.parseLong(v) >= 20, t.out());
        }
    }

    private static String scenario(String name) {
        return "scenarios/" + name + ".yaml";
    }

    /**
     * --vm: the osnoise threads run in the guest's kernel. On the partitioned RT guest the isolated vCPUs 2-7 still see
     * the host's timer path (each sample's release timer exits to the host: HW noise), a few us a second; the
     * housekeeping vCPUs 0-1 more; a cloud guest's vCPUs on a shared host far more.
     */
    @Test
    void osnoise_inGuest_seesTheHostsNoise() {
        Cli part = Cli.run("osnoise", scenario("kvm-rt-partitioned"), "--vm", "rt", "--duration", "1s");
        assertEquals(0, part.code(), part.err());
        List<long[]> p = rows(part.out());
        assertEquals(8, p.size(), part.out());
        long isolatedMax = 0;
        for (long[] row : p.subList(2, 8)) {
            assertTrue(row[3] > 0 && row[6] > 0, "noise and HW on vCPU " + row[0] + ": " + part.out());
            isolatedMax = Math.max(isolatedMax, row[3]);
        }
        assertTrue(p.get(0)[3] > 10 * isolatedMax, part.out());
        Cli cloud = Cli.run("osnoise", scenario("kvm-cloud-guest"), "--vm", "rt", "--duration", "1s");
        assertEquals(0, cloud.code(), cloud.err());
        List<long[]> c = rows(cloud.out());
        assertEquals(2, c.size(), cloud.out());
        for (long[] row : c) {
            assertTrue(row[3] > 100 * isolatedMax && row[3] > p.get(0)[3], cloud.out());
            assertTrue(row[6] > 0, cloud.out());
        }
        Cli hist = Cli.run("osnoise", scenario("kvm-cloud-guest"), "--vm", "rt", "--duration", "1s", "hist");
        assertEquals(0, hist.code(), hist.err());
        assertTrue(hist.out().contains("\nIndex   CPU-000   CPU-001\n"), hist.out());
    }

    @Test
    void osnoise_badInput_exits2() {
        String part = scenario("kvm-rt-partitioned");
        for (List<String> args : List.of(List.of("bogus"), List.of("-r", "50"), List.of("-p", "20000000"),
                List.of("-P", "x:1"), List.of("-P", "f:0"), List.of("-c", "9"), List.of("hist", "-b", "0"),
                List.of("hist", "-E", "5"), List.of("hist", "-E", "10000000"), List.of("hist", "-b", "1000000"),
                List.of("hist", "-T", "-1"), List.of("--vm", "rt"))) {
            List<String> all = new ArrayList<>(List.of("osnoise", tiny()));
            all.addAll(args);
            Cli r = Cli.run(all.toArray(String[]::new));
            Cli.assertBadInput(r);
        }
        Cli.assertBadInput(Cli.run("osnoise", tiny(), "bogus"), "osnoise MODE: expected top or hist; got 'bogus'");
        Cli.assertBadInput(Cli.run("osnoise", tiny(), "hist", "-b", "0"), "--bucket-size 0", "Bucket size");
        Cli.assertBadInput(Cli.run("osnoise", tiny(), "--vm", "rt"), "--vm rt", "no guests");
        Cli.assertBadInput(Cli.run("osnoise", part, "--vm", "nope"), "--vm nope", "guests: rt");
        Cli.assertBadInput(Cli.run("osnoise", part, "--vm", "rt", "-c", "8"), "--cpus 8", "8 vCPUs of guest rt");
    }
}
