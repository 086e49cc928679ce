package org.rtvsim.probe;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finding and running the real {@code cyclictest}: its binary ({@code RTVSIM_CYCLICTEST} or the {@code PATH}), its
 * version line ({@code cyclictest --help} prints {@code cyclictest V 2.40} first), the command as run (the user's
 * options unchanged, then {@code -q} and {@code -h 1000} when absent) and the process, whose stdout and stderr go to
 * files. {@link #interrupt()} sends SIGINT, on which cyclictest stops and still prints its histogram.
 */
public final class CyclictestRun {
    /** How to install cyclictest, for the missing-binary message. */
    public static final String INSTALL_HINT = "install rt-tests: 'sudo apt-get install rt-tests' on Debian/Ubuntu, "
            + "'sudo dnf install realtime-tests' on Fedora";

    private final Process process;

    private CyclictestRun(Process process) {
        this.process = process;
    }

    /**
     * The cyclictest binary: {@code envBinary} (RTVSIM_CYCLICTEST; a name without a slash is looked up on the
     * PATH) or {@code cyclictest} on {@code pathEnv}.
     *
     * @throws ProbeException when there is none, with the install hint
     */
    public static Path locate(String envBinary, String pathEnv) {
        String name = envBinary == null || envBinary.isBlank() ? "cyclictest" : envBinary.trim();
        if (name.contains("/")) {
            Path p = Path.of(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p.toAbsolutePath();
            }
            throw new ProbeException("RTVSIM_CYCLICTEST=" + name + ": not an executable file; unset it to use "
                    + "cyclictest from the PATH, or " + INSTALL_HINT);
        }
        if (pathEnv != null) {
            for (String dir : pathEnv.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p.toAbsolutePath();
                }
            }
        }
        throw new ProbeException(name + ": not found on the PATH; " + INSTALL_HINT
                + " (or set RTVSIM_CYCLICTEST to the binary)");
    }

    /** The first line of {@code binary --help} ("cyclictest V 2.40"), or empty when it prints nothing. */
    public static Optional<String> versionLine(Path binary) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "--help").redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(1 << 16);
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new String(out, StandardCharsets.UTF_8).lines().map(String::trim).filter(l -> !l.isEmpty())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** "2.40" from "cyclictest V 2.40", else null. */
    public static String version(String line) {
        if (line == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bV\\s*([0-9][0-9.]*)").matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** The command as run: the binary, the user's options unchanged, then {@link CyclictestOptions#additions()}. */
    public static List<String> command(Path binary, CyclictestOptions options) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.addAll(options.args());
        cmd.addAll(options.additions());
        return cmd;
    }

    /** Starts {@code command} with stdout and stderr to the given files. */
    public static CyclictestRun start(List<String> command, Path stdout, Path stderr) throws IOException {
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        p.getOutputStream().close();
        return new CyclictestRun(p);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits up to {@code ms}; true when cyclictest has ended. */
    public boolean waitFor(long ms) throws InterruptedException {
        return process.waitFor(ms, TimeUnit.MILLISECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Sends SIGINT (cyclictest stops and prints its histogram); SIGTERM, which it treats the same, as fallback. */
    public void interrupt() {
        if (!process.isAlive()) {
            return;
        }
        if (!signal(process.pid(), "INT")) {
            process.destroy();
        }
    }

    /** Sends SIGKILL (used only when cyclictest does not stop after an interrupt). */
    public void kill() {
        process.destroyForcibly();
    }

    static boolean signal(long pid, String sig) {
        try {
            Process k = new ProcessBuilder("kill", "-s", sig, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return k.waitFor(2, TimeUnit.SECONDS) && k.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
