package org.rtvsim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.RunResult;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/** {@link Wire}: ready scenarios and a run's result survive the trip to bytes and back (same runs, same reports). */
class WireTest {
    @Test
    void everyReadyScenario_loadsToTheSameBytes() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            // the work-list fingerprint of --part and merge depends on it
            assertArrayEquals(Wire.toBytes(new Work(ScenarioLoader.load(f, List.of()), 3)),
                    Wire.toBytes(new Work(ScenarioLoader.load(f, List.of()), 3)), f.toString());
        }
    }

    @Test
    void decodedSpecs_runExactlyLikeTheOriginals() {
        for (String name : List.of("kvm-bql-inversion", "baremetal-rt-smi", "pi-chain")) {
            ScenarioSpec spec = ScenarioLoader.load(Path.of("scenarios/" + name + ".yaml"), List.of())
                    .withDuration(2_000_000L);
            Work back = Wire.fromBytes(Wire.toBytes(new Work(spec, 1)), Work.class);
            assertEquals(1, back.replication());
            assertEquals(csv(List.of(new Work(spec, 1).run())), csv(List.of(back.run())), name);
        }
    }

    @Test
    void runResult_roundTripsToTheSameReport() {
        ScenarioSpec spec = ScenarioLoader.load(Path.of("scenarios/baremetal-rt-idle.yaml"), List.of())
                .withDuration(20_000_000L);
        RunResult r = SingleRun.run(spec, 0);
        RunResult back = Wire.fromBytes(Wire.toBytes(r), RunResult.class);
        assertEquals(r.threads().get(0).hdr(), back.threads().get(0).hdr());
        assertEquals(csv(List.of(r)), csv(List.of(back)));
    }

    private static String csv(List<RunResult> runs) {
        StringBuilder sb = new StringBuilder();
        try {
            org.rtvsim.report.SweepReport.csv(List.of(), List.of(List.of()),
                    List.of(org.rtvsim.measure.ReplicationStats.combine("x", runs, 0.95)), sb);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    @Test
    void foreignBytes_fail() {
        byte[] bytes = Wire.toBytes(List.of("not a run"));
        assertThrows(IllegalStateException.class, () -> Wire.fromBytes(bytes, RunResult.class));
        assertThrows(IllegalStateException.class, () -> Wire.fromBytes(new byte[] {1, 2, 3}, RunResult.class));
    }
}
