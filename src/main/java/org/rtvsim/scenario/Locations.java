package org.rtvsim.scenario;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each mapping of a bound scenario was written: its key path ({@code host.workload.cache_hog[0]},
 * {@code vms[rt].kernel}) to the file, line and column of its text. Binding records every section it reads, so an
 * error found later, while the model is built from a scenario that validated, still points at the user's line
 * ({@link ScenarioSpec#error}).
 */
public final class Locations {
    private static final ThreadLocal<Map<String, Node.Location>> RECORDING = new ThreadLocal<>();

    private final String file;
    private final Map<String, Node.Location> at;

    private Locations(String file, Map<String, Node.Location> at) {
        this.file = file == null ? "" : file;
        this.at = at;
    }

    /** No locations (a spec built in code): errors name the file only. */
    public static Locations none(String file) {
        return new Locations(file, Map.of());
    }

    /**
     * The location of {@code keyPath}, or of its nearest recorded ancestor ({@code a.b[1].c} → {@code a.b[1]} →
     * {@code a.b} → {@code a}); the file alone (line 0) when none is recorded.
     */
    public Node.Location of(String keyPath) {
        String p = keyPath == null ? "" : keyPath;
        while (!p.isEmpty()) {
            Node.Location l = at.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut <= 0 ? "" : p.substring(0, cut);
        }
        return new Node.Location(file, 0, 0);
    }

    /**
     * Runs {@code binding}, which receives the locations that it fills: every section it reads is recorded (the
     * map is complete when {@code binding} returns, and not changed after).
     */
    static <T> T record(String file, java.util.function.Function<Locations, T> binding) {
        Map<String, Node.Location> map = new HashMap<>();
        Map<String, Node.Location> outer = RECORDING.get();
        RECORDING.set(map);
        try {
            return binding.apply(new Locations(file, Collections.unmodifiableMap(map)));
        } finally {
            if (outer == null) {
                RECORDING.remove();
            } else {
                RECORDING.set(outer);
            }
        }
    }

    /** Called by {@link Section#of}: the first location recorded for a path wins. */
    static void note(String path, Node.Location location) {
        Map<String, Node.Location> map = RECORDING.get();
        if (map != null && path != null && !path.isEmpty() && location != null && location.line() > 0) {
            map.putIfAbsent(path, location);
        }
    }
}
