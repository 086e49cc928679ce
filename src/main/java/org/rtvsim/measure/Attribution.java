package org.rtvsim.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a latency of {@code totalNs} nanoseconds splits into named components (the blame labels
 * of the model); the components' nanoseconds sum exactly to {@code totalNs}.
 *
 * <p>Components are sorted by nanoseconds descending, ties by label, so the order is deterministic.
 */
public record Attribution(long totalNs, List<Component> components) {

    /** One named share of a latency: {@code ns} nanoseconds, {@code share} = ns / total (0..1). */
    public record Component(String label, long ns, double share) {
    }

    public Attribution {
        components = List.copyOf(components);
    }

    /**
     * Builds sorted components from nanoseconds per blame id ({@code nsById[id]}, zero entries
     * skipped); {@code totalNs} is their sum.
     */
    static List<Component> components(long[] nsById, int length, BlameRegistry blames) {
        long total = 0;
        for (int i = 0; i < length; i++) {
            total += nsById[i];
        }
        List<Component> out = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            if (nsById[i] != 0) {
                out.add(new Component(blames.label(i), nsById[i], total == 0 ? 0.0 : (double) nsById[i] / total));
            }
        }
        out.sort(Comparator.comparingLong(Component::ns).reversed().thenComparing(Component::label));
        return out;
    }
}
