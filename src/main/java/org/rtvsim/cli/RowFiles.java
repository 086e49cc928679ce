package org.rtvsim.cli;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.rtvsim.report.ResultRows;
import org.rtvsim.report.TableWriter;

/**
 * Writes a sweep's or capacity search's {@link ResultRows} into {@code --out}: {@code NAME.csv} always, and
 * {@code NAME.EXT} for every {@link TableWriter} on the class path ({@code NAME.parquet} with the rtvsim-spark
 * module). The writers are looked up only here, so they cost nothing on start-up.
 */
final class RowFiles {
    private RowFiles() {
    }

    static void write(Path dir, String name, ResultRows rows) {
        OutFiles.write(dir, name + ".csv", rows::csv);
        for (TableWriter w : ServiceLoader.load(TableWriter.class, RowFiles.class.getClassLoader())) {
            OutFiles.writeFile(dir, name + "." + w.extension(), tmp -> w.write(rows, tmp));
        }
    }
}
