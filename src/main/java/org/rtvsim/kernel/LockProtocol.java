package org.rtvsim.kernel;

/**
 * What a lock's owner gets while it holds it: nothing ({@code PTHREAD_PRIO_NONE}); the priority of
 * its highest waiter, transitively ({@code PTHREAD_PRIO_INHERIT}, PI futexes and rt_mutexes); or the
 * lock's priority ceiling from the moment it takes the lock ({@code PTHREAD_PRIO_PROTECT}, the
 * immediate priority ceiling protocol).
 */
public enum LockProtocol {
    NONE, INHERIT, PROTECT;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
