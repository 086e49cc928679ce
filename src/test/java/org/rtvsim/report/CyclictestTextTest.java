package org.rtvsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;

class CyclictestTextTest {

    private static String text(RunResult r, boolean smi) throws IOException {
        StringBuilder sb = new StringBuilder();
        CyclictestText.write(r, sb, smi);
        return sb.toString();
    }

    @Test
    void write_handMadeRun_matchesGolden() throws IOException {
        String expected = """
                # Histogram
                000000 000000\t000001
                000001 000001\t000000
                000002 000002\t000000
                000003 000000\t000001
                # Total: 000000003 000000002
                # Min Latencies: 00001 00000
                # Avg Latencies: 00006 00001
                # Max Latencies: 00013 00003
                # Histogram Overflows: 00005 00000
                # Histogram Overflow at cycle number:
                # Thread 0: 00003 00004 00005 00006 # 00001 others
                # Thread 1:

                """;
        assertEquals(expected, text(Fixtures.twoThreads(), false));
    }

    @Test
    void write_smiLine_followsThreadLines() throws IOException {
        assertTrue(text(Fixtures.twoThreads(), true).endsWith("# Thread 1:\n# SMIs: 00002 00002\n\n"));
    }

    @Test
    void write_largeCounts_printAllDigits() throws IOException {
        long[] hist = {1_248_460, 3};
        ThreadResult t = new ThreadResult("ct0", 0, 0, 95, 200_000, 1_248_463, 0, 1999, 1_000_000, 3, 1000, hist,
                0, new long[0], List.of(), null, null, new Histogram(3), List.of(), List.of());
        String out = text(run(List.of(t)), false);
        assertTrue(out.contains("000000 1248460\n000001 000003\n# Total: 001248463\n"), out);
    }

    /** Rebuilds the results behind a real cyclictest -h400 output and checks the bytes are identical. */
    @Test
    void write_realCyclictestOutput_isReproducedByteForByte() throws IOException {
        Path real = Path.of("/work/shared/data/public/civcode-mainline-vs-rt/preempt_rt_run2_cyclictest_output.txt");
        assumeTrue(Files.isReadable(real), "measured file not available");
        String expected = Files.readString(real);
        List<String> lines = expected.lines().toList();
        List<long[]> columns = new ArrayList<>();
        int buckets = 0;
        long[] min = null;
        long[] avg = null;
        long[] max = null;
        for (String line : lines) {
            if (line.matches("\\d{6} .*")) {
                String[] f = line.split("[ \t]");
                while (columns.size() < f.length - 1) {
                    columns.add(new long[400]);
                }
                for (int j = 1; j < f.length; j++) {
                    columns.get(j - 1)[buckets] = Long.parseLong(f[j]);
                }
                buckets++;
            } else if (line.startsWith("# Min Latencies:")) {
                min = numbers(line);
            } else if (line.startsWith("# Avg Latencies:")) {
                avg = numbers(line);
            } else if (line.startsWith("# Max Latencies:")) {
                max = numbers(line);
            }
        }
        List<ThreadResult> threads = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            long[] hist = java.util.Arrays.copyOf(columns.get(j), buckets);
            long samples = java.util.Arrays.stream(hist).sum();
            threads.add(new ThreadResult("T" + j, j, j, 90, 200_000, samples, min[j] * 1000, max[j] * 1000, 0,
                    avg[j] * samples, 1000, hist, 0, new long[0], List.of(), null, null, new Histogram(3), List.of(), List.of()));
        }
        assertEquals(expected, text(run(threads), false));
    }

    private static long[] numbers(String line) {
        String[] f = line.substring(line.indexOf(':') + 1).trim().split(" ");
        return java.util.Arrays.stream(f).mapToLong(Long::parseLong).toArray();
    }

    static RunResult run(List<ThreadResult> threads) {
        return new RunResult("x", null, 1, 0, 0, threads, List.of(), 0, 0, 0, null, List.of());
    }
}
