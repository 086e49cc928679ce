package org.rtvsim.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.rtvsim.report.SampleFile;

/**
 * {@code run --samples FILE.parquet}: the columns of {@code SamplesCsv} — {@code thread} (string), {@code cpu}
 * (int32), {@code wakeup_ns}, {@code latency_ns} (int64), {@code irq_latency_ns} (int64, null when no wake-up was
 * observed), {@code top_component} (string, null without attribution) — streamed as the run takes them, at most
 * {@code max} rows. Uncompressed version-2 pages without dictionaries, as {@link ParquetRows}, so the bytes are the
 * same on every run.
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
        ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(SCHEMA)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0).withDictionaryEncoding(false)
                .build();
        return new Writer(w, max);
    }

    private static final class Writer implements SampleFile {
        private final ParquetWriter<Group> out;
        private final SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        private final long max;
        private long seen;

        Writer(ParquetWriter<Group> out, long max) {
            this.out = out;
            this.max = max;
        }

        @Override
        public void sample(String thread, int cpu, long intendedNs, long latencyNs, long irqNs, String topComponent) {
            seen++;
            if (seen > max) {
                return;
            }
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
            try {
                out.write(g);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public long seen() {
            return seen;
        }

        @Override
        public long written() {
            return Math.min(seen, max);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
