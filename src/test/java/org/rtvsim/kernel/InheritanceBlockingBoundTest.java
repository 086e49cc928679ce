package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * Property: under priority inheritance, the highest-priority task of a uniprocessor task set is blocked
 * at most by one critical section of each lower-priority task on a lock it shares with it, so its
 * response time never exceeds its own execution time plus the sum over lower tasks of their longest
 * critical section on a lock the highest task uses (Sha, Rajkumar, Lehoczky 1990, Theorem 6; Buttazzo
 * §7.6). Checked over randomised task sets with non-nested sections, no overheads.
 */
class InheritanceBlockingBoundTest {

    @Test
    void highestTask_underInherit_blockedAtMostBySumOfLongestLowerSections() {
        Random rnd = new Random(20261126L); // tests may use java.util.Random; the model may not
        for (int set = 0; set < 40; set++) {
            int n = 3 + rnd.nextInt(4);          // 3..6 tasks
            int locks = 1 + rnd.nextInt(3);      // 1..3 locks
            StringBuilder y = new StringBuilder("""
                    name: bound
                    duration: 200ms
                    warmup: 0ns
                    hardware: {cpus: 1}
                    host:
                      kernel: {preempt: rt, overheads: none, rt_throttling: off}
                      workload:
                        - lock_sharing:
                            mutex: {protocol: inherit}
                            tasks:
                    """);
            long[] longestOnHighLocks = new long[n];
            boolean[] highUses = new boolean[locks];
            long highWcet = 0;
            for (int i = 0; i < n; i++) {
                int prio = n - i;                               // task 0 is the highest
                long period = (10 + rnd.nextInt(40)) * 1_000_000L;
                long wcet = (1 + rnd.nextInt(Math.max(1, (int) (period / 1_000_000L / (n + 1))))) * 1_000_000L;
                long offset = rnd.nextInt(5) * 1_000_000L;
                if (i == 0) {
                    highWcet = wcet;
                }
                y.append("              - {name: t").append(i).append(", period: ").append(period).append("ns")
                        .append(", offset: ").append(offset).append("ns")
                        .append(", wcet: {fixed: ").append(wcet).append("ns}, priority: ").append(prio)
                        .append(", cpu: 0, locks: [");
                // one or two non-overlapping sections, each on a random lock
                long at = rnd.nextInt((int) (wcet / 2 / 1000) + 1) * 1000L;
                int sections = 1 + rnd.nextInt(2);
                for (int s = 0; s < sections && at < wcet; s++) {
                    int lock = rnd.nextInt(locks);
                    long len = Math.max(1000, Math.min(wcet - at, (1 + rnd.nextInt(2000)) * 1000L));
                    y.append(s > 0 ? ", " : "").append("{lock: R").append(lock).append(", offset: ").append(at)
                            .append("ns, length: ").append(len).append("ns}");
                    if (i == 0) {
                        highUses[lock] = true;
                    } else if (highUses[lock]) {
                        longestOnHighLocks[i] = Math.max(longestOnHighLocks[i], len);
                    }
                    at += len + rnd.nextInt(1000) * 1000L;
                }
                y.append("]}\n");
            }
            long bound = highWcet;
            for (int i = 1; i < n; i++) {
                bound += longestOnHighLocks[i];
            }
            var r = SingleRun.run(ScenarioLoader.loadString(y.toString(), "bound" + set + ".yaml", List.of()), 0);
            TaskResult high = r.tasks().get(0);
            assertEquals("t0", high.task());
            assertTrue(high.jobs() > 0, "set " + set);
            assertTrue(high.maxNs() <= bound, "set " + set + ": response " + high.maxNs() + " > bound " + bound
                    + "\n" + y);
        }
    }
}
