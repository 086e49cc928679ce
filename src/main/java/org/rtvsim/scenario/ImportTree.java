package org.rtvsim.scenario;

/**
 * Small builders for the tree nodes a command import writes: every node is located at {@code <command line>},
 * like the values of {@code --set}, so a binder error about an imported value points there.
 */
final class ImportTree {
    private ImportTree() {
    }

    static Node.Location at() {
        return Node.Location.commandLine();
    }

    static Node.Scalar text(String s) {
        return new Node.Scalar(s, Node.ScalarKind.STRING, at());
    }

    static Node.Scalar number(long v) {
        return new Node.Scalar(Long.toString(v), Node.ScalarKind.NUMBER, at());
    }

    static Node.Scalar bool(boolean v) {
        return new Node.Scalar(Boolean.toString(v), Node.ScalarKind.BOOLEAN, at());
    }

    /** A mapping from alternating keys and values; a value is a Node, a String (text), a Long/Integer, a Boolean. */
    static Node.MapNode map(Object... keyValues) {
        Node.MapNode m = new Node.MapNode(at());
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], at(), node(keyValues[i + 1]));
        }
        return m;
    }

    static Node.ListNode list(Node... items) {
        Node.ListNode l = new Node.ListNode(at());
        for (Node n : items) {
            l.add(n);
        }
        return l;
    }

    private static Node node(Object v) {
        if (v instanceof Node n) {
            return n;
        } else if (v instanceof Boolean b) {
            return bool(b);
        } else if (v instanceof Number n) {
            return number(n.longValue());
        }
        return text((String) v);
    }

    /** A workload entry {@code - KIND: body}. */
    static Node.MapNode entry(String kind, Node.MapNode body) {
        return map(kind, body);
    }

    /** {@code parent.key} as a mapping, created (replacing a null) when absent. */
    static Node.MapNode child(Node.MapNode parent, String key, String path) {
        Node n = parent.get(key);
        if (n == null || n instanceof Node.Scalar s && s.isNull()) {
            Node.MapNode m = new Node.MapNode(at());
            parent.put(key, at(), m);
            return m;
        }
        if (!(n instanceof Node.MapNode m)) {
            throw new ScenarioException(n.location(), path, "expected a mapping; got " + Node.describe(n));
        }
        return m;
    }

    /** A size in bytes as the scenario writes it: MiB when whole, else bytes. */
    static String size(long bytes) {
        long mib = 1L << 20;
        return bytes % mib == 0 ? bytes / mib + "MiB" : bytes + "B";
    }
}
