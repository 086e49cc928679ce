package org.rtvsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.measured.LatencyCdf;

/**
 * Joint calibration round trip. Two conditions of one machine: the same cyclictest with a syscall loop holding a
 * raw spinlock on the other CPU ("apart") or on the measuring CPU ("shared"). The spinlock's length matters only
 * to "shared". "Measurements" are made by rtvsim itself with known values (another seed); a fit to "apart" alone
 * must say the lock length is not identified and suggest "shared"; the joint fit must recover both values within
 * the reported uncertainty.
 */
class JointCalibrationTest {
    static final String SCENARIO = """
            name: joint
            seed: 1
            duration: 1s
            warmup: 10ms
            hardware: {cpus: 2}
            host:
              kernel:
                preempt: full
                costs:
                  context_switch: {lognormal: {median: 1.1us, sigma: 0.3}}
              workload:
                - cyclictest: {threads: 1, cpus: "1", priority: 99, policy: fifo, interval: 100us, mlock: true}
                - kernel_activity:
                    cpus: "0"
                    tasks: 1
                    segments:
                      - {kind: raw_spinlock, length: {lognormal: {median: 4us, sigma: 0.3}}, probability: 0.3}
                    think: {fixed: 30us}
            measure:
              histogram: {bucket: 1us, buckets: 200}
            """;
    static final String CS = "host.kernel.costs.context_switch.lognormal.median";
    static final String LOCK = "host.workload[1].kernel_activity.segments[0].length.lognormal.median";
    static final List<String> APART = List.of();
    static final List<String> SHARED = List.of("host.workload[1].kernel_activity.cpus=1");
    static final List<String> TRUTH = List.of(CS + "=1.8us", LOCK + "=8us");

    @TempDir
    static Path dir;
    static Path file;
    static LatencyCdf apart;
    static LatencyCdf shared;

    @BeforeAll
    static void measure() throws IOException {
        file = Files.writeString(dir.resolve("joint.yaml"), SCENARIO);
        apart = simulator(APART, 7).run(TRUTH, 0);
        shared = simulator(SHARED, 7).run(TRUTH, 0);
    }

    static ScenarioSimulator simulator(List<String> condition, long seed) {
        return new ScenarioSimulator(file, condition, seed, 2_000_000_000L, 1.0);
    }

    static List<FitParameter> params() {
        return List.of(FitParameter.parse(CS + "=0.5us..3us"), FitParameter.parse(LOCK + "=1us..20us"));
    }

    static FitResult fit(List<Calibration.Condition> conditions, List<Calibration.Probe> probes) {
        return Calibration.fit(conditions, params(), probes, Calibration.Options.budget(600_000_000_000L), null,
                System::nanoTime);
    }

    @Test
    void oneCondition_saysTheLockLengthIsNotIdentified_andSuggestsTheConditionThatWould() {
        FitResult f = fit(List.of(new Calibration.Condition("apart", apart, simulator(APART, 1))),
                List.of(new Calibration.Probe("shared", simulator(SHARED, 1))));
        assertTrue(f.identification().get(0).identified(), f.identification().toString());
        FitResult.Identification lock = f.identification().get(1);
        assertFalse(lock.identified(), lock.toString());
        assertEquals("shared", lock.suggestion());
        assertTrue(lock.movement() > 0.1, lock.toString());
        double cs = f.value(0);
        assertTrue(Math.abs(cs - 1.8) <= f.halfWidths()[0], cs + " ± " + f.halfWidths()[0]);
    }

    @Test
    void twoConditions_recoverBothValues_withinTheReportedUncertainty() {
        FitResult f = fit(List.of(new Calibration.Condition("apart", apart, simulator(APART, 1)),
                new Calibration.Condition("shared", shared, simulator(SHARED, 1))), List.of());
        assertEquals(2, f.conditions().size());
        assertFalse(f.misfit(), "the model that made the data matches it: " + f.misfitRatio() + " noise floors");
        double[] truth = {1.8, 8};
        for (int i = 0; i < 2; i++) {
            assertTrue(f.identification().get(i).identified(), f.identification().get(i).toString());
            double hw = f.halfWidths()[i];
            assertTrue(hw > 0 && 2 * hw < params().get(i).hi() - params().get(i).lo(), "half-width " + hw);
            assertTrue(Math.abs(f.value(i) - truth[i]) <= hw, params().get(i).path() + " = " + f.value(i) + " ± " + hw
                    + " does not cover " + truth[i]);
        }
    }

    @Test
    void aPrior_pullsAnUnidentifiedParameterToItsCentre() {
        List<FitParameter> ps = List.of(params().get(0),
                params().get(1).withPrior(new FitParameter.Prior(false, 12, 2)));
        FitResult f = Calibration.fit(List.of(new Calibration.Condition("apart", apart, simulator(APART, 1))), ps,
                List.of(), Calibration.Options.budget(600_000_000_000L), null, System::nanoTime);
        assertEquals(12, f.value(1), 0.5);
    }

    /**
     * The lock's section held at 1 µs instead of the true 8 µs, and only the context switch free to fit: no value
     * of it reproduces the lock's tail in the shared condition, and the fit says so instead of passing its
     * edge value off as a calibration.
     */
    @Test
    void aModelThatCannotMatch_isFlaggedAsAMisfit() {
        List<String> wrong = new java.util.ArrayList<>(SHARED);
        wrong.add(LOCK + "=1us");
        FitResult f = Calibration.fit(List.of(new Calibration.Condition("shared", shared, simulator(wrong, 1))),
                List.of(params().get(0)), List.of(), Calibration.Options.budget(600_000_000_000L), null,
                System::nanoTime);
        assertTrue(f.misfit(), f.misfitRatio() + " noise floors");
    }
}
