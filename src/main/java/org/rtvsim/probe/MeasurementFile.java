package org.rtvsim.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code measurement.json} (format {@value #FORMAT}, documented in {@code docs/measured-data.md}): writing it and
 * any file of a measurement atomically (a temporary file in the same directory, then a move), and reading it back as
 * a {@link Measurement}.
 */
public final class MeasurementFile {
    public static final String FORMAT = "rtvsim-measurement/v1";
    public static final String JSON = "measurement.json";
    public static final String HISTOGRAM = "histogram.txt";
    public static final String STDERR = "cyclictest.stderr";
    public static final String LOAD_LOG = "load.log";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MeasurementFile() {
    }

    /** Whether {@code text} is a measurement.json (a JSON object whose "format" is {@value #FORMAT}). */
    public static boolean isMeasurement(String text) {
        String t = text.stripLeading();
        if (!t.startsWith("{") || !t.contains(FORMAT)) {
            return false;
        }
        try {
            return FORMAT.equals(MAPPER.readTree(t).path("format").asText());
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Writes {@code text} to {@code dir/name} through a temporary file and a move. */
    public static void writeAtomically(Path dir, String name, String text) throws IOException {
        Path tmp = tempFile(dir, name);
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            move(tmp, dir.resolve(name));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new empty hidden file {@code dir/.NAME.PID-N.tmp}, created with the default permissions (umask), unlike
     * {@link Files#createTempFile}, which makes it readable by its owner only.
     */
    public static Path tempFile(Path dir, String name) throws IOException {
        for (int n = 0;; n++) {
            Path p = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "-" + n + ".tmp");
            try {
                return Files.createFile(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (n > 1000) {
                    throw e;
                }
            }
        }
    }

    /** Moves {@code from} onto {@code to} atomically when the file system allows, replacing it. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code json} as {@code dir/measurement.json}. */
    public static Path write(Path dir, ObjectNode json) throws IOException {
        writeAtomically(dir, JSON, MAPPER.writeValueAsString(json) + "\n");
        return dir.resolve(JSON);
    }

    /**
     * Reads a measurement.json.
     *
     * @throws ProbeException when the file cannot be read, is not JSON, has another format or lacks a field
     */
    public static Measurement read(Path file) {
        String text;
        try {
            text = org.rtvsim.engine.TextFiles.read(file, org.rtvsim.engine.TextFiles.SCENARIO_MAX_BYTES);
        } catch (IOException e) {
            throw new ProbeException(file + ": cannot read the file: " + e.getMessage());
        }
        return parse(file, text);
    }

    /** Parses the text of the measurement.json at {@code file}. */
    public static Measurement parse(Path file, String text) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProbeException(file + ":" + (e.getLocation() == null ? 1 : e.getLocation().getLineNr())
                    + ": valid JSON; got " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new ProbeException(file + ": expected a measurement.json with \"format\": \"" + FORMAT + "\"; got "
                    + (root == null || !root.isObject() ? "no JSON object" : "format " + root.path("format")));
        }
        JsonNode ct = root.path("cyclictest");
        String histName = root.path("histogram").path("file").asText(null);
        if (histName == null || histName.isBlank()) {
            throw new ProbeException(file + ": expected \"histogram\": {\"file\": \"histogram.txt\", …}; the field "
                    + "is missing");
        }
        if (!ct.path("user_args").isArray() || !ct.path("command").isArray()) {
            throw new ProbeException(file + ": expected \"cyclictest\" with arrays \"user_args\" and \"command\"");
        }
        Path dir = file.toAbsolutePath().getParent();
        JsonNode machine = root.path("machine");
        return new Measurement(file, ct.path("options").asText(""), strings(ct.path("user_args")),
                strings(ct.path("command")), ct.path("version").isNull() ? null : ct.path("version").asText(null),
                dir.resolve(histName), root.path("load").isObject() ? root.path("load").path("command").asText(null)
                        : null, root.path("interrupted").asBoolean(false), ct.path("exit_status").asInt(-1),
                root.path("start").asText(null), root.path("duration_s").asDouble(Double.NaN),
                new MachineFacts(machine.isObject() ? (ObjectNode) machine : MAPPER.createObjectNode()), root);
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    /** The options as one shell-readable string: words with spaces or quotes are single-quoted. */
    public static String join(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(a.isEmpty() || a.matches(".*[\\s'\"\\\\$`|;&<>()*?].*")
                    ? "'" + a.replace("'", "'\\''") + "'" : a);
        }
        return sb.toString();
    }
}
