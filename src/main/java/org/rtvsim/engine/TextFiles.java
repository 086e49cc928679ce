package org.rtvsim.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a user's input file as text, safely: regular files only (a directory, FIFO or device such as
 * {@code /dev/zero} is refused before it is opened, so nothing hangs), never more than a size cap (read with
 * a bounded buffer, so a file growing while read cannot exhaust memory), strict UTF-8 with an optional BOM
 * removed ("not UTF-8 text" otherwise). Every failure is an {@link IOException} whose message names the
 * problem but never echoes the file's content; callers add the file and key. The caps are listed in
 * {@code docs/errors.md}.
 */
public final class TextFiles {
    /** Scenario YAML, its {@code extends:} bases and task-set files: 4 MiB (assumption: 100× the largest example). */
    public static final long SCENARIO_MAX_BYTES = 4L << 20;
    /** An {@code empirical:} CSV: 16 MiB (assumption: a million value,weight rows). */
    public static final long TABLE_MAX_BYTES = 16L << 20;
    /**
     * A measured file (histogram, JSON, verbose samples, CSV): 16 MiB (assumption: about 1 M verbose lines, 17 min of
     * {@code cyclictest -v} at 1 kHz on one thread), so that the worst file is read in a few seconds within 512 MB.
     */
    public static final long MEASURED_MAX_BYTES = 16L << 20;

    /**
     * A cyclictest {@code -v} samples file, streamed line by line: 4 GiB (assumption: about 200 M samples, an hour
     * of four threads at 1 ms… 14 h at one; read in about a minute, in memory bounded by the histogram, not by the
     * file).
     */
    public static final long STREAMED_MAX_BYTES = 4L << 30;

    private TextFiles() {
    }

    /** The size of {@code file} after {@link #checkRegular} with {@code maxBytes}. */
    public static long size(Path file, long maxBytes) throws IOException {
        checkRegular(file, maxBytes);
        return Files.size(file);
    }

    /**
     * The first {@code n} bytes of {@code file} (at most) as UTF-8 text cut at the last complete line, for format
     * detection before streaming it; a leading BOM removed.
     */
    public static String head(Path file, int n) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(n);
        }
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return decode(java.util.Arrays.copyOf(bytes, end == 0 ? bytes.length : end));
    }

    /**
     * Calls {@code perLine} with each line of {@code file} (1-based number, text without its end of line), read as
     * strict UTF-8 through a bounded buffer: memory does not grow with the file. A line that is not UTF-8 text or
     * holds a NUL byte ends the read with an {@link IOException} naming the line.
     */
    public static void forEachLine(Path file, java.util.function.ObjIntConsumer<String> perLine) throws IOException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int no = 1;
        StringBuilder line = new StringBuilder();
        char[] buf = new char[1 << 16];
        try (java.io.Reader r = new java.io.InputStreamReader(Files.newInputStream(file), d)) {
            while (true) {
                int n;
                try {
                    n = r.read(buf);
                } catch (CharacterCodingException e) {
                    throw new IOException("line " + no + ": not UTF-8 text; save it as UTF-8");
                }
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    char c = buf[i];
                    if (c == '\n') {
                        emit(line, no++, perLine);
                    } else if (c == '\0') {
                        throw new IOException("line " + no + ": not a text file (it contains NUL bytes)");
                    } else if (line.length() >= MAX_LINE_CHARS) {
                        throw new IOException("line " + no + ": longer than " + MAX_LINE_CHARS + " characters");
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        if (line.length() > 0) {
            emit(line, no, perLine);
        }
    }

    /** The longest line {@link #forEachLine} accepts (assumption: a measured line is under 100 characters). */
    public static final int MAX_LINE_CHARS = 1 << 16;

    private static void emit(StringBuilder line, int no, java.util.function.ObjIntConsumer<String> perLine) {
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
            len--;
        }
        int from = no == 1 && len > 0 && line.charAt(0) == '\uFEFF' ? 1 : 0;
        perLine.accept(line.substring(from, len), no);
        line.setLength(0);
    }

    /** Reads {@code file} as UTF-8 text (BOM removed) of at most {@code maxBytes} bytes. */
    public static String read(Path file, long maxBytes) throws IOException {
        checkRegular(file, maxBytes);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            throw new IOException("larger than the " + formatBytes(maxBytes) + " limit for this kind of file");
        }
        return decode(bytes);
    }

    /**
     * Refuses anything but an existing regular file (symbolic links to one are followed) of at most
     * {@code maxBytes} bytes.
     */
    public static void checkRegular(Path file, long maxBytes) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "file not found");
        }
        if (a.isDirectory()) {
            throw new IOException("it is a directory, not a file");
        }
        if (!a.isRegularFile()) {
            throw new IOException("not a regular file (a device, FIFO or socket is not read)");
        }
        if (a.size() > maxBytes) {
            throw new IOException("larger than the " + formatBytes(maxBytes) + " limit for this kind of file ("
                    + formatBytes(a.size()) + ")");
        }
    }

    /** Strict UTF-8, a leading BOM removed. */
    public static String decode(byte[] bytes) throws IOException {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer text;
        try {
            text = d.decode(in);
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text (" + hint(bytes) + "); save it as UTF-8");
        }
        String s = text.toString();
        if (s.indexOf('\0') >= 0) {
            throw new IOException("not a text file (it contains NUL bytes)");
        }
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String hint(byte[] b) {
        if (b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF))) {
            return "it looks like UTF-16";
        }
        return "it looks binary or in a legacy encoding";
    }

    /** "4 MiB", "1.5 GiB", "812 bytes". */
    public static String formatBytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v))
                + " " + units[u];
    }
}
