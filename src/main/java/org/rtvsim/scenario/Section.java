package org.rtvsim.scenario;

import java.util.Set;
import java.util.function.BiFunction;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;

/**
 * Typed, key-checked access to one mapping of the scenario ({@code host.kernel}, a workload entry …):
 * rejects unknown keys with the nearest known key, and reads each key with its default. Absent keys
 * and keys written as null both take the default.
 */
final class Section {
    private final Node.MapNode map;
    private final String path;
    private final Node.Location at;

    private Section(Node.MapNode map, String path, Node.Location at) {
        this.map = map;
        this.path = path;
        this.at = at;
    }

    /**
     * The section at {@code node} (null or a null scalar = an empty section located at {@code absentAt}),
     * checked against the keys of {@code shape}.
     */
    static Section of(Node node, String path, Schema.Shape shape, Node.Location absentAt) {
        if (node == null || node instanceof Node.Scalar s && s.isNull()) {
            return new Section(new Node.MapNode(absentAt), path, absentAt);
        }
        if (!(node instanceof Node.MapNode m)) {
            throw new ScenarioException(node.location(), path, "expected a mapping of "
                    + String.join(", ", Schema.keys(shape)) + "; got " + Node.describe(node));
        }
        if (!Schema.isOpen(shape)) {
            checkKeys(m, path, Schema.keys(shape));
        }
        Locations.note(path, m.location());
        return new Section(m, path, m.location());
    }

    static void checkKeys(Node.MapNode m, String path, Set<String> known) {
        for (String k : m.entries().keySet()) {
            if (!known.contains(k)) {
                String hint = Suggest.hint(k, known);
                throw new ScenarioException(m.keyLocation(k), join(path, k), "unknown key '" + k + "'"
                        + (hint.isEmpty() ? "; expected one of " + String.join(", ", known) : hint));
            }
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String component;

    /** The same section whose {@link #component()} is {@code componentPath}. */
    Section withComponent(String componentPath) {
        this.component = componentPath;
        Locations.note(componentPath, at);
        return this;
    }

    /** The component path (random-stream name) of what this section describes; its key path unless set. */
    String component() {
        return component != null ? component : path;
    }

    String path() {
        return path;
    }

    Node.Location location() {
        return at;
    }

    Node.MapNode map() {
        return map;
    }

    String key(String k) {
        return join(path, k);
    }

    boolean has(String k) {
        Node n = map.get(k);
        return n != null && !(n instanceof Node.Scalar s && s.isNull());
    }

    /**
     * Whether {@code k} is the scalar {@code off} (a section that may be switched off); any other scalar is an
     * error, a mapping or absence is not off.
     */
    boolean isOff(String k) {
        Node n = node(k);
        if (n instanceof Node.Scalar sc && !sc.isNull()) {
            if (sc.text().trim().equalsIgnoreCase("off")) {
                return true;
            }
            throw Values.error(n, key(k), "expected a mapping of its parameters or \"off\"; got '" + sc.text() + "'");
        }
        return false;
    }

    Node node(String k) {
        return map.get(k);
    }

    /** The child section (empty when absent). */
    Section section(String k, Schema.Shape shape) {
        return of(map.get(k), key(k), shape, has(k) ? map.get(k).location() : at);
    }

    /**
     * The entries of the list {@code k}, entry i the section {@code k[i]} of {@code shape}: none when the key is
     * absent, else an error "expected a [non-empty ]list of WHAT; got …" unless it is a list (with an entry when
     * {@code nonEmpty}). Each entry is checked when it is read, so entries are checked in order, each after the
     * caller's checks of those before it.
     */
    java.util.List<Section> sections(String k, Schema.Shape shape, boolean nonEmpty, String what) {
        if (!has(k)) {
            return java.util.List.of();
        }
        Node n = node(k);
        if (!(n instanceof Node.ListNode list) || nonEmpty && list.size() == 0) {
            throw Values.error(n, key(k), "expected a " + (nonEmpty ? "non-empty " : "") + "list of " + what
                    + "; got " + Node.describe(n));
        }
        String listKey = key(k);
        return new java.util.AbstractList<>() {
            @Override
            public Section get(int i) {
                return of(list.items().get(i), listKey + "[" + i + "]", shape, list.location());
            }

            @Override
            public int size() {
                return list.size();
            }
        };
    }

    ScenarioException missing(String k, String expected) {
        return new ScenarioException(at, key(k), "missing required key '" + k + "'; expected " + expected);
    }

    private <T> T get(String k, T def, BiFunction<Node, String, T> conv) {
        return has(k) ? conv.apply(map.get(k), key(k)) : def;
    }

    private <T> T require(String k, String expected, BiFunction<Node, String, T> conv) {
        if (!has(k)) {
            throw missing(k, expected);
        }
        return conv.apply(map.get(k), key(k));
    }

    String string(String k, String def) {
        return get(k, def, Values::string);
    }

    String requiredString(String k) {
        return require(k, "a string", Values::string);
    }

    long durationNs(String k, long def) {
        return get(k, def, (n, p) -> Values.durationNs(n, p, false));
    }

    long positiveDurationNs(String k, long def) {
        return get(k, def, (n, p) -> Values.durationNs(n, p, true));
    }

    long requiredPositiveDurationNs(String k) {
        return require(k, "a positive duration, e.g. \"1ms\"", (n, p) -> Values.durationNs(n, p, true));
    }

    int integer(String k, int def, int min, int max) {
        return get(k, def, (n, p) -> (int) Values.integer(n, p, min, max));
    }

    int requiredInteger(String k, int min, int max) {
        return require(k, "an integer in " + min + ".." + max, (n, p) -> (int) Values.integer(n, p, min, max));
    }

    long longValue(String k, long def) {
        return get(k, def, (n, p) -> Values.integer(n, p, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    double number(String k, double def, double min, double max, String what) {
        return get(k, def, (n, p) -> Values.number(n, p, min, max, what));
    }

    boolean bool(String k, boolean def) {
        return get(k, def, Values::bool);
    }

    <E extends Enum<E>> E enumValue(String k, Class<E> type, E def) {
        return get(k, def, (n, p) -> Values.enumValue(n, p, type));
    }

    String choice(String k, java.util.List<String> valid, String def) {
        return get(k, def, (n, p) -> Values.choice(n, p, valid));
    }

    /** A cpulist checked against {@code ncpus}; {@code def} when absent. */
    CpuSet cpus(String k, int ncpus, String what, CpuSet def) {
        return get(k, def, (n, p) -> Values.cpus(n, p, ncpus, what));
    }

    double frequencyHz(String k, double def) {
        return get(k, def, Values::frequencyHz);
    }

    DistSpec dist(String k, DistSpec def) {
        return get(k, def, DistBinder::duration);
    }

    DistSpec requiredDist(String k) {
        return require(k, "a distribution such as {fixed: 2us} or {lognormal: {median: 3us, sigma: 0.6}}",
                DistBinder::duration);
    }
}
