package org.rtvsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rtvsim.engine.OutputFiles;

/** Writing result files into {@code --out DIR}: failures become bad input naming the file. */
final class OutFiles {
    private OutFiles() {
    }

    /** Something that writes text. */
    interface Text {
        void write(Appendable out) throws IOException;
    }

    /** Writes the text {@code t} produces to {@code dir/name} in UTF-8, atomically ({@link OutputFiles}). */
    static void write(Path dir, String name, Text t) {
        StringBuilder sb = new StringBuilder();
        try {
            t.write(sb);
        } catch (IOException e) {
            throw new Errors.BadInput("--out: cannot write " + dir.resolve(name) + ": " + describe(e));
        }
        writeFile(dir, name, tmp -> Files.writeString(tmp, sb, StandardCharsets.UTF_8));
    }

    /** Replaces {@code dir/name} with what {@code content} writes into a temporary file ({@link OutputFiles}). */
    static void writeFile(Path dir, String name, OutputFiles.Content content) {
        try {
            OutputFiles.replace(dir, name, content);
        } catch (IOException e) {
            throw new Errors.BadInput("--out: cannot write " + dir.resolve(name) + ": " + describe(e));
        }
    }

    /**
     * Readies the output directory of {@code option} ({@code --out}, {@code --rtapp-logs}): refuses a path that is an
     * existing non-directory and creates a missing directory. Deletes nothing.
     */
    static void prepareDir(String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new Errors.BadInput(option + " " + dir + ": exists and is not a directory; give a directory "
                    + "(it is created when missing)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Errors.BadInput(option + " " + dir + ": cannot create the directory: " + describe(e));
        }
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.FileSystemException || e.getMessage() == null
                ? e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())
                : e.getMessage();
    }
}
