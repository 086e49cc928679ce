package org.rtvsim.workload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.kernel.Task;
import org.rtvsim.scenario.WorkloadSpec;

/**
 * The barriers, suspensions and condition variables a periodic workload's tasks share (rt-app's
 * {@code barrier}, {@code suspend}, {@code resume}, {@code wait}, {@code signal}, {@code broad}; src/rt-app.c
 * {@code run_event}):
 *
 * <ul>
 *   <li>a barrier's users are its uses in the workload (each task's sync points naming it; rt-app counts
 *       each event of each thread); the first users − 1 arrivals block, the last wakes them all and goes on;
 *   <li>{@code suspend} blocks the task until a {@code resume} naming it; a resume wakes it only if it is
 *       suspended then (a condition variable without a predicate: an earlier resume is not remembered);
 *   <li>{@code wait} blocks on a condition variable until a {@code signal} (the longest waiter; pthread's
 *       order among waiters is not specified: FIFO is our assumption) or a {@code broadcast} (all); a
 *       signal without a waiter is lost.
 * </ul>
 *
 * A woken task is made runnable from the waker's CPU ({@link Kernel#wakeLocal} there, else a reschedule IPI).
 */
final class SyncPoints {
    /** A party of a barrier or suspension: what is woken. */
    interface Party {
        Task task();
    }

    private final Map<String, Integer> users = new HashMap<>();
    private final Map<String, List<Party>> arrived = new HashMap<>();
    private final Map<String, Party> suspended = new HashMap<>();
    private final Map<String, java.util.ArrayDeque<Party>> conditions = new HashMap<>();

    SyncPoints(List<WorkloadSpec.PeriodicTaskSpec> tasks) {
        for (WorkloadSpec.PeriodicTaskSpec t : tasks) {
            for (WorkloadSpec.JobPhaseSpec p : t.phases()) {
                for (WorkloadSpec.SyncOpSpec op : p.syncs()) {
                    if (op.op().equals("barrier")) {
                        users.merge(op.name(), 1, Integer::sum);
                    }
                }
            }
        }
    }

    /** {@code p} reaches barrier {@code name}: false when it must block (a later arrival wakes it). */
    boolean barrier(String name, Party p) {
        List<Party> waiting = arrived.computeIfAbsent(name, k -> new ArrayList<>());
        if (waiting.size() + 1 < users.get(name)) {
            waiting.add(p);
            return false;
        }
        List<Party> wake = new ArrayList<>(waiting);
        waiting.clear();
        for (Party w : wake) {
            wake(p.task(), w);
        }
        return true;
    }

    /** {@code p} (task {@code name}) suspends itself: it blocks until resumed. */
    void suspend(String name, Party p) {
        suspended.put(name, p);
    }

    /** {@code waker} resumes task {@code name}: woken if it is suspended, else nothing. */
    void resume(Task waker, String name) {
        Party p = suspended.remove(name);
        if (p != null) {
            wake(waker, p);
        }
    }

    /** {@code p} waits on condition variable {@code name}: it blocks until signalled. */
    void await(String name, Party p) {
        conditions.computeIfAbsent(name, k -> new java.util.ArrayDeque<>()).add(p);
    }

    /**
     * {@code waker} signals condition variable {@code name}: the longest waiter is woken ({@code all}: every
     * waiter); with none, the signal is lost.
     */
    void signal(Task waker, String name, boolean all) {
        java.util.ArrayDeque<Party> q = conditions.get(name);
        while (q != null && !q.isEmpty()) {
            wake(waker, q.poll());
            if (!all) {
                return;
            }
        }
    }

    private static void wake(Task waker, Party p) {
        Kernel k = waker.kernel();
        if (p.task().cpu() == waker.cpu()) {
            k.wakeLocal(p.task());
        } else {
            k.wakeRemote(p.task(), waker.cpu());
        }
    }
}
