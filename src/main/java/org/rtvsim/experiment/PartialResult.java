package org.rtvsim.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rtvsim.measure.RunResult;

/**
 * What one {@code --part k/n} run leaves in its output directory ({@link #FILE}): the command and its
 * arguments (without {@code --part}, {@code --out}, {@code --engine}, {@code --master}), a fingerprint of the
 * whole work list, the slice, and the results of the slice's items. {@code rtvsim merge} checks that the
 * partials share command and fingerprint and cover every item once, then re-runs the command's reporting
 * on the merged results, so its outputs are those of one run.
 */
public record PartialResult(String command, List<String> args, String fingerprint, Part part, int items,
                            List<Integer> indices, List<RunResult> runs) {
    /** The file a partial run writes. */
    public static final String FILE = "partial.rtvsim";

    public PartialResult {
        args = List.copyOf(args);
        indices = List.copyOf(indices);
        runs = List.copyOf(runs);
        if (indices.size() != runs.size()) {
            throw new IllegalArgumentException("indices and runs differ in size");
        }
    }

    /** The bytes written to {@link #FILE}. */
    public byte[] toBytes() {
        return Wire.toBytes(this);
    }

    /** Reads {@code dir/}{@link #FILE}; an {@link IOException} naming the file when it is not a partial. */
    public static PartialResult read(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            throw new IOException(f + ": no partial result here (expected the --out DIR of an 'rtvsim ... --part K/N' run)");
        }
        try (InputStream in = Files.newInputStream(f)) {
            return Wire.read(new java.io.BufferedInputStream(in), PartialResult.class);
        } catch (IOException e) {
            throw new IOException(f + ": " + e.getMessage(), e);
        }
    }

    /**
     * The results of every item of the partials' work list, in item order; an {@link IllegalArgumentException}
     * saying what is wrong when they come from different commands or work lists, or miss or repeat a slice.
     */
    public static List<RunResult> merge(List<PartialResult> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no partial results given");
        }
        PartialResult first = parts.get(0);
        Map<Integer, PartialResult> slices = new TreeMap<>();
        for (PartialResult p : parts) {
            if (!p.command().equals(first.command()) || !p.args().equals(first.args())
                    || !p.fingerprint().equals(first.fingerprint()) || p.items() != first.items()
                    || p.part().n() != first.part().n()) {
                throw new IllegalArgumentException("part " + p.part() + " comes from a different experiment than part "
                        + first.part() + " (" + describe(p) + " vs " + describe(first) + ")");
            }
            if (slices.put(p.part().k(), p) != null) {
                throw new IllegalArgumentException("part " + p.part() + " is given twice");
            }
        }
        int n = first.part().n();
        List<Integer> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            if (!slices.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing part(s) " + missing.stream().map(k -> k + "/" + n).toList()
                    + " of " + n);
        }
        RunResult[] out = new RunResult[first.items()];
        for (PartialResult p : slices.values()) {
            for (int i = 0; i < p.indices().size(); i++) {
                out[p.indices().get(i)] = p.runs().get(i);
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                throw new IllegalArgumentException("item " + i + " is in no part");
            }
        }
        return List.of(out);
    }

    private static String describe(PartialResult p) {
        return "'" + p.command() + " " + String.join(" ", p.args()) + "', work list " + p.fingerprint().substring(0, 12);
    }

    /** A SHA-256 of the work list: every item's bound scenario and replication. */
    public static String fingerprint(List<Work> work) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(Wire.toBytes(new ArrayList<>(work)));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
