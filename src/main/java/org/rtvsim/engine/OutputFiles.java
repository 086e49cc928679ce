package org.rtvsim.engine;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a result file into an output directory so that it never leaves it and is never half-written: the
 * content goes to a fresh temporary file in the same directory (created exclusively, so no symbolic link is
 * followed), which is then renamed over the name. A name that is a symbolic link (dangling or not) or anything
 * but a regular file is refused, so a run can neither overwrite a file outside the directory nor create one
 * there; an interrupted run leaves the previous file intact (docs/errors.md).
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** Writes into a path the caller is given: the temporary file. */
    public interface Content {
        void writeTo(Path tmp) throws IOException;
    }

    /** Replaces {@code dir/name} with what {@code content} writes; returns {@code dir/name}. */
    public static Path replace(Path dir, String name, Content content) throws IOException {
        Path target = dir.resolve(name);
        if (name.isEmpty() || name.contains("/") || name.contains(java.io.File.separator) || name.equals(".")
                || name.equals("..")) {
            throw new IOException("'" + name + "' is not a plain file name");
        }
        checkTarget(target);
        Path tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
        try {
            content.writeTo(tmp);
            checkTarget(target);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    private static void checkTarget(Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new IOException("it is a symbolic link; rtvsim does not write through links (remove it)");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) ? "it is a directory"
                    : "it is not a regular file");
        }
    }
}
