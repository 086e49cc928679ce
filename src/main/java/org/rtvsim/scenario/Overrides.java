package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code --set path=value} overrides to a merged tree. Paths are {@code a.b.c}, with list entries
 * by index ({@code host.workload[0]}) or by name ({@code vms[rt]}); a workload entry's one-key mapping is
 * stepped into by its key ({@code host.workload[0].cyclictest.priority}). The value is read as YAML, so a
 * flow mapping such as {@code {runtime: 900ms, period: 1s}} works. A key absent from the tree may be added
 * when the schema knows it; anything else is an error listing the nearest keys, located at
 * {@code <command line>}.
 */
public final class Overrides {
    private static final Pattern SEGMENT = Pattern.compile("\\.?([^.\\[\\]]+)|\\[([^\\]]*)\\]");

    private Overrides() {
    }

    /** Applies each {@code path=value} in order, modifying {@code root}. */
    public static void apply(Node root, List<String> sets) {
        for (String set : sets) {
            applyOne(root, set);
        }
    }

    private static void applyOne(Node root, String set) {
        int eq = set.indexOf('=');
        if (eq <= 0) {
            throw error(set, "expected --set PATH=VALUE, e.g. host.kernel.preempt=full; got '" + set + "'");
        }
        String path = set.substring(0, eq).trim();
        Node value = parseValue(path, set.substring(eq + 1));
        List<Step> segs = parsePath(path);
        Node cur = root;
        Schema.Shape shape = Schema.Shape.ROOT;
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < segs.size(); i++) {
            Step seg = segs.get(i);
            boolean last = i == segs.size() - 1;
            String where = at.length() == 0 ? "the top level" : at.toString();
            if (!seg.selector()) {
                String key = seg.text();
                if (!(cur instanceof Node.MapNode map)) {
                    throw error(path, where + " is " + Node.describe(cur) + ", not a mapping; cannot step into '"
                            + key + "'" + (cur instanceof Node.ListNode ? " (select an entry with [index] or [name])"
                            : ""));
                }
                if (!map.has(key) && !Schema.accepts(shape, key)) {
                    Set<String> known = new LinkedHashSet<>(map.entries().keySet());
                    known.addAll(Schema.keys(shape));
                    List<String> near = Suggest.nearest(key, known, 3);
                    throw error(path, "unknown key '" + key + "' in " + where + "; "
                            + (near.isEmpty() ? "known keys: " + String.join(", ", known)
                            : "nearest keys: " + String.join(", ", near)));
                }
                Schema.Shape childShape = Schema.child(shape, key);
                if (last) {
                    map.put(key, Node.Location.commandLine(), value);
                    return;
                }
                if (!map.has(key)) {
                    if (!Schema.isMapping(childShape)) {
                        throw error(path, "'" + key + "' in " + where + " is absent and not a mapping to step into");
                    }
                    map.put(key, Node.Location.commandLine(), new Node.MapNode(Node.Location.commandLine()));
                }
                cur = map.get(key);
                shape = childShape;
                at.append(at.length() == 0 ? "" : ".").append(key);
            } else {
                String sel = seg.text();
                if (!(cur instanceof Node.ListNode list)) {
                    throw error(path, where + " is " + Node.describe(cur) + ", not a list; cannot select [" + sel
                            + "]");
                }
                int index = select(path, where, list, sel);
                if (last) {
                    list.set(index, value);
                    return;
                }
                cur = list.items().get(index);
                shape = Schema.element(shape) == null ? Schema.Shape.OPEN : Schema.element(shape);
                at.append('[').append(sel).append(']');
            }
        }
    }

    private static int select(String path, String where, Node.ListNode list, String sel) {
        if (sel.matches("\\d+")) {
            int index = sel.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(sel);
            if (index >= list.size()) {
                throw error(path, "index " + sel + " is out of range; " + where + " has " + list.size()
                        + " entries (0.." + (list.size() - 1) + ")");
            }
            return index;
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.items().get(i) instanceof Node.MapNode m && m.get("name") instanceof Node.Scalar s) {
                if (s.text().equals(sel)) {
                    return i;
                }
                names.add(s.text());
            }
        }
        List<String> near = Suggest.nearest(sel, names, 3);
        throw error(path, "no entry named '" + sel + "' in " + where + "; "
                + (names.isEmpty() ? "its entries have no names; use an index" : "names: "
                + String.join(", ", near.isEmpty() ? names : near)));
    }

    /**
     * The part of {@code merged} that the {@code sets}' paths reach, as a tree an {@code extends:} file can hold:
     * mappings down the path, and at the first list on the way the whole list (an extending file replaces lists,
     * so a list entry cannot be changed alone). {@code merged} must already have the overrides applied.
     */
    public static Node.MapNode extract(Node merged, List<String> sets) {
        Node.Location cl = Node.Location.commandLine();
        Node.MapNode out = new Node.MapNode(cl);
        for (String set : sets) {
            String path = set.substring(0, set.indexOf('=')).trim();
            Node src = merged;
            Node.MapNode dst = out;
            List<Step> steps = parsePath(path);
            for (int i = 0; i < steps.size(); i++) {
                String key = steps.get(i).text();
                Node child = ((Node.MapNode) src).get(key);
                boolean last = i == steps.size() - 1;
                if (last || child instanceof Node.ListNode || i + 1 < steps.size() && steps.get(i + 1).selector()) {
                    dst.put(key, cl, Node.copy(child));
                    break;
                }
                if (dst.has(key) && !(dst.get(key) instanceof Node.MapNode)) {
                    break; // already copied whole (a list), overrides included
                }
                if (!dst.has(key)) {
                    dst.put(key, cl, new Node.MapNode(cl));
                }
                dst = (Node.MapNode) dst.get(key);
                src = child;
            }
        }
        return out;
    }

    /** One step of a path: a mapping key, or a list selector ({@code [0]} or {@code [name]}). */
    record Step(String text, boolean selector) {
    }

    /** Splits {@code a.b[0].c[rt]} into steps. */
    static List<Step> parsePath(String path) {
        List<Step> steps = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        int pos = 0;
        while (pos < path.length()) {
            if (!m.find(pos) || m.start() != pos || (pos == 0 && path.startsWith("."))) {
                throw error(path, "expected a path like host.kernel.preempt, host.workload[0] or vms[rt]; got '"
                        + path + "'");
            }
            steps.add(m.group(1) != null ? new Step(m.group(1).trim(), false) : new Step(m.group(2).trim(), true));
            pos = m.end();
        }
        if (steps.isEmpty() || steps.get(0).selector()) {
            throw error(path, "expected a path starting with a key, e.g. host.kernel.preempt; got '" + path + "'");
        }
        return steps;
    }

    private static Node parseValue(String path, String text) {
        if (text.isBlank()) {
            return new Node.Scalar("", Node.ScalarKind.STRING, Node.Location.commandLine());
        }
        try {
            return relocate(YamlTreeReader.read(text, ScenarioException.COMMAND_LINE));
        } catch (ScenarioException e) {
            throw error(path, "expected a YAML value after '='; " + e.detail());
        }
    }

    private static Node relocate(Node n) {
        Node.Location cl = Node.Location.commandLine();
        if (n instanceof Node.MapNode m) {
            Node.MapNode c = new Node.MapNode(cl);
            m.entries().forEach((k, v) -> c.put(k, cl, relocate(v)));
            return c;
        } else if (n instanceof Node.ListNode l) {
            Node.ListNode c = new Node.ListNode(cl);
            l.items().forEach(i -> c.add(relocate(i)));
            return c;
        }
        Node.Scalar s = (Node.Scalar) n;
        return new Node.Scalar(s.text(), s.kind(), cl);
    }

    private static ScenarioException error(String path, String detail) {
        return new ScenarioException(ScenarioException.COMMAND_LINE, 0, 0, "--set " + path, detail);
    }
}
