package org.rtvsim.scenario;

/** {@code slo:} — a service-level objective: the given percentile must be below {@code belowNs}. */
public record SloSpec(double percentile, long belowNs) {
}
