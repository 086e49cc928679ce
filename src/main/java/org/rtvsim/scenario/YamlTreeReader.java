package org.rtvsim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.rtvsim.engine.TextFiles;

/**
 * Reads YAML text into a located {@link Node} tree with Jackson's streaming YAML parser, recording each
 * token's line and column. Records are not bound here: binding happens later, on the merged tree.
 */
public final class YamlTreeReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    /** Mappings and lists nest at most this deep (assumption: scenarios need about 8; docs/errors.md). */
    public static final int MAX_DEPTH = 64;

    private YamlTreeReader() {
    }

    /** Reads a file; a missing or unreadable file is a {@link ScenarioException} naming the path. */
    public static Node readFile(Path file) {
        String text;
        try {
            text = TextFiles.read(file, TextFiles.SCENARIO_MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file.toString(), 0, 0, "", "file not found");
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), 0, 0, "", "cannot read the file: " + e.getMessage());
        }
        if (text.stripLeading().startsWith("{")) {
            // a JSON document (an rt-app workload): JSON allows tabs as blanks, YAML does not; a literal tab
            // cannot be inside a JSON string, so each becomes one space (columns stay the same)
            text = blankComments(text.replace('\t', ' '));
        }
        return read(text, file.toString());
    }

    /**
     * JSON text with its {@code /* … *}{@code /} and {@code //} comments (which rt-app's json-c parser allows)
     * turned into spaces, line breaks kept, so lines and columns stay those of the file; strings are untouched.
     */
    static String blankComments(String json) {
        StringBuilder sb = new StringBuilder(json);
        boolean inString = false;
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '/' && i + 1 < sb.length() && (sb.charAt(i + 1) == '*' || sb.charAt(i + 1) == '/')) {
                boolean block = sb.charAt(i + 1) == '*';
                int end = block ? sb.indexOf("*/", i + 2) : sb.indexOf("\n", i);
                end = end < 0 ? sb.length() : block ? end + 2 : end;
                for (int j = i; j < end; j++) {
                    if (sb.charAt(j) != '\n' && sb.charAt(j) != '\r') {
                        sb.setCharAt(j, ' ');
                    }
                }
                i = end - 1;
            }
        }
        return sb.toString();
    }

    /**
     * Reads YAML text; {@code file} is the name used in locations. An empty document is an empty mapping.
     * Syntax errors become a {@link ScenarioException} at the line and column Jackson reports.
     */
    public static Node read(String text, String file) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new Node.MapNode(new Node.Location(file, 1, 1));
            }
            return value(p, t, file, 0);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage() == null ? "invalid YAML" : e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            msg = (nl >= 0 ? msg.substring(0, nl) : msg).trim();
            throw new ScenarioException(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "",
                    "YAML syntax error: " + msg);
        } catch (IOException e) {
            throw new ScenarioException(file, 0, 0, "", "cannot read YAML: " + e.getMessage());
        }
    }

    private static Node value(JsonParser p, JsonToken t, String file, int depth) throws IOException {
        Node.Location at = location(p, file);
        if (depth >= MAX_DEPTH && (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)) {
            throw new ScenarioException(at, "", "expected mappings and lists nested at most " + MAX_DEPTH
                    + " deep; got deeper nesting");
        }
        switch (t) {
            case START_OBJECT -> {
                Node.MapNode map = new Node.MapNode(at);
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Node.Location keyAt = location(p, file);
                    if (map.has(key)) {
                        throw new ScenarioException(keyAt, key, "duplicate key '" + key + "'; each key may appear "
                                + "once in a mapping (first at line " + map.keyLocation(key).line() + ")");
                    }
                    map.put(key, keyAt, value(p, p.nextToken(), file, depth + 1));
                }
                return map;
            }
            case START_ARRAY -> {
                Node.ListNode list = new Node.ListNode(at);
                JsonToken i;
                while ((i = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(p, i, file, depth + 1));
                }
                return list;
            }
            case VALUE_STRING -> {
                return new Node.Scalar(p.getText(), Node.ScalarKind.STRING, at);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node.Scalar(p.getText(), Node.ScalarKind.NUMBER, at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.Scalar(p.getText(), Node.ScalarKind.BOOLEAN, at);
            }
            case VALUE_NULL -> {
                return new Node.Scalar("", Node.ScalarKind.NULL, at);
            }
            default -> throw new ScenarioException(at, "", "unsupported YAML content (" + t + ")");
        }
    }

    private static Node.Location location(JsonParser p, String file) {
        JsonLocation l = p.currentTokenLocation();
        return new Node.Location(file, l.getLineNr(), l.getColumnNr());
    }
}
