package org.rtvsim.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves {@code extends:} chains and deep-merges the trees: mappings are merged key by key, lists of
 * named entries ({@code vms:}) entry by entry (same {@code name}: merged; new names: appended), other lists
 * and scalars of the extending file replace the base's. Every node keeps the location of the file it came from.
 */
public final class TreeMerger {
    private TreeMerger() {
    }

    /** Reads a file and everything it extends, returning one merged tree without {@code extends} keys. */
    public static Node loadMerged(Path file) {
        return resolve(YamlTreeReader.readFile(file), file, new ArrayDeque<>());
    }

    /**
     * Resolves the {@code extends:} of an already read tree; {@code file} is where the tree came from
     * (its parent directory anchors relative paths).
     */
    public static Node resolveExtends(Node tree, Path file) {
        return resolve(tree, file, new ArrayDeque<>());
    }

    private static Node resolve(Node tree, Path file, Deque<Path> chain) {
        Path self = file.toAbsolutePath().normalize();
        chain.addLast(self);
        try {
            if (!(tree instanceof Node.MapNode map) || !map.has("extends")) {
                return tree;
            }
            Node ext = map.get("extends");
            if (!(ext instanceof Node.Scalar s) || s.isNull() || s.text().isBlank()) {
                throw new ScenarioException(ext.location(), "extends",
                        "expected the path of another scenario file; got " + Node.describe(ext));
            }
            Path dir = self.getParent();
            Path basePath = (dir == null ? Path.of(s.text()) : dir.resolve(s.text())).normalize();
            if (chain.contains(basePath)) {
                List<String> names = new ArrayList<>();
                boolean in = false;
                for (Path p : chain) {
                    in |= p.equals(basePath);
                    if (in) {
                        names.add(p.getFileName().toString());
                    }
                }
                names.add(basePath.getFileName().toString());
                throw new ScenarioException(s.location(), "extends",
                        "expected a chain of files without a cycle; got the cycle " + String.join(" -> ", names));
            }
            if (!Files.exists(basePath)) {
                throw new ScenarioException(s.location(), "extends", "file not found: " + basePath);
            }
            if (Files.isDirectory(basePath) || !Files.isRegularFile(basePath)) {
                throw new ScenarioException(s.location(), "extends", "expected a scenario file; got "
                        + (Files.isDirectory(basePath) ? "a directory" : "a device, FIFO or socket") + ": " + basePath);
            }
            Node read = YamlTreeReader.readFile(basePath);
            if (!(read instanceof Node.MapNode)) {
                throw new ScenarioException(s.location(), "extends", "expected a scenario file (a YAML mapping); "
                        + basePath + " holds " + (read instanceof Node.ListNode ? "a list" : "a single value (plain text?)"));
            }
            Node base = resolve(read, basePath, chain);
            Node.MapNode over = (Node.MapNode) Node.copy(map);
            over.remove("extends");
            return merge(base, over);
        } finally {
            chain.removeLast();
        }
    }

    /**
     * Deep-merges {@code over} onto {@code base}: both mappings → merged per key; otherwise {@code over}
     * wins. Neither argument is modified.
     */
    public static Node merge(Node base, Node over) {
        if (base instanceof Node.MapNode b && over instanceof Node.MapNode o) {
            Node.MapNode out = new Node.MapNode(o.location());
            b.entries().forEach((k, v) -> out.put(k, b.keyLocation(k), Node.copy(v)));
            o.entries().forEach((k, v) -> {
                Node merged = out.has(k) ? merge(out.get(k), v) : Node.copy(v);
                out.put(k, o.keyLocation(k), merged);
            });
            return out;
        }
        if (base instanceof Node.ListNode b && over instanceof Node.ListNode o && named(b) && named(o)) {
            Node.ListNode out = new Node.ListNode(o.location());
            List<Node> rest = new ArrayList<>(o.items());
            for (Node item : b.items()) {
                Node match = null;
                for (Node n : rest) {
                    if (nameOf(n).equals(nameOf(item))) {
                        match = n;
                        break;
                    }
                }
                if (match != null) {
                    rest.remove(match);
                    out.add(merge(item, match));
                } else {
                    out.add(Node.copy(item));
                }
            }
            rest.forEach(n -> out.add(Node.copy(n)));
            return out;
        }
        return Node.copy(over);
    }

    /** A list of named entries ({@code vms:}): every item a mapping with a scalar {@code name}. */
    private static boolean named(Node.ListNode l) {
        if (l.items().isEmpty()) {
            return false;
        }
        for (Node n : l.items()) {
            if (!(n instanceof Node.MapNode m) || !(m.get("name") instanceof Node.Scalar s) || s.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static String nameOf(Node n) {
        return ((Node.Scalar) ((Node.MapNode) n).get("name")).text();
    }
}
