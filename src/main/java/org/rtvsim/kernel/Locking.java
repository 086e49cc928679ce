package org.rtvsim.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.rtvsim.scenario.PreemptModel;
import org.rtvsim.scenario.SegmentKind;

/**
 * The kernel's lock protocols, beside its scheduler (as RTSim keeps its PI resource manager beside
 * the scheduler): taking and releasing {@link Lock}s, spinning or sleeping when contended, priority
 * inheritance along transitive chains (capped at {@code max_lock_depth} = 1024 steps, as in
 * kernel/locking/rtmutex.c), de-boosting on release, the immediate priority ceiling, and deadlock
 * detection on the wait-for graph. Costs of the lock operations themselves (the cmpxchg fast path,
 * tens of ns) are not modelled.
 */
public final class Locking {
    static final int MAX_LOCK_DEPTH = 1024;

    private final Kernel kernel;
    private final Map<String, Lock> locks = new LinkedHashMap<>();
    /** Tasks waiting for a sleeping lock whose job window follows the holder. */
    private final java.util.List<Task> watching = new java.util.ArrayList<>();

    Locking(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * The lock called {@code name}, created on first use. A {@code spinlock_t} sleeps with priority
     * inheritance on PREEMPT_RT and spins elsewhere; {@code ceiling} matters for {@code PROTECT} only.
     */
    public Lock lock(String name, LockKind kind, LockProtocol protocol, int ceiling) {
        return lock(name, kind, protocol, ceiling, false);
    }

    /**
     * As {@link #lock(String, LockKind, LockProtocol, int)}; {@code irqsave} takes a spinning lock with
     * interrupts off (raw_spin_lock_irqsave, and spin_lock_irqsave outside PREEMPT_RT — on RT a spinlock_t
     * sleeps and interrupts stay on).
     */
    public Lock lock(String name, LockKind kind, LockProtocol protocol, int ceiling, boolean irqsave) {
        Lock l = locks.get(name);
        if (l != null) {
            if (l.kind != kind) {
                throw new IllegalArgumentException("lock " + name + " is a " + l.kind + ", used as a " + kind);
            }
            return l;
        }
        boolean rt = kernel.rules().model() == PreemptModel.RT;
        boolean spins = kind == LockKind.RAW_SPINLOCK || (kind == LockKind.SPINLOCK && !rt);
        LockProtocol p = switch (kind) {
            case RAW_SPINLOCK, MUTEX -> LockProtocol.NONE;
            case SPINLOCK -> rt ? LockProtocol.INHERIT : LockProtocol.NONE;
            case RT_MUTEX -> LockProtocol.INHERIT;
            case PTHREAD_MUTEX -> protocol;
        };
        // a spinner's CPU time is "spinning on lock L"; a sleeper's wait is attributed by its job window
        l = new Lock(name, kind, p, ceiling, spins, irqsave && spins,
                spins ? kernel.blames().id("spinning on lock " + name) : -1);
        locks.put(name, l);
        return l;
    }

    public Map<String, Lock> locks() {
        return locks;
    }

    /**
     * {@code t}, running, takes {@code l}. Returns true when it holds it now. Otherwise {@code t}
     * waits — spinning (a preempt-off segment that ends when the lock is handed over) or sleeping — and
     * its behaviour is called again once it owns the lock.
     */
    boolean acquire(Task t, Lock l) {
        if (l.owner == t) {
            throw new IllegalStateException(t + " takes " + l + " twice");
        }
        l.acquisitions++;
        if (l.owner == null) {
            trace(t, org.rtvsim.measure.TraceSink.Instant.LOCK_ACQUIRE, l);
            grant(t, l);
            return true;
        }
        l.contentions++;
        trace(t, org.rtvsim.measure.TraceSink.Instant.LOCK_CONTENDED, l);
        if (l.spins) {
            t.spinningOn = l;
            l.addWaiter(t);
            if (t.cpu.tracing.on()) {
                t.cpu.tracing.state(t, org.rtvsim.measure.TraceSink.TaskState.BLOCKED_ON_LOCK, l.name + " (spinning)");
            }
            t.seg.set(Long.MAX_VALUE / 4, SegmentKind.RAW_SPINLOCK, l.irqsOff, true, false, l.blameWait);
            return false;
        }
        checkDeadlock(t, l);
        t.blockedOn = l;
        l.addWaiter(t);
        t.block();
        if (l.protocol == LockProtocol.INHERIT) {
            propagate(l.owner);
        }
        if (t.jobWindow != null && t.jobWindow.open) {
            watching.add(t);
        }
        retarget();
        return false;
    }

    /** {@code t} releases {@code l}: the top waiter (first spinner) owns it next; {@code t} is de-boosted. */
    void release(Task t, Lock l) {
        if (l.owner != t) {
            throw new IllegalStateException(t + " releases " + l + " held by " + l.owner);
        }
        removeHeld(t, l);
        trace(t, org.rtvsim.measure.TraceSink.Instant.LOCK_RELEASE, l);
        Task next = l.topWaiter();
        l.owner = null;
        if (next != null) {
            l.removeWaiter(next);
            grant(next, l);
            trace(next, org.rtvsim.measure.TraceSink.Instant.LOCK_ACQUIRE, l);
            if (l.spins) {
                next.spinningOn = null;
                if (next.cpu.tracing.on()) {
                    next.cpu.tracing.running(next);
                }
                next.cpu.endSpin(next);
            } else {
                next.blockedOn = null;
                if (watching.remove(next)) {
                    AttributionWindow w = next.jobWindow;
                    if (w.attachedTo != null) {
                        w.attachedTo.meter.detach(w); // charges so far still as a lock wait
                    }
                    w.stopWaiting();
                    next.cpu.meter.moveHere(w, next.cpu);
                }
                if (next.cpu == t.cpu) {
                    kernel.wakeLocal(next);
                } else {
                    kernel.wakeRemote(next, t.cpu); // the releasing task's CPU wakes it (wake_affine's waker)
                }
                propagate(next);
            }
        }
        propagate(t);
        retarget();
    }

    /**
     * Points every waiting task's job window at the holder at the end of its wait chain (the task that
     * actually has to run for the wait to end).
     */
    private void retarget() {
        if (watching.isEmpty()) {
            return;
        }
        for (int i = 0; i < watching.size(); i++) {
            Task t = watching.get(i);
            Lock l = t.blockedOn;
            Task end = l.owner;
            for (int depth = 0; end.blockedOn != null && depth < MAX_LOCK_DEPTH; depth++) {
                end = end.blockedOn.owner;
            }
            AttributionWindow w = t.jobWindow;
            if (w.attachedTo != null) {
                w.attachedTo.meter.detach(w);
            }
            w.waitFor(l, end, kernel.blames());
            end.cpu.meter.moveHere(w, end.cpu);
        }
    }

    private static void trace(Task t, org.rtvsim.measure.TraceSink.Instant kind, Lock l) {
        if (t.cpu.tracing.on()) {
            t.cpu.tracing.instant(kind, t, l.name + (l.owner != null && l.owner != t ? " held by " + l.owner.name : ""));
        }
    }

    private void grant(Task t, Lock l) {
        l.owner = t;
        if (t.heldCount == t.held.length) {
            t.held = java.util.Arrays.copyOf(t.held, t.heldCount * 2);
        }
        t.held[t.heldCount++] = l;
        if (l.protocol == LockProtocol.PROTECT) {
            propagate(t);
        }
    }

    private static void removeHeld(Task t, Lock l) {
        for (int i = 0; i < t.heldCount; i++) {
            if (t.held[i] == l) {
                System.arraycopy(t.held, i + 1, t.held, i, t.heldCount - i - 1);
                t.held[--t.heldCount] = null;
                return;
            }
        }
    }

    /** The priority {@code t} runs at: its own, raised by what its held locks give it. */
    static int effectivePriority(Task t) {
        int p = t.basePriority;
        for (int i = 0; i < t.heldCount; i++) {
            Lock h = t.held[i];
            if (h.protocol == LockProtocol.INHERIT && h.waiterCount > 0) {
                p = Math.max(p, h.waiters[0].priority);
            } else if (h.protocol == LockProtocol.PROTECT) {
                p = Math.max(p, h.ceiling);
            }
        }
        return p;
    }

    /**
     * Recomputes {@code t}'s effective priority and, while it changes, walks the chain of locks its
     * owner chain waits on (the PI chain walk), re-sorting waiters on the way.
     */
    private void propagate(Task t) {
        for (int depth = 0; t != null && depth < MAX_LOCK_DEPTH; depth++) {
            int np = effectivePriority(t);
            if (np == t.priority) {
                return;
            }
            int old = t.priority;
            t.priority = np;
            kernel.priorityChanged(t, old);
            Lock next = t.blockedOn;
            if (next == null) {
                return;
            }
            next.removeWaiter(t);
            next.addWaiter(t);
            t = next.protocol == LockProtocol.INHERIT ? next.owner : null;
        }
    }

    /**
     * Throws a {@link DeadlockException} when {@code t}, about to wait for {@code l}, closes a cycle of waits. The
     * chain is walked first without building its description (this runs on every contended acquisition); only a
     * cycle found is described, by walking it again.
     */
    private void checkDeadlock(Task t, Lock l) {
        Task o = l.owner;
        for (int depth = 0; o != null && depth < MAX_LOCK_DEPTH; depth++) {
            if (o == t) {
                throw new DeadlockException(describeCycle(t, l), kernel.sim().now());
            }
            Lock via = o.blockedOn;
            if (via == null) {
                return;
            }
            o = via.owner;
        }
    }

    /** "A waits for L held by B, B waits for M held by A": the cycle {@link #checkDeadlock} found. */
    private static String describeCycle(Task t, Lock l) {
        StringBuilder cycle = new StringBuilder();
        Task o = l.owner;
        cycle.append(t.name).append(" waits for ").append(l.name).append(" held by ").append(o.name);
        while (o != t) {
            Lock via = o.blockedOn;
            Task next = via.owner;
            cycle.append(", ").append(o.name).append(" waits for ").append(via.name).append(" held by ")
                    .append(next.name);
            o = next;
        }
        return cycle.toString();
    }
}
