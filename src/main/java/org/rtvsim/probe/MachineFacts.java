package org.rtvsim.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The machine facts of a measurement ({@code measurement.json}'s {@code machine} object): each fact is an object
 * {@code {"value": …, "source": "…"}}, with a {@code reason} when the value is null. Typed accessors return empty
 * when a fact is unknown; {@link #json()} is the whole tree.
 */
public final class MachineFacts {
    private final ObjectNode json;

    public MachineFacts(ObjectNode json) {
        this.json = json;
    }

    public ObjectNode json() {
        return json;
    }

    /** The fact object at a slash path, e.g. {@code "hypervisor/guess"}; a missing node when absent. */
    public JsonNode fact(String path) {
        return json.at("/" + path);
    }

    /** A fact's value as text; empty when null or absent. */
    public Optional<String> text(String path) {
        JsonNode v = fact(path).path("value");
        return v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** A fact's source (where it came from), or "unknown". */
    public String source(String path) {
        return fact(path).path("source").asText("unknown");
    }

    public Optional<Integer> cpus() {
        JsonNode v = fact("cpus").path("value");
        if (v.canConvertToInt()) {
            return Optional.of(v.asInt());
        }
        JsonNode c = fact("online_cpus").path("count");
        return c.canConvertToInt() ? Optional.of(c.asInt()) : Optional.empty();
    }

    /** none, voluntary, full, lazy or rt. */
    public Optional<String> preempt() {
        return text("preempt");
    }

    public Optional<Integer> hz() {
        JsonNode v = fact("hz").path("value");
        return v.canConvertToInt() ? Optional.of(v.asInt()) : Optional.empty();
    }

    /** A kernel command-line key: its value, "" for a bare flag, empty when absent or unknown. */
    public Optional<String> cmdlineKey(String key) {
        JsonNode v = fact("cmdline").path("keys").path(key);
        if (v.isMissingNode() || v.isNull()) {
            return Optional.empty();
        }
        return Optional.of(v.isBoolean() ? "" : v.asText());
    }

    /** The hypervisor guess: none, kvm, firecracker, qemu, xen, vmware, microsoft, virtualbox, unknown, …. */
    public String hypervisor() {
        return text("hypervisor/guess").orElse("none");
    }

    public boolean isGuest() {
        return fact("hypervisor/guess").path("guest").asBoolean(false);
    }

    /** One cpuidle state of the first CPU that has states. */
    public record IdleState(String name, String desc, Long latencyUs, Long residencyUs, Long disable) {
    }

    /** The cpuidle states of the first CPU listing any (empty when none were readable). */
    public List<IdleState> idleStates() {
        List<IdleState> out = new ArrayList<>();
        JsonNode per = fact("cpuidle/states").path("value");
        if (!per.isObject() || per.isEmpty()) {
            return out;
        }
        for (JsonNode s : per.elements().next()) {
            out.add(new IdleState(s.path("name").asText(null), s.path("desc").asText(null), num(s, "latency_us"),
                    num(s, "residency_us"), num(s, "disable")));
        }
        return out;
    }

    private static Long num(JsonNode n, String k) {
        return n.path(k).canConvertToLong() ? n.path(k).asLong() : null;
    }
}
