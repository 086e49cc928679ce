package org.rtvsim.scenario;

import java.util.Map;

/**
 * One entry of {@code events:} — a system operation at a time or with a rate (hardware-noise issue).
 * Kept as its kind and its fields until that model exists.
 */
public record SystemEventSpec(String path, String kind, Map<String, Object> fields) {
}
