package org.rtvsim.kernel;

/**
 * What a task does: the program of a task, asked for its next step whenever the task is on its
 * CPU without work — after being switched in following a wake-up, and after each segment ends.
 * An implementation calls exactly one of {@link Task#run}, {@link Task#sleepUntil} or
 * {@link Task#block}. Called at the semantic moment, so draws made here mean the same thing in
 * two compared scenarios.
 */
public interface TaskBehaviour {

    void next(Task task);

    /**
     * {@code task} has just been woken (made runnable) at {@code task.now()}, in the waker's context: an
     * observation point only (the measuring thread notes when its timer callback woke it); it must not change
     * the model's state.
     */
    default void woken(Task task) {
    }
}
