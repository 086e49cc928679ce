package org.rtvsim.spark;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.rtvsim.report.SampleFile;

/**
 * {@code run --samples FILE.parquet}: the columns of {@code SamplesCsv} — {@code thread} (string), {@code cpu}
 * (int32), {@code wakeup_ns}, {@code latency_ns} (int64), {@code irq_latency_ns} (int64, null when no wake-up was
 * observed), {@code top_component} (string, null without attribution) — streamed as the run takes them, at most
 * {@code max} rows. Written by {@link ParquetRows#writer}, so the bytes are the same on every run.
 */
public final class ParquetSamples implements SampleFile.Format {
    static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("thread")
            .required(PrimitiveTypeName.INT32).named("cpu")
            .required(PrimitiveTypeName.INT64).named("wakeup_ns")
            .required(PrimitiveTypeName.INT64).named("latency_ns")
            .optional(PrimitiveTypeName.INT64).named("irq_latency_ns")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("top_component")
            .named("rtvsim_samples");

    @Override
    public String extension() {
        return "parquet";
    }

    @Override
    public SampleFile open(Path file, long max) throws IOException {
        return new Writer(ParquetRows.writer(file, SCHEMA), max);
    }

    private static final class Writer extends SampleFile {
        private final ParquetWriter<Group> out;
        private final SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);

        Writer(ParquetWriter<Group> out, long max) {
            super(max);
            this.out = out;
        }

        @Override
        protected void row(String thread, int cpu, long intendedNs, long latencyNs, long irqNs, String topComponent)
                throws IOException {
            Group g = groups.newGroup();
            g.add("thread", thread);
            g.add("cpu", cpu);
            g.add("wakeup_ns", intendedNs);
            g.add("latency_ns", latencyNs);
            if (irqNs >= 0) {
                g.add("irq_latency_ns", irqNs);
            }
            if (topComponent != null) {
                g.add("top_component", topComponent);
            }
            out.write(g);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
