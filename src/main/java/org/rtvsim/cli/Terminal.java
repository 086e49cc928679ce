package org.rtvsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is an interactive terminal, so progress lines go there only then (DESIGN §5:
 * "progress on stderr when stderr is a terminal, quiet in pipes"). Java cannot ask isatty(2) directly:
 * on Linux stderr's file descriptor link names its device ({@code /dev/pts/N}, {@code /dev/ttyN}); elsewhere
 * {@link System#console()} (stdin and stdout both terminals) is the fallback. {@code RTVSIM_PROGRESS=1}
 * forces progress on, {@code 0} off.
 */
final class Terminal {
    private static final boolean STDERR_IS_TTY = detect();
    private static final boolean STDOUT_IS_TTY = isTty(1, "RTVSIM_STDOUT_TTY");

    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        return STDERR_IS_TTY;
    }

    /**
     * Whether standard output is an interactive terminal ({@code /proc/self/fd/1}, else {@link System#console()});
     * {@code RTVSIM_STDOUT_TTY=1} or {@code 0} forces the answer (tests, recorded sessions).
     */
    static boolean stdoutIsTerminal() {
        return STDOUT_IS_TTY;
    }

    private static boolean isTty(int fd, String forceVariable) {
        String force = System.getenv(forceVariable);
        if (force != null && !force.isBlank()) {
            return !force.trim().equals("0");
        }
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            // fall through to the console check
        }
        return System.console() != null;
    }

    private static boolean detect() {
        String force = System.getenv("RTVSIM_PROGRESS");
        if (force != null && !force.isBlank()) {
            return !force.trim().equals("0");
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.exists(fd2, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            // fall through to the console check
        }
        return System.console() != null;
    }
}
