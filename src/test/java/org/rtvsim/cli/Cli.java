package org.rtvsim.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs the command line in-process with captured stdout and stderr. */
record Cli(int code, String out, String err) {

    /** Exit 2 with one located line {@code rtvsim: error: …} holding every one of {@code parts}, no stack trace. */
    static void assertBadInput(Cli r, String... parts) {
        org.junit.jupiter.api.Assertions.assertEquals(2, r.code(), () -> "exit code; stderr: " + r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.err().startsWith("rtvsim: error: "), r.err());
        org.junit.jupiter.api.Assertions.assertEquals(1, r.err().lines().count(), () -> "one line expected: " + r.err());
        org.junit.jupiter.api.Assertions.assertFalse(r.err().contains("Exception") || r.err().contains("at org."),
                r.err());
        for (String p : parts) {
            org.junit.jupiter.api.Assertions.assertTrue(r.err().contains(p), () -> "'" + p + "' not in: " + r.err());
        }
    }

    static Cli run(String... args) {
        return run(Map.of(), null, args);
    }

    /** Runs with the given environment and, when {@code extra} is not null, an extra subcommand. */
    static Cli run(Map<String, String> env, Object extra, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            if (env.isEmpty() && extra == null) {
                code = Main.run(args, o, e);
            } else {
                CommandLine cl = Main.commandLine(o, e, env);
                if (extra != null) {
                    cl.addSubcommand(extra);
                    cl.setOut(cl.getOut()); // reach the subcommand added after the streams were set
                    cl.setErr(cl.getErr());
                }
                code = cl.execute(args);
                cl.getOut().flush();
                cl.getErr().flush();
            }
        }
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code rtvsim COMMAND FILE EXTRA...}: a command on a scenario (or measurement) file. */
    static Cli runOn(String command, Path file, String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = command;
        args[1] = file.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return run(args);
    }

    /** A scenario file with the given text. */
    static Path write(Path dir, String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 4 CPUs, 50 ms measured after 10 ms warm-up, one cyclictest thread at priority 99: runs in milliseconds. */
    static final String TINY = """
            name: tiny
            duration: 50ms
            warmup: 10ms
            hardware: {cpus: 4}
            host:
              kernel: {preempt: rt}
              workload:
                - cyclictest: {threads: 1, priority: 99}
            """;
}
