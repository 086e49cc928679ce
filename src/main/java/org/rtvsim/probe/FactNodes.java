package org.rtvsim.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The JSON shape of one machine fact: {@code {value, source}}, or {@code {value: null, source, reason}}. */
final class FactNodes {
    static final JsonNodeFactory J = JsonNodeFactory.instance;

    private FactNodes() {
    }

    static ObjectNode fact(Object value, String source) {
        ObjectNode n = J.objectNode();
        n.set("value", toNode(value));
        n.put("source", source);
        return n;
    }

    static ObjectNode missing(String source, String reason) {
        ObjectNode n = J.objectNode();
        n.putNull("value");
        n.put("source", source);
        n.put("reason", reason);
        return n;
    }

    static JsonNode toNode(Object v) {
        if (v == null) {
            return J.nullNode();
        }
        if (v instanceof JsonNode n) {
            return n;
        }
        if (v instanceof String s) {
            return J.textNode(s);
        }
        if (v instanceof Boolean b) {
            return J.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return J.numberNode(i);
        }
        if (v instanceof Long l) {
            return J.numberNode(l);
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? J.numberNode(d) : J.nullNode();
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = J.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                o.set(String.valueOf(e.getKey()), toNode(e.getValue()));
            }
            return o;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = J.arrayNode();
            l.forEach(x -> a.add(toNode(x)));
            return a;
        }
        return J.textNode(String.valueOf(v));
    }
}
