package org.rtvsim.cli;

import picocli.CommandLine.Option;

/**
 * rtla's histogram options, shared by {@code timerlat hist} and {@code osnoise hist}: {@code -b/--bucket-size},
 * {@code -E/--entries} and {@code --with-zeros}, with the limits and messages of Linux
 * {@code tools/tracing/rtla/src/timerlat_hist.c} and {@code osnoise_hist.c} (the same in both).
 */
final class HistOptions {

    @Option(names = {"-b", "--bucket-size"}, paramLabel = "N", defaultValue = "1",
            description = "hist: bucket size in us, 1..999999 (default: ${DEFAULT-VALUE}, rtla's).")
    int bucketSize;

    @Option(names = {"-E", "--entries"}, paramLabel = "N", defaultValue = "256",
            description = "hist: number of buckets, 10..9999999 (default: ${DEFAULT-VALUE}, rtla's).")
    int entries;

    @Option(names = "--with-zeros", description = "hist: print rows whose counts are all zero too.")
    boolean withZeros;

    /** Refuses what rtla refuses (its messages), as bad input. */
    void check() {
        if (bucketSize <= 0 || bucketSize >= 1_000_000) {
            throw new Errors.BadInput("--bucket-size " + bucketSize + ": Bucket size needs to be > 0 and <= 1000000");
        }
        if (entries < 10 || entries > 9_999_999) {
            throw new Errors.BadInput("--entries " + entries + ": Entries must be > 10 and < 9999999");
        }
    }
}
