package org.rtvsim.cli;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.Simulation;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM while {@code rtvsim run} simulates: like cyclictest, the run stops, what was measured so
 * far is printed and written (marked "interrupted at &lt;simulated time&gt;"), and the exit code is 128 + the
 * signal's number (130, 143). Installed for the simulation only; the previous handlers come back on close.
 */
final class Interrupts implements AutoCloseable {
    /** The signal number received (0: none); {@link #interrupt} sets it for tests too. */
    private static volatile int received;

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private Interrupts() {
    }

    /** Clears any earlier stop request and handles SIGINT and SIGTERM until {@link #close()}. */
    static Interrupts install() {
        received = 0;
        Simulation.clearStopRequest();
        Interrupts i = new Interrupts();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal s = new Signal(name);
                SignalHandler old = Signal.handle(s, sig -> interrupt(sig.getNumber()));
                i.signals.add(s);
                i.previous.add(old);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // the JVM reserves the signal (e.g. -Xrs): Ctrl-C then ends the process as before
            }
        }
        return i;
    }

    /** What the handlers do: record the signal and ask every running simulation to stop. */
    static void interrupt(int signal) {
        received = signal;
        Simulation.requestStop();
    }

    /** The exit code of an interrupted run (128 + signal), or -1 when no signal came. */
    static int exitCode() {
        return received == 0 ? -1 : 128 + received;
    }

    @Override
    public void close() {
        for (int k = 0; k < signals.size(); k++) {
            Signal.handle(signals.get(k), previous.get(k));
        }
    }
}
