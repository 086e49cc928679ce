package org.rtvsim.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Streams every latency sample into a CSV file as the simulation takes it ({@code run --samples FILE}), in
 * simulated time order, at most {@code max} rows (the first ones; later samples are only counted):
 *
 * <pre>thread,cpu,wakeup_ns,latency_ns,irq_latency_ns,top_component</pre>
 *
 * {@code wakeup_ns} is the intended wake-up time (simulated ns since the start, warm-up included),
 * {@code latency_ns} cyclictest's sample, {@code irq_latency_ns} rtla timerlat's IRQ latency (empty when no wake-up
 * was observed), {@code top_component} the label of the largest part of the sample's attribution (empty without
 * attribution); fields with a comma or quote are quoted as RFC 4180 says.
 */
public final class SamplesCsv extends SampleFile {
    public static final String HEADER = "thread,cpu,wakeup_ns,latency_ns,irq_latency_ns,top_component\n";

    private final Writer out;

    public SamplesCsv(Writer out, long max) throws IOException {
        super(max);
        this.out = out;
        out.write(HEADER);
    }

    @Override
    protected void row(String thread, int cpu, long intendedNs, long latencyNs, long irqNs, String topComponent)
            throws IOException {
        out.write(field(thread));
        out.write(',');
        out.write(Integer.toString(cpu));
        out.write(',');
        out.write(Long.toString(intendedNs));
        out.write(',');
        out.write(Long.toString(latencyNs));
        out.write(',');
        if (irqNs >= 0) {
            out.write(Long.toString(irqNs));
        }
        out.write(',');
        if (topComponent != null) {
            out.write(field(topComponent));
        }
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SamplesCsv[%d of %d]", written(), seen());
    }
}
