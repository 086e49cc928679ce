package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a small tree of mappings, lists and scalars in which every node remembers the file,
 * line and column it came from, so that errors found after merging still point at the user's text.
 *
 * <p>Mappings and lists are mutable while the loader merges and overrides; binders only read them.
 */
public sealed interface Node {

    Location location();

    /** A place in a scenario file (1-based line and column; 0 when unknown). */
    record Location(String file, int line, int column) {
        public static Location commandLine() {
            return new Location(ScenarioException.COMMAND_LINE, 0, 0);
        }
    }

    /** What kind of YAML scalar a value was written as. */
    enum ScalarKind { STRING, NUMBER, BOOLEAN, NULL }

    /** A scalar exactly as written ({@code text}) and how YAML read it. */
    record Scalar(String text, ScalarKind kind, Location location) implements Node {
        public boolean isNull() {
            return kind == ScalarKind.NULL;
        }
    }

    /** A mapping in file order; each key remembers its own location. */
    final class MapNode implements Node {
        private final Location location;
        private final LinkedHashMap<String, Node> entries = new LinkedHashMap<>();
        private final LinkedHashMap<String, Location> keyLocations = new LinkedHashMap<>();

        public MapNode(Location location) {
            this.location = location;
        }

        @Override
        public Location location() {
            return location;
        }

        public void put(String key, Location keyLocation, Node value) {
            entries.put(key, value);
            keyLocations.put(key, keyLocation);
        }

        public Node get(String key) {
            return entries.get(key);
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        public Node remove(String key) {
            keyLocations.remove(key);
            return entries.remove(key);
        }

        /** Where the key itself is written (the node's own location when unknown). */
        public Location keyLocation(String key) {
            return keyLocations.getOrDefault(key, location);
        }

        public Map<String, Node> entries() {
            return java.util.Collections.unmodifiableMap(entries);
        }

        public int size() {
            return entries.size();
        }
    }

    /** A list. */
    final class ListNode implements Node {
        private final Location location;
        private final List<Node> items = new ArrayList<>();

        public ListNode(Location location) {
            this.location = location;
        }

        @Override
        public Location location() {
            return location;
        }

        public void add(Node item) {
            items.add(item);
        }

        public void set(int index, Node item) {
            items.set(index, item);
        }

        public List<Node> items() {
            return java.util.Collections.unmodifiableList(items);
        }

        public int size() {
            return items.size();
        }
    }

    /** A deep copy (mappings and lists are fresh; scalars and locations are shared). */
    static Node copy(Node node) {
        if (node instanceof MapNode m) {
            MapNode c = new MapNode(m.location());
            m.entries().forEach((k, v) -> c.put(k, m.keyLocation(k), copy(v)));
            return c;
        } else if (node instanceof ListNode l) {
            ListNode c = new ListNode(l.location());
            l.items().forEach(i -> c.add(copy(i)));
            return c;
        }
        return node;
    }

    /** A short description of what a node is, for "got ..." in messages. */
    static String describe(Node node) {
        if (node instanceof MapNode) {
            return "a mapping";
        } else if (node instanceof ListNode) {
            return "a list";
        }
        Scalar s = (Scalar) node;
        return s.isNull() ? "nothing (null)" : "'" + s.text() + "'";
    }
}
