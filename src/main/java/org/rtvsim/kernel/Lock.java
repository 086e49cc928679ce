package org.rtvsim.kernel;

/**
 * One lock: its kind and protocol, its owner, the tasks sleeping on it (highest effective priority
 * first, FIFO among equals, as rt_mutex waiters are ordered) and the tasks spinning on it (FIFO, as
 * queued spinlocks hand over). Operations live in {@link Locking}.
 */
public final class Lock {
    final String name;
    final LockKind kind;
    final LockProtocol protocol;
    final int ceiling;
    /** Whether waiters spin (raw spinlocks; spinlock_t outside PREEMPT_RT) instead of sleeping. */
    final boolean spins;
    /** Taken with {@code *_lock_irqsave}: interrupts off while spinning and holding (spinning kinds only). */
    final boolean irqsOff;
    final int blameWait;
    Task owner;
    Task[] waiters = new Task[4];
    int waiterCount;
    long acquisitions;
    long contentions;

    Lock(String name, LockKind kind, LockProtocol protocol, int ceiling, boolean spins, boolean irqsOff,
         int blameWait) {
        this.irqsOff = irqsOff;
        this.name = name;
        this.kind = kind;
        this.protocol = protocol;
        this.ceiling = ceiling;
        this.spins = spins;
        this.blameWait = blameWait;
    }

    public String name() {
        return name;
    }

    public LockKind kind() {
        return kind;
    }

    public LockProtocol protocol() {
        return protocol;
    }

    /** Whether its sections (and spinning on it) run with interrupts off. */
    public boolean irqsOff() {
        return irqsOff;
    }

    public Task owner() {
        return owner;
    }

    /** Times the lock was taken, and how many of those found it held. */
    public long acquisitions() {
        return acquisitions;
    }

    public long contentions() {
        return contentions;
    }

    /** The highest-priority waiter (the first spinner for spinning locks), or null. */
    Task topWaiter() {
        return waiterCount == 0 ? null : waiters[0];
    }

    /** Adds a waiter behind those of equal or higher priority (spinners: simply at the end). */
    void addWaiter(Task t) {
        if (waiterCount == waiters.length) {
            waiters = java.util.Arrays.copyOf(waiters, waiterCount * 2);
        }
        int at = waiterCount;
        if (!spins) {
            while (at > 0 && waiters[at - 1].priority < t.priority) {
                at--;
            }
        }
        System.arraycopy(waiters, at, waiters, at + 1, waiterCount - at);
        waiters[at] = t;
        waiterCount++;
    }

    void removeWaiter(Task t) {
        for (int i = 0; i < waiterCount; i++) {
            if (waiters[i] == t) {
                System.arraycopy(waiters, i + 1, waiters, i, waiterCount - i - 1);
                waiters[--waiterCount] = null;
                return;
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
