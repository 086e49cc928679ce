package org.rtvsim.probe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The background load of a measurement ({@code measure --load "CMD"}): started before cyclictest, stopped after it
 * by SIGTERM to its whole process tree and SIGKILL to whatever is left 2 s later. A command without shell syntax is
 * split into words by {@link ShellWords} (as a POSIX shell: quotes, backslash escapes) and run directly; one with shell syntax
 * ({@code | ; & < > $ ` ( ) *}) runs under {@code sh -c}. Its stdout and stderr go to a log file.
 */
public final class LoadProcess {
    private static final long KILL_AFTER_MS = 2000;

    private final String command;
    private final List<String> argv;
    private final Process process;

    private LoadProcess(String command, List<String> argv, Process process) {
        this.command = command;
        this.argv = argv;
        this.process = process;
    }

    /**
     * Starts {@code command} with output to {@code log}.
     *
     * @throws ProbeException when the command is empty, malformed or cannot be started
     */
    public static LoadProcess start(String command, Path log) {
        List<String> argv = argv(command);
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            p.getOutputStream().close();
            return new LoadProcess(command, argv, p);
        } catch (IOException e) {
            throw new ProbeException("--load \"" + command + "\": cannot start " + argv.get(0) + ": "
                    + e.getMessage());
        }
    }

    /** The argument vector for {@code command}: its words, or {@code sh -c command} when it uses shell syntax. */
    public static List<String> argv(String command) {
        if (command == null || command.isBlank()) {
            throw new ProbeException("--load: expected a command, e.g. --load \"hackbench -l 100000\"; got an "
                    + "empty string");
        }
        if (command.matches("(?s).*[|;&<>$`()*?].*")) {
            return List.of("sh", "-c", command);
        }
        try {
            return ShellWords.split(command);
        } catch (ShellWords.UnbalancedQuote e) {
            throw new ProbeException("--load \"" + command + "\": unbalanced " + e.quote() + " quote");
        }
    }

    public String command() {
        return command;
    }

    public List<String> argv() {
        return argv;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit status once it has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /** What {@link #stop()} found and did. */
    public record Stopped(boolean runningAtEnd, Integer exitStatus, boolean killed) {
    }

    /** SIGTERM to the process and its descendants (children first collected), SIGKILL to survivors after 2 s. */
    public Stopped stop() throws InterruptedException {
        if (!process.isAlive()) {
            return new Stopped(false, process.exitValue(), false);
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_AFTER_MS);
        boolean killed = false;
        for (ProcessHandle h : tree) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // killed below
            }
        }
        for (ProcessHandle h : tree) {
            if (h.isAlive()) {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
                killed = true;
            }
        }
        process.waitFor(KILL_AFTER_MS, TimeUnit.MILLISECONDS);
        return new Stopped(true, process.isAlive() ? null : process.exitValue(), killed);
    }
}
