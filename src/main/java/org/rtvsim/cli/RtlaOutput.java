package org.rtvsim.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * How an rtla-like command ({@code timerlat}, {@code osnoise}) prints its result: the {@code MODE} after the
 * scenario file, {@code top} or {@code hist} as rtla's sub-tools, and the histogram options {@code -b/--bucket-size},
 * {@code -E/--entries} and {@code --with-zeros}, with the limits and messages of Linux
 * {@code tools/tracing/rtla/src/timerlat_hist.c} and {@code osnoise_hist.c} (the same in both). {@code MODE} has
 * picocli's relative index {@code +}: the position after the command's scenario {@code FILE} ({@link ScenarioArgs},
 * mixed in before), since a mixin's own positional parameters must start at index 0.
 */
final class RtlaOutput {

    @Parameters(index = "+", arity = "0..1", paramLabel = "MODE", defaultValue = "top",
            description = "top (default) or hist.")
    String mode;

    @Option(names = {"-b", "--bucket-size"}, paramLabel = "N", defaultValue = "1",
            description = "hist: bucket size in us, 1..999999 (default: ${DEFAULT-VALUE}, rtla's).")
    int bucketSize;

    @Option(names = {"-E", "--entries"}, paramLabel = "N", defaultValue = "256",
            description = "hist: number of buckets, 10..9999999 (default: ${DEFAULT-VALUE}, rtla's).")
    int entries;

    @Option(names = "--with-zeros", description = "hist: print rows whose counts are all zero too.")
    boolean withZeros;

    /** Whether {@code MODE} is {@code hist} (else {@code top}). */
    boolean hist() {
        return mode.equals("hist");
    }

    /** Refuses an unknown {@code MODE} of {@code command}, then what rtla refuses (its messages), as bad input. */
    void check(String command) {
        if (!mode.equals("top") && !mode.equals("hist")) {
            throw new Errors.BadInput(command + " MODE: expected top or hist; got '" + mode + "'");
        }
        if (bucketSize <= 0 || bucketSize >= 1_000_000) {
            throw new Errors.BadInput("--bucket-size " + bucketSize + ": Bucket size needs to be > 0 and <= 1000000");
        }
        if (entries < 10 || entries > 9_999_999) {
            throw new Errors.BadInput("--entries " + entries + ": Entries must be > 10 and < 9999999");
        }
    }
}
