package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.engine.Simulation;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.scenario.ScenarioLoader;

/** SIGINT/SIGTERM during a run: it stops, prints and writes what was measured marked interrupted, exit 130/143. */
class InterruptedRunTest {
    @TempDir
    Path dir;

    @Test
    void singleRun_stopRequestedMidway_endsEarlyWithTheInterruptedNote() {
        var spec = ScenarioLoader.loadString(Cli.TINY, "tiny.yaml", java.util.List.of());
        Simulation.clearStopRequest();
        try {
            RunResult r = SingleRun.run(spec, 0, (done, total, events, wall) -> {
                if (done >= total / 5) {
                    Simulation.requestStop();
                }
            });
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith(SingleRun.INTERRUPTED)), r.notes().toString());
            long samples = r.threads().get(0).samples();
            assertTrue(samples > 0 && samples < 50, "samples " + samples); // 50 ms at 1 ms: about 50 when complete
        } finally {
            Simulation.clearStopRequest();
        }
    }

    @Test
    void run_interrupted_writesWhatWasMeasuredAndExits130() throws Exception {
        Path s = Cli.write(dir, "s.yaml", Cli.TINY);
        Path out = dir.resolve("out");
        AtomicBoolean done = new AtomicBoolean();
        Thread ctrlC = new Thread(() -> {
            while (!done.get()) { // repeated, so a signal before the handlers are installed is not lost
                Interrupts.interrupt(2);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        ctrlC.start();
        Cli r;
        try {
            r = Cli.run("run", s.toString(), "--duration", "100000s", "--out", out.toString());
        } finally {
            done.set(true);
            ctrlC.join();
            Simulation.clearStopRequest();
        }
        assertEquals(130, r.code(), r.err());
        assertTrue(r.out().contains("interrupted at"), r.out());
        assertTrue(r.err().contains("rtvsim: interrupted (signal 2)"), r.err());
        assertTrue(Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8).contains("interrupted at"));
    }
}
