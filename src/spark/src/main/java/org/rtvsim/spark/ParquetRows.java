package org.rtvsim.spark;

import java.io.IOException;
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
import org.rtvsim.report.ResultRows;
import org.rtvsim.report.TableWriter;

/**
 * {@code NAME.parquet} beside {@code NAME.csv}: the same {@link ResultRows}, one Parquet row group, columns
 * the varied keys (UTF-8 strings, as written on the command line), {@code point} and {@code replication}
 * (int32), {@code statistic} (string) and {@code value_us} (double, full precision; null when the replication
 * had no samples). Written with parquet-hadoop's example writer on a local file, not through Spark, so the
 * local engine writes it in a fraction of a second; uncompressed, which needs no native codec. Version-2 data
 * pages without dictionaries give each column chunk exactly one encoding: parquet-mr lists a chunk's encodings
 * in the order of a hash set of enum constants, which changes from one JVM to the next, so with two or more the
 * file's bytes would differ between runs of the same sweep.
 */
public final class ParquetRows implements TableWriter {
    /**
     * A writer of {@code schema} rows to the local {@code file}: uncompressed (no native codec), version-2 data
     * pages without dictionaries, so that every column chunk has one encoding and the bytes repeat (class comment).
     */
    static ParquetWriter<Group> writer(java.nio.file.Path file, MessageType schema) throws IOException {
        return ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0).withDictionaryEncoding(false)
                .build();
    }

    @Override
    public String extension() {
        return "parquet";
    }

    @Override
    public void write(ResultRows rows, Path file) throws IOException {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (String k : rows.keys()) {
            b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(k);
        }
        b.required(PrimitiveTypeName.INT32).named("point");
        b.required(PrimitiveTypeName.INT32).named("replication");
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("statistic");
        b.optional(PrimitiveTypeName.DOUBLE).named("value_us");
        MessageType schema = b.named("rtvsim_rows");
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = writer(file, schema)) {
            for (ResultRows.Row r : rows.rows()) {
                Group g = groups.newGroup();
                for (int i = 0; i < rows.keys().size(); i++) {
                    g.add(rows.keys().get(i), r.values().get(i));
                }
                g.add("point", r.point());
                g.add("replication", r.replication());
                g.add("statistic", r.statistic());
                if (!Double.isNaN(r.valueNs())) {
                    g.add("value_us", r.valueNs() / 1000.0);
                }
                w.write(g);
            }
        }
    }
}
