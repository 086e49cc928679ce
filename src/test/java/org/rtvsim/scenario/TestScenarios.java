package org.rtvsim.scenario;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test resources under {@code src/test/resources/scenarios}. */
final class TestScenarios {
    private TestScenarios() {
    }

    static Path path(String name) {
        try {
            return Path.of(TestScenarios.class.getResource("/scenarios/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    static Path dir() {
        return path("full-example.yaml").getParent();
    }
}
