package org.rtvsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writing result files into {@code --out DIR}: failures become bad input naming the file. */
final class OutFiles {
    private OutFiles() {
    }

    /** Something that writes text. */
    interface Text {
        void write(Appendable out) throws IOException;
    }

    /** Writes the text {@code t} produces to {@code dir/name} in UTF-8. */
    static void write(Path dir, String name, Text t) {
        Path file = dir.resolve(name);
        if (Files.isDirectory(file)) {
            throw new Errors.BadInput("--out: cannot write " + file + ": it is a directory");
        }
        StringBuilder sb = new StringBuilder();
        try {
            t.write(sb);
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Errors.BadInput("--out: cannot write " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
