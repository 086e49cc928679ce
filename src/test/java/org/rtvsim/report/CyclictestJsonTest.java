package org.rtvsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.rtvsim.measured.MeasuredHistogram;
import org.rtvsim.measured.MeasuredReader;

class CyclictestJsonTest {

    /**
     * The fixture's two threads, written as rt-tests' rt_write_json() + cyclictest's write_stats() print them
     * (fixture rtla/../cyclictest-two-threads.json, hand-checked: thread 0 has buckets 1, 2 and 2 (3 samples) and
     * 5 overflows, min 1, max 13, avg (1+2+2+7+8+9+12+13)/8 = 6.75; thread 1 has 0 and 3, avg 1.50).
     */
    @Test
    void write_twoThreads_matchesCyclictestsLayout() throws IOException {
        StringBuilder out = new StringBuilder();
        CyclictestJson.write(Fixtures.twoThreads(), "rtvsim run demo.yaml --json r.json", true, 0, out);
        assertEquals(TimerlatTextTest.fixture("../cyclictest-two-threads.json"), out.toString());
    }

    /** The file reads back through the reader of measured cyclictest --json files (docs/measured-data.md (d)). */
    @Test
    void write_readsBackAsMeasuredCyclictestJson() throws IOException {
        StringBuilder out = new StringBuilder();
        CyclictestJson.write(Fixtures.twoThreads(), "cyclictest -h 4 --json=r.json", false, 0, out);
        MeasuredHistogram m = MeasuredReader.parse("r.json", out.toString());
        assertEquals(2, m.threads().size());
        assertEquals(10, m.samples());
        assertEquals(5, m.overflows());
    }

    @Test
    void samplesCsv_quotesAndStopsAtTheLimit() throws IOException {
        StringWriter w = new StringWriter();
        SamplesCsv csv = new SamplesCsv(w, 2);
        csv.sample("T0", 1, 1000, 2500, 900, "qemu: device emulation (virtio-net, \"tx\")");
        csv.sample("rt/T1", 2, 2000, 3000, -1, null);
        csv.sample("T0", 1, 3000, 1000, 500, "context switch");
        assertEquals(SamplesCsv.HEADER + "T0,1,1000,2500,900,\"qemu: device emulation (virtio-net, \"\"tx\"\")\"\n"
                + "rt/T1,2,2000,3000,,\n", w.toString());
        assertEquals(3, csv.seen());
        assertEquals(2, csv.written());
    }
}
