package org.rtvsim.experiment;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The reference task sets copied from {@code benchmarks/tasksets} into {@code src/test/resources/tasksets}. */
final class TaskSets {
    private TaskSets() {
    }

    static Path path(String name) {
        try {
            return Path.of(TaskSets.class.getResource("/tasksets/" + name + ".json").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource tasksets/" + name + ".json", e);
        }
    }

    static TaskSetFile read(String name) {
        return TaskSetFile.read(path(name));
    }
}
