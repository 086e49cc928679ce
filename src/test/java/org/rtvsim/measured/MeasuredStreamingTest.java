package org.rtvsim.measured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.engine.TextFiles;

/**
 * Issue 19: a cyclictest {@code -v} file above the 16 MiB histogram cap is streamed (memory bounded by the
 * histogram), and gives the same histogram as the in-memory parse; other formats above the cap are refused.
 */
class MeasuredStreamingTest {
    @TempDir
    Path dir;

    @Test
    void verboseFileAboveTheCap_isStreamedToTheSameHistogram() throws IOException {
        Path big = dir.resolve("big-v.txt");
        long lines = 0;
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("# /dev/cpu_dma_latency set to 0us\r\n");
            long seed = 7;
            while (Files.size(big) <= TextFiles.MEASURED_MAX_BYTES + (1 << 20)) {
                for (int k = 0; k < 100_000; k++, lines++) {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    int lat = (int) ((seed >>> 40) % 90) + 3;
                    w.write((lines % 2) + ":" + (lines / 2) + ":" + lat + "\n");
                }
                w.flush();
            }
        }
        MeasuredHistogram streamed = MeasuredReader.read(big);
        assertEquals(MeasuredHistogram.Format.CYCLICTEST_VERBOSE, streamed.format());
        assertEquals(2, streamed.threads().size());
        long n = 0;
        for (ThreadHistogram t : streamed.threads()) {
            n += t.samples();
        }
        assertEquals(lines, n);
        // the same content parsed in memory (a prefix of it, below the cap) agrees bucket for bucket
        Path small = dir.resolve("small-v.txt");
        try (var in = Files.lines(big); BufferedWriter w = Files.newBufferedWriter(small)) {
            for (var it = in.limit(200_001).iterator(); it.hasNext();) {
                w.write(it.next() + "\n");
            }
        }
        MeasuredHistogram a = MeasuredReader.read(small);
        MeasuredHistogram b = MeasuredReader.parse(small.toString(), Files.readString(small));
        assertEquals(a.threads().get(0).samples(), b.threads().get(0).samples());
        assertEquals(a.threads().get(1).maxUs(), b.threads().get(1).maxUs());
    }

    @Test
    void otherFormatAboveTheCap_isRefusedNamingTheFormat() throws IOException {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("latency_us,count\n");
            for (int k = 0; k < 20_000; k++) { // 80 KB: more than the 64 KiB the format is detected on
                w.write("1,1\n");
            }
        }
        try (var raf = new java.io.RandomAccessFile(csv.toFile(), "rw")) {
            raf.setLength(TextFiles.MEASURED_MAX_BYTES + 1); // sparse: the size matters, not the rest
        }
        MeasuredDataException e = assertThrows(MeasuredDataException.class, () -> MeasuredReader.read(csv));
        assertTrue(e.getMessage().contains("only cyclictest -v samples are streamed") && e.getMessage().contains("csv"),
                e.getMessage());
    }

    @Test
    void badLineDeepInAStreamedFile_isLocatedAndNotEchoed() throws IOException {
        Path f = dir.resolve("bad-v.txt");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            sb.append("0:").append(i).append(":5\n");
        }
        sb.append("0:1000:secret\n");
        Files.writeString(f, sb);
        VerboseSamples v = new VerboseSamples(f.toString());
        MeasuredDataException e = assertThrows(MeasuredDataException.class, () -> TextFiles.forEachLine(f,
                v::add));
        assertTrue(e.getMessage().contains(":1001:"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void jsonSyntaxError_isLocatedWithoutQuotingTheToken() {
        MeasuredDataException e = assertThrows(MeasuredDataException.class,
                () -> MeasuredReader.parse("x.json", "{\"thread\": {\n  \"0\": secretword }}"));
        assertTrue(e.getMessage().startsWith("x.json:2:"), e.getMessage());
        assertFalse(e.getMessage().contains("secretword"), e.getMessage());
    }
}
