package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a {@link Node} tree back as block-style YAML that {@link YamlTreeReader} reads to the same tree:
 * mappings in order, lists with {@code - }, scalars as written (strings double-quoted when plain YAML would read
 * them as something else). Used to write scenario files such as {@code calibrated.yaml}.
 */
public final class NodeYaml {
    /** Strings that stay plain: start with a letter, digit or one of {@code _./-}, no YAML indicators inside. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./µ-][A-Za-z0-9_./µ ,+-]*");
    private static final Pattern SPECIAL = Pattern.compile(
            "(?i)(true|false|yes|no|on|off|null|~|[-+]?(\\d[\\d_]*)?\\.?\\d+([eE][-+]?\\d+)?|0x[0-9a-f]+|\\.inf|\\.nan)");

    private NodeYaml() {
    }

    /** The tree as YAML text (a mapping at the top, ending in a newline). */
    public static String write(Node node) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines(node, 0)) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private static List<String> lines(Node node, int indent) {
        String pad = " ".repeat(indent);
        List<String> out = new ArrayList<>();
        if (node instanceof Node.MapNode m) {
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                String key = pad + scalar(e.getKey(), Node.ScalarKind.STRING) + ":";
                Node v = e.getValue();
                if (isBlock(v)) {
                    out.add(key);
                    out.addAll(lines(v, indent + 2));
                } else {
                    out.add(key + " " + inline(v));
                }
            }
        } else if (node instanceof Node.ListNode l) {
            for (Node item : l.items()) {
                if (item instanceof Node.MapNode && isBlock(item)) {
                    List<String> sub = lines(item, indent + 2);
                    sub.set(0, pad + "- " + sub.get(0).substring(indent + 2));
                    out.addAll(sub);
                } else {
                    out.add(pad + "- " + inline(item));
                }
            }
        } else {
            out.add(pad + inline(node));
        }
        return out;
    }

    private static boolean isBlock(Node n) {
        return n instanceof Node.MapNode m && m.size() > 0 || n instanceof Node.ListNode l && l.size() > 0;
    }

    /** A node in flow style. */
    private static String inline(Node n) {
        if (n instanceof Node.MapNode m) {
            List<String> parts = new ArrayList<>();
            m.entries().forEach((k, v) -> parts.add(scalar(k, Node.ScalarKind.STRING) + ": " + inline(v)));
            return "{" + String.join(", ", parts) + "}";
        } else if (n instanceof Node.ListNode l) {
            List<String> parts = new ArrayList<>();
            l.items().forEach(i -> parts.add(inline(i)));
            return "[" + String.join(", ", parts) + "]";
        }
        Node.Scalar s = (Node.Scalar) n;
        return scalar(s.text(), s.kind());
    }

    private static String scalar(String text, Node.ScalarKind kind) {
        if (kind == Node.ScalarKind.NULL) {
            return "null";
        }
        if (kind != Node.ScalarKind.STRING) {
            return text;
        }
        if (PLAIN.matcher(text).matches() && !SPECIAL.matcher(text).matches() && !text.endsWith(" ")
                && !text.contains(", ") && !text.startsWith("- ")) {
            return text;
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
