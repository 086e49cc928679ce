package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rt-app JSON files load as scenarios by content. The fixtures are ours: periodic.json follows the first
 * example of rt-app's doc/tutorial.txt (one thread, run 20 ms every 100 ms, its global section);
 * inversion.json and unsupported.json use the events the tutorial describes (run, lock/unlock, timer,
 * sleep, mem).
 */
class RtAppImportTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(RtAppImportTest.class.getResource("rtapp/" + name).toURI());
    }

    @Test
    void tutorialPeriodicThread_becomesOnePeriodicTask() throws URISyntaxException {
        ScenarioSpec s = ScenarioLoader.load(fixture("periodic.json"), List.of());
        assertEquals(2_000_000_000L, s.durationNs());
        var p = (WorkloadSpec.PeriodicSpec) s.host().workload().get(0);
        var t = p.tasks().get(0);
        assertEquals("thread0", t.name());
        assertEquals(100_000_000L, t.periodNs());
        assertEquals(SchedPolicy.OTHER, t.policy());
        assertEquals(0, t.cpu());
    }

    @Test
    void locksTimersAndSleeps_mapToSectionsAndPeriods_piPerGlobalFlag() throws URISyntaxException {
        ScenarioSpec s = ScenarioLoader.load(fixture("inversion.json"), List.of());
        var p = (WorkloadSpec.PeriodicSpec) s.host().workload().get(0);
        var high = p.tasks().get(0);
        assertEquals(50_000_000L, high.periodNs());
        assertEquals(SchedPolicy.FIFO, high.policy());
        assertEquals(90, high.priority());
        assertEquals(1_000_000L, high.locks().get(0).offsetNs());
        assertEquals(2_000_000L, high.locks().get(0).lengthNs());
        var low = p.tasks().get(2);
        assertEquals(100_000_000L, low.periodNs(), "run 10 ms + sleep 90 ms");
        assertEquals(0L, low.locks().get(0).offsetNs());
        assertEquals("inherit", p.mutexes().get("mutex").protocol());
    }

    @Test
    void unsupportedEvent_isNamedWithFileLineAndKey() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(fixture("unsupported.json"), List.of()));
        assertTrue(e.getMessage().contains("unsupported.json:5:"), e.getMessage());
        assertTrue(e.getMessage().contains("tasks.waker.mem"), e.getMessage());
        assertTrue(e.getMessage().contains("rt-app event 'mem' is not supported yet"), e.getMessage());
    }

    private static ScenarioSpec load(Path dir, String json) throws java.io.IOException {
        Path f = dir.resolve("w.json");
        java.nio.file.Files.writeString(f, json);
        return ScenarioLoader.load(f, List.of());
    }

    private static ScenarioException refused(Path dir, String json) {
        return assertThrows(ScenarioException.class, () -> load(dir, json));
    }

    @Test
    void cpusList_becomesTheAffinityMask_startingOnItsFirstCpu(@TempDir Path dir) throws Exception {
        ScenarioSpec s = load(dir, "{\"tasks\": {\"t\": {\"cpus\": [1, 3], \"run\": 1000, "
                + "\"timer\": {\"ref\": \"t\", \"period\": 10000}}}}");
        var t = ((WorkloadSpec.PeriodicSpec) s.host().workload().get(0)).tasks().get(0);
        assertEquals("1,3", t.mask().toString());
        assertEquals(1, t.cpu());
        assertEquals(4, s.hardware().cpus(), "the machine has the highest CPU named");
    }

    @Test
    void schedDeadline_mapsDlKeysToTheDeadlinePolicy_withRtAppDefaults(@TempDir Path dir) throws Exception {
        ScenarioSpec s = load(dir, "{\"tasks\": {\"t\": {\"policy\": \"SCHED_DEADLINE\", \"dl-runtime\": 2000, "
                + "\"dl-period\": 10000, \"run\": 1000, \"timer\": {\"ref\": \"t\", \"period\": 10000}}}}");
        var t = ((WorkloadSpec.PeriodicSpec) s.host().workload().get(0)).tasks().get(0);
        assertEquals(SchedPolicy.DEADLINE, t.policy());
        assertEquals(2_000_000L, t.dlRuntimeNs());
        assertEquals(10_000_000L, t.periodNs());
        assertEquals(10_000_000L, t.deadlineNs(), "dl-deadline defaults to dl-period");
    }

    @Test
    void schedDeadline_overTheWholeRootDomain_isGlobalEdf_otherMasksGetEperm(@TempDir Path dir) throws Exception {
        String dl = "\"policy\": \"SCHED_DEADLINE\", \"cpus\": [0, 1], \"dl-runtime\": 4000, \"dl-period\": 10000, "
                + "\"run\": 3000, \"timer\": {\"ref\": \"%s\", \"period\": 10000}";
        // three 4/10 reservations on two CPUs: global EDF (U = 1.2 <= 2), no deadline missed
        ScenarioSpec s = load(dir, "{\"tasks\": {\"a\": {" + dl.formatted("a") + "}, \"b\": {" + dl.formatted("b")
                + "}, \"c\": {" + dl.formatted("c") + "}}, \"global\": {\"duration\": 1}}");
        var t = ((WorkloadSpec.PeriodicSpec) s.host().workload().get(0)).tasks().get(0);
        assertEquals(SchedPolicy.DEADLINE, t.policy());
        assertEquals("0-1", t.mask().toString());
        var r = org.rtvsim.experiment.SingleRun.run(s.withDuration(200_000_000L), 0);
        for (var task : r.tasks()) {
            assertEquals(0, task.deadlineMisses(), task.toString());
        }
        // a third CPU used by another task makes [0, 1] smaller than the root domain: sched_setattr's EPERM
        ScenarioException e = refused(dir, "{\"tasks\": {\"a\": {" + dl.formatted("a")
                + "}, \"o\": {\"cpus\": [2], \"run\": 100, \"timer\": {\"ref\": \"o\", \"period\": 10000}}}}");
        assertTrue(e.getMessage().contains("EPERM") && e.getMessage().contains("w.json:"), e.getMessage());
    }

    @Test
    void schedDeadline_periodOtherThanTheTimer_isRefused(@TempDir Path dir) {
        ScenarioException e = refused(dir, "{\"tasks\": {\"t\": {\"policy\": \"SCHED_DEADLINE\", \"dl-runtime\": 2000,"
                + " \"run\": 1000, \"timer\": {\"ref\": \"t\", \"period\": 10000}}}}");
        assertTrue(e.getMessage().contains("tasks.t.dl-period") && e.getMessage().contains("got 2000 us"),
                e.getMessage());
    }

    @Test
    void dlKeys_withoutSchedDeadline_areRefused(@TempDir Path dir) {
        ScenarioException e = refused(dir, "{\"tasks\": {\"t\": {\"policy\": \"SCHED_FIFO\", \"priority\": 10, "
                + "\"dl-runtime\": 2000, \"run\": 1000, \"timer\": {\"ref\": \"t\", \"period\": 10000}}}}");
        assertTrue(e.getMessage().contains("dl-runtime applies to policy SCHED_DEADLINE only"), e.getMessage());
    }

    private static WorkloadSpec.PeriodicTaskSpec only(ScenarioSpec s) {
        return ((WorkloadSpec.PeriodicSpec) s.host().workload().get(0)).tasks().get(0);
    }

    @Test
    void finiteLoop_repeatsTheCycleThatOften_relativeTimerByDefault(@TempDir Path dir) throws Exception {
        var t = only(load(dir, "{\"tasks\": {\"t\": {\"loop\": 5, \"run\": 1000, "
                + "\"timer\": {\"ref\": \"t\", \"period\": 10000}}}}"));
        assertEquals(5, t.sequence().repeat());
        assertTrue(t.sequence().shiftOnOverrun(), "rt-app's timer mode defaults to relative");
        assertEquals(10_000_000L, t.periodNs(), "relative: the period itself when the cycle is not late");
    }

    @Test
    void absoluteTimer_keepsTheReleaseGrid(@TempDir Path dir) throws Exception {
        var t = only(load(dir, "{\"tasks\": {\"t\": {\"run\": 1000, "
                + "\"timer\": {\"ref\": \"t\", \"period\": 10000, \"mode\": \"absolute\"}}}}"));
        assertEquals(0, t.sequence().repeat(), "no loop: forever");
        assertEquals(false, t.sequence().shiftOnOverrun());
    }

    @Test
    void phases_becomeJobPhases_withTheirLoopsAndLocks(@TempDir Path dir) throws Exception {
        var t = only(load(dir, "{\"tasks\": {\"t\": {\"loop\": 2, \"phases\": {"
                + "\"a\": {\"loop\": 3, \"run\": 1000, \"timer\": {\"ref\": \"t\", \"period\": 10000}},"
                + "\"b\": {\"lock\": \"m\", \"run\": 4000, \"unlock\": \"m\", \"sleep\": 6000}}}}}"));
        assertEquals(2, t.sequence().repeat());
        var a = t.sequence().phases().get(0);
        var b = t.sequence().phases().get(1);
        assertEquals(3, a.jobs());
        assertEquals(10_000_000L, a.periodNs());
        assertTrue(a.locks().isEmpty());
        assertEquals(1, b.jobs(), "a phase's loop defaults to 1");
        assertEquals(10_000_000L, b.periodNs(), "run 4 ms + sleep 6 ms");
        assertEquals(4_000_000L, b.locks().get(0).lengthNs());
    }

    @Test
    void perPhaseCpus_isRefusedNamingThePhaseKey(@TempDir Path dir) {
        ScenarioException e = refused(dir, "{\"tasks\": {\"t\": {\"phases\": {\"p\": {\"cpus\": [1], "
                + "\"run\": 1000, \"sleep\": 1000}}}}}");
        assertTrue(e.getMessage().contains("tasks.t.phases.p.cpus") && e.getMessage().contains("per-phase"),
                e.getMessage());
    }

    @Test
    void zeroLoop_isRefused(@TempDir Path dir) {
        ScenarioException e = refused(dir, "{\"tasks\": {\"t\": {\"loop\": 0, \"run\": 1000, \"sleep\": 1000}}}");
        assertTrue(e.getMessage().contains("tasks.t.loop") && e.getMessage().contains("got 0"), e.getMessage());
    }

    // rt-app's own examples (doc/examples/tutorial at commit 55cb0c0; provenance in rtapp/upstream/README.md)

    @Test
    void upstreamExample1_runAndSleepWithCommentsAndTrailingComma_imports() throws URISyntaxException {
        ScenarioSpec s = ScenarioLoader.load(fixture("upstream/example1.json"), List.of());
        var t = only(s);
        assertEquals("thread0", t.name());
        assertEquals(100_000_000L, t.periodNs(), "run 20 ms + sleep 80 ms");
        assertEquals(new org.rtvsim.engine.DistSpec.Fixed(20_000_000L), t.wcet());
        assertTrue(t.sequence().shiftOnOverrun());
        assertEquals(2_000_000_000L, s.durationNs());
    }

    @Test
    void upstreamExample2_timerTask_imports() throws URISyntaxException {
        var t = only(ScenarioLoader.load(fixture("upstream/example2.json"), List.of()));
        assertEquals(100_000_000L, t.periodNs());
        assertEquals(new org.rtvsim.engine.DistSpec.Fixed(10_000_000L), t.wcet());
        assertEquals(SchedPolicy.OTHER, t.policy());
        assertEquals(0, t.sequence().repeat());
    }

    @Test
    void upstreamExample3_twelveInstancesOfTwoPhasesOnce_import() throws URISyntaxException {
        ScenarioSpec s = ScenarioLoader.load(fixture("upstream/example3.json"), List.of());
        var tasks = ((WorkloadSpec.PeriodicSpec) s.host().workload().get(0)).tasks();
        assertEquals(12, tasks.size());
        assertEquals("thread0-11", tasks.get(11).name());
        var t = tasks.get(0);
        assertEquals(1, t.sequence().repeat());
        var light = t.sequence().phases().get(0);
        var heavy = t.sequence().phases().get(1);
        assertEquals(10, light.jobs());
        assertEquals(new org.rtvsim.engine.DistSpec.Fixed(3_000_000L), light.wcet());
        assertEquals(30_000_000L, light.periodNs());
        assertEquals(10, heavy.jobs());
        assertEquals(new org.rtvsim.engine.DistSpec.Fixed(27_000_000L), heavy.wcet());
        assertEquals(30_000_000L, heavy.periodNs());
        assertEquals(10_000_000_000L, s.durationNs(), "no global.duration: 10 s");
    }

    @Test
    void upstreamExample4_suspendAndResume_becomeSyncPoints() throws URISyntaxException {
        ScenarioSpec s = ScenarioLoader.load(fixture("upstream/example4.json"), List.of());
        var tasks = ((WorkloadSpec.PeriodicSpec) s.host().workload().get(0)).tasks();
        var syncs = tasks.get(0).sequence().phases().get(0).syncs();
        assertEquals(List.of(new WorkloadSpec.SyncOpSpec(10_000_000L, "resume", "thread1"),
                new WorkloadSpec.SyncOpSpec(10_000_000L, "suspend", "")), syncs);
        assertEquals(10_000_000L, tasks.get(1).periodNs(), "a busy loop: the period is the work");
        assertTrue(tasks.get(1).sequence().shiftOnOverrun());
    }

    @Test
    void upstreamExample7_barriers_becomeSyncPoints() throws URISyntaxException {
        ScenarioSpec s = ScenarioLoader.load(fixture("upstream/example7.json"), List.of());
        var tasks = ((WorkloadSpec.PeriodicSpec) s.host().workload().get(0)).tasks();
        // the sleeps before a barrier are placed where they are (something follows them in the cycle)
        assertEquals(List.of(new WorkloadSpec.SyncOpSpec(1_000_000L, "sleep", "", null, 2_000_000L),
                new WorkloadSpec.SyncOpSpec(1_000_000L, "barrier", "FIRST"),
                new WorkloadSpec.SyncOpSpec(3_000_000L, "barrier", "SECOND"),
                new WorkloadSpec.SyncOpSpec(4_000_000L, "sleep", "", null, 2_000_000L),
                new WorkloadSpec.SyncOpSpec(4_000_000L, "barrier", "THIRD")),
                tasks.get(0).sequence().phases().get(0).syncs());
        assertEquals(List.of(new WorkloadSpec.SyncOpSpec(2_000_000L, "barrier", "FIRST"),
                new WorkloadSpec.SyncOpSpec(3_000_000L, "sleep", "", null, 2_000_000L),
                new WorkloadSpec.SyncOpSpec(3_000_000L, "barrier", "SECOND"),
                new WorkloadSpec.SyncOpSpec(5_000_000L, "barrier", "THIRD")),
                tasks.get(1).sequence().phases().get(0).syncs());
        assertEquals(5_000_000_000L, s.durationNs());
    }

    @Test
    void resumeOfATaskNotInTheFile_isRefusedNamingTheEvent(@TempDir Path dir) {
        ScenarioException e = refused(dir, "{\"tasks\": {\"t\": {\"run\": 1000, \"resume\": \"ghost\"}}}");
        assertTrue(e.getMessage().contains("tasks.t.resume") && e.getMessage().contains("'ghost'"), e.getMessage());
    }

    @Test
    void jsonComments_areBlankedKeepingLinesAndStrings() {
        String in = "{\"a\": \"/*x*/\", /* c\n */\n // d\n\"b\": 1}";
        String out = "{\"a\": \"/*x*/\",     \n   \n     \n\"b\": 1}";
        assertEquals(out, YamlTreeReader.blankComments(in));
        assertEquals(in.length(), out.length());
    }

    @Test
    void waitSignalBroadAndSync_becomeConditionSyncPoints_withTheWaitsMutex(@TempDir Path dir) throws Exception {
        ScenarioSpec s = load(dir, "{\"tasks\": {\"t\": {\"lock\": \"m\", \"run0\": 1000, "
                + "\"wait\": {\"ref\": \"q\", \"mutex\": \"m\"}, \"run1\": 1000, \"unlock\": \"m\", "
                + "\"signal\": \"q\", \"broad\": \"q\", \"sync\": {\"ref\": \"r\", \"mutex\": \"n\"}}}}");
        var p = (WorkloadSpec.PeriodicSpec) s.host().workload().get(0);
        assertEquals(List.of(new WorkloadSpec.SyncOpSpec(1_000_000L, "wait", "q", "m"),
                new WorkloadSpec.SyncOpSpec(2_000_000L, "signal", "q"),
                new WorkloadSpec.SyncOpSpec(2_000_000L, "broadcast", "q"),
                new WorkloadSpec.SyncOpSpec(2_000_000L, "signal", "r"),
                new WorkloadSpec.SyncOpSpec(2_000_000L, "wait", "r", "n")),
                p.tasks().get(0).sequence().phases().get(0).syncs());
        assertTrue(p.mutexes().containsKey("n"), "a wait's mutex is declared with the file's protocol");
    }

    @Test
    void sleepBetweenRuns_isPlaced_trailingSleepIsThePause(@TempDir Path dir) throws Exception {
        var t = only(load(dir, "{\"tasks\": {\"t\": {\"run0\": 1000, \"sleep0\": 500, \"run1\": 1000, "
                + "\"sleep1\": 2500}}}"));
        assertEquals(List.of(new WorkloadSpec.SyncOpSpec(1_000_000L, "sleep", "", null, 500_000L)),
                t.sequence().phases().get(0).syncs());
        assertEquals(5_000_000L, t.periodNs(), "work 2 ms + sleeps 3 ms");
    }
}
