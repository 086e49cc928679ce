package org.rtvsim.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Interns the attribution labels of one simulation run ("SMI", "host.load.hackbench: spinlock
 * section") as dense integer ids, so that recorders can accumulate nanoseconds per label in arrays.
 *
 * <p>Ids are 0, 1, 2, … in first-registration order, so the same run registers the same ids.
 * Not thread-safe: one registry per simulation run.
 */
public final class BlameRegistry {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> labels = new ArrayList<>();

    /** The id of {@code label}, registering it with the next free id on first use. */
    public int id(String label) {
        Objects.requireNonNull(label, "label");
        Integer id = ids.get(label);
        if (id != null) {
            return id;
        }
        int next = labels.size();
        ids.put(label, next);
        labels.add(label);
        return next;
    }

    /** The label registered under {@code id}. */
    public String label(int id) {
        if (id < 0 || id >= labels.size()) {
            throw new IllegalArgumentException("blame id " + id + " is not registered (0.." + (labels.size() - 1) + ")");
        }
        return labels.get(id);
    }

    /** How many labels are registered. */
    public int size() {
        return labels.size();
    }
}
