package org.rtvsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code rtvsim} command: subcommands {@link RunCommand}, {@link CompareCommand}, {@link SweepCommand},
 * {@link CapacityCommand}, {@link TraceCommand}, {@link TimerlatCommand}, {@link OsnoiseCommand}, {@link HwlatCommand}, {@link TailCommand}, {@link CalibrateCommand}, {@link ValidateCommand},
 * {@link MeasureCommand} and {@link InitCommand}, plus
 * {@code help}, {@code --help} and {@code --version}. {@link #run} is the testable entry point;
 * {@link #main} only turns its result into the process exit code.
 */
@Command(name = "rtvsim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Simulates Linux real-time scheduling latency (what cyclictest measures).",
        subcommands = {RunCommand.class, CompareCommand.class, SweepCommand.class, CapacityCommand.class, MergeCommand.class,
            TraceCommand.class, TimerlatCommand.class, OsnoiseCommand.class, HwlatCommand.class, TailCommand.class, CalibrateCommand.class, ValidateCommand.class, MeasureCommand.class, InitCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 an slo: was missed, 2 bad input, 3 internal error, 130/143 run interrupted "
                + "by SIGINT/SIGTERM (docs/errors.md).",
            "Set RTVSIM_DEBUG=1 or pass --debug for stack traces of internal errors."})
public final class Main implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print the stack trace of internal errors (also: env RTVSIM_DEBUG=1).")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run, compare, sweep, capacity, merge, trace, timerlat, osnoise, hwlat, tail, calibrate, validate, measure or init");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams and returns the exit code ({@link Errors}). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = commandLine(out, err, System.getenv());
        int code;
        try {
            code = cl.execute(args);
        } catch (Throwable e) { // the top-level guard: an Error (out of memory, stack overflow) never escapes
            code = Errors.internal(e, cl.getErr(), cl.getParseResult(), "1".equals(System.getenv("RTVSIM_DEBUG")));
        }
        cl.getOut().flush();
        cl.getErr().flush();
        return code;
    }

    /** A configured command line; {@code env} decides {@code RTVSIM_DEBUG}. */
    static CommandLine commandLine(PrintStream out, PrintStream err, java.util.Map<String, String> env) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        boolean envDebug = "1".equals(env.get("RTVSIM_DEBUG"));
        cl.registerConverter(java.nio.file.Path.class, Main::path);
        cl.setParameterExceptionHandler(Errors::onParameterError);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> Errors.onExecutionError(e, cmd, parsed, envDebug));
        ((MeasureCommand) cl.getSubcommands().get("measure").getCommand()).env = env;
        // only the process's own stdout can be a terminal (in-process callers capture theirs)
        ((RunCommand) cl.getSubcommands().get("run").getCommand()).processStdout = out == System.out;
        return cl;
    }

    /** Every path argument: an empty one (e.g. {@code --out ""}) would silently mean the current directory. */
    private static java.nio.file.Path path(String value) {
        if (value.isBlank()) {
            throw new CommandLine.TypeConversionException("expected a file or directory name; got an empty string");
        }
        try {
            return java.nio.file.Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new CommandLine.TypeConversionException("expected a file or directory name; got '" + value
                    + "' (" + e.getReason() + ")");
        }
    }

    /** Reads {@code version.properties}, which Maven fills with the project version at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"rtvsim " + p.getProperty("version", "unknown")};
        }
    }
}
