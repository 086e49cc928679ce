package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.experiment.Model;
import org.rtvsim.measure.TraceSink;
import org.rtvsim.scenario.SchedPolicy;
import org.rtvsim.scenario.SegmentKind;

/**
 * Issue 20's acceptance for placement: tasks with a 4-CPU mask on a 4-CPU machine never wait while a CPU of
 * their mask idles for longer than the documented balancing delay (docs/model-reference.md §8, "Placement and
 * load balancing": sd_weight ms + one tick + sysctl_sched_migration_cost, plus the IPI and switch), with RT
 * tasks preempting them now and then; and the same seed gives the same moves.
 */
class LoadBalanceAcceptanceTest {
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;

    /** Four fair tasks with mask 0-3 (run 1.5 ms, sleep 0.7..1.6 ms) and FIFO tasks pinned to cpu0 and cpu1. */
    private static List<Task> setUp(Model m) {
        Kernel k = m.host();
        List<Task> fair = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long sleep = 700 * US + i * 300 * US;
            int blame = k.blames().id("w" + i);
            boolean[] run = {true};
            fair.add(k.createTask("w" + i, SchedPolicy.OTHER, 0, i % 2, CpuSet.parse("0-3"), t -> {
                run[0] = !run[0];
                if (run[0] || !t.sleepUntil(t.now() + sleep, blame)) {
                    t.run(1500 * US, SegmentKind.USER, blame);
                }
            }));
        }
        for (int c = 0; c < 2; c++) {
            long period = 5 * MS + c * 700 * US;
            int blame = k.blames().id("rt" + c);
            long[] next = {c * 1300 * US};
            boolean[] run = {false};
            Task rt = k.createTask("rt" + c, SchedPolicy.FIFO, 50, c, t -> {
                run[0] = !run[0];
                if (run[0]) {
                    t.run(2 * MS, SegmentKind.USER, blame);
                } else {
                    next[0] += period;
                    if (!t.sleepUntil(next[0], blame)) {
                        t.run(1, SegmentKind.USER, blame);
                    }
                }
            });
            PlacementTest.at(m, next[0], () -> k.wakeLocal(rt));
        }
        fair.forEach(k::wakeLocal);
        return fair;
    }

    @Test
    void maskedTasks_neverWaitWhileACpuOfTheirMaskIdles_beyondTheBalancingDelay() {
        Model m = PlacementTest.model("default", 1000);
        Kernel k = m.host();
        List<Task> fair = setUp(m);
        long step = 10 * US;
        long[] since = new long[4];
        java.util.Arrays.fill(since, -1);
        long[] worst = {0};
        long[] total = {0};
        for (long t = step; t < 2_000 * MS; t += step) {
            PlacementTest.at(m, t, () -> {
                for (int i = 0; i < 4; i++) {
                    Task w = fair.get(i);
                    boolean idleInMask = false;
                    for (int c = 0; c < 4; c++) {
                        idleInMask |= Placement.idle(k.cpu(c));
                    }
                    if (w.waitingNow() && w.wakingOn == null && idleInMask) {
                        if (since[i] < 0) {
                            since[i] = m.sim().now();
                        }
                        long d = m.sim().now() - since[i];
                        worst[0] = Math.max(worst[0], d);
                        total[0] += step;
                    } else {
                        since[i] = -1;
                    }
                }
            });
        }
        m.sim().runUntil(2_000 * MS);
        long bound = k.placement.balancer.intervalNs + k.tickNs() + LoadBalancer.MIGRATION_COST_NS + 200 * US;
        assertTrue(worst[0] <= bound, "longest wait with an idle CPU in the mask " + worst[0] + " ns > " + bound);
        long moves = fair.stream().mapToLong(Task::migrations).sum();
        assertTrue(moves > 100, "the tasks move: " + moves);
        assertTrue(total[0] > 0, "the RT tasks do leave fair tasks waiting until a balance: " + total[0] + " ns");
    }

    @Test
    void sameSeed_sameMoves() {
        assertEquals(runs(), runs());
    }

    private static List<String> runs() {
        Model m = PlacementTest.model("default", 1000);
        List<String> out = new ArrayList<>();
        m.host().setTrace(new TraceSink() {
            @Override
            public void occupy(long tNs, int cpu, Slice kind, String label, String task) {
            }

            @Override
            public void instant(long tNs, int cpu, Instant kind, String task, String detail) {
            }

            @Override
            public void taskState(long tNs, int cpu, String task, TaskState state, String detail) {
                if (state == TaskState.RUNNING) {
                    out.add(task + "@" + cpu + ":" + tNs);
                }
            }

            @Override
            public boolean wants(long tNs) {
                return true;
            }
        });
        setUp(m);
        m.sim().runUntil(200 * MS);
        return out;
    }
}
