package org.rtvsim.scenario;

import java.util.List;

/** PLACEHOLDER until the import branch lands: the API of the cyclictest/load command import. */
public record CommandImport(String cyclictest, String load) {
    public static final CommandImport NONE = new CommandImport(null, null);

    public boolean isEmpty() {
        return (cyclictest == null || cyclictest.isBlank()) && (load == null || load.isBlank());
    }

    public Imported apply(Node merged) {
        if (!isEmpty()) {
            throw new ScenarioException(Node.Location.commandLine(), "--cyclictest", "not implemented yet");
        }
        return new Imported(null, List.of());
    }

    public record Imported(Long durationNs, List<String> notes) {
    }
}
