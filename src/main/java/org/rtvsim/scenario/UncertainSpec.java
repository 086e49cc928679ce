package org.rtvsim.scenario;

/**
 * One entry of the scenario's {@code uncertain:} list: a parameter whose value the scenario's author does not
 * know for the machine it describes, and which {@code rtvsim calibrate} fits when no {@code --fit} is given.
 * The path is anything {@code --set} reaches; the range is {@code LO..HI} with an optional common unit
 * ({@code 0.5us..5us}). Both are kept as text: {@code calibrate} parses and checks them against the merged
 * scenario (the ends must load), and reports problems at {@link #location()}.
 *
 * @param prior optional belief about the value inside the range; null = flat over the range
 * @param why   the author's note on why the value is uncertain (shown in reports), or empty
 */
public record UncertainSpec(String path, String range, Prior prior, String why, Node.Location location) {

    /**
     * A prior: {@code normal} (centre = mean, spread = standard deviation, both in the range's unit) or
     * {@code lognormal} (centre = median in the range's unit, spread = σ of the logarithm, dimensionless).
     */
    public record Prior(String kind, String centre, String spread, Node.Location location) {
    }
}
