package org.rtvsim.kernel;

/**
 * The kinds of locks the kernel and its tasks use; with the preemption model they decide how a
 * contended lock is waited for and whether its owner inherits priority.
 *
 * @see <a href="https://www.kernel.org/doc/html/latest/locking/locktypes.html">locktypes.rst</a>
 */
public enum LockKind {
    /** {@code raw_spinlock_t}: spins with preemption off in every model. */
    RAW_SPINLOCK,
    /** {@code spinlock_t}: spins with preemption off, except on PREEMPT_RT where it is a PI rt_mutex. */
    SPINLOCK,
    /** {@code rt_mutex}: sleeps; the owner inherits the top waiter's priority (transitively). */
    RT_MUTEX,
    /** {@code struct mutex}: sleeps; no priority inheritance. */
    MUTEX,
    /** A user-space pthread mutex; its {@link LockProtocol} says what the owner inherits. */
    PTHREAD_MUTEX
}
