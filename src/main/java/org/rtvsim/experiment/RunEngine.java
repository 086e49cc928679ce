package org.rtvsim.experiment;

import java.util.List;
import org.rtvsim.measure.RunResult;

/**
 * Where the items of a work list run. The local engine is {@link Replications#runs(List, int,
 * Replications.Tracker)}; others (the {@code rtvsim-spark} module's {@code spark}) are found with
 * {@link java.util.ServiceLoader} when their jar is on the class path, so the core never depends on them.
 * Every engine returns exactly the results of running each item alone, in item order.
 */
public interface RunEngine extends AutoCloseable {
    /** The name given to {@code --engine}. */
    String name();

    /**
     * Connects to {@code master} (null: the engine's default); an {@link IllegalArgumentException} naming
     * what was expected when the address is malformed or cannot be reached.
     */
    void open(String master);

    /** Runs every item and returns their results in item order, telling {@code tracker} (may be null). */
    List<RunResult> run(List<Work> work, int threads, Replications.Tracker tracker);

    /** Releases what {@link #open} took; does not throw. */
    @Override
    void close();
}
