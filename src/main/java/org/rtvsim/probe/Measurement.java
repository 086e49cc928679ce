package org.rtvsim.probe;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code measurement.json} as read back ({@link MeasurementFile#read}).
 *
 * @param file the JSON file
 * @param cyclictestOptions the user's cyclictest options as one string (what followed {@code --}), e.g.
 *     {@code "-m -p 95 -i 1000 -t 1 -D 10s"}
 * @param cyclictestArgs the same options as a list, unchanged
 * @param command the command line as run (binary, the user's options, then what {@code measure} added)
 * @param cyclictestVersion "2.40", or null when {@code --help} printed no version
 * @param histogram the histogram file, resolved against the JSON's directory
 * @param loadCommand the {@code --load} command, or null when the run had no load
 * @param interrupted whether the run was stopped by Ctrl-C (the histogram then covers less than asked)
 * @param exitStatus cyclictest's exit status
 * @param start the start time, ISO-8601 UTC
 * @param durationS measured wall time of the cyclictest run in seconds
 * @param machine the machine facts
 * @param json the whole file
 */
public record Measurement(Path file, String cyclictestOptions, List<String> cyclictestArgs, List<String> command,
        String cyclictestVersion, Path histogram, String loadCommand, boolean interrupted, int exitStatus, String start,
        double durationS, MachineFacts machine, JsonNode json) {
}
