package org.rtvsim.cli;

import java.io.PrintWriter;
import org.rtvsim.scenario.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Exit codes and how failures reach the user. Bad input (a scenario error, a wrong option, an
 * unusable {@code --out}) is one line {@code rtvsim: error: MESSAGE} on stderr and exit code 2;
 * anything else is an internal error, exit code 3, with a stack trace only under {@code --debug}
 * or {@code RTVSIM_DEBUG=1}.
 */
final class Errors {
    static final int OK = 0;
    static final int SLO_MISSED = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 3;
    /** An SLO or capacity answer the intervals do not decide: run longer or more replications. */
    static final int INCONCLUSIVE = 4;

    private Errors() {
    }

    /** Bad input found by the CLI itself (not by the scenario loader); its message is shown alone. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message, null, false, false);
        }
    }

    /** picocli could not parse the arguments: the message plus where to find the usage. */
    static int onParameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String hint = "see '" + cmd.getCommandSpec().qualifiedName() + " --help'";
        badInput(cmd.getErr(), oneLine(e.getMessage()) + " (" + hint + ")");
        return BAD_INPUT;
    }

    /** A command threw: bad input gives exit code 2, anything else an internal error. */
    static int onExecutionError(Exception e, CommandLine cmd, ParseResult parsed, boolean envDebug) {
        PrintWriter err = cmd.getErr();
        if (e instanceof ScenarioException || e instanceof BadInput
                || e instanceof org.rtvsim.experiment.NoSamplesException) {
            badInput(err, oneLine(e.getMessage()));
            return BAD_INPUT;
        }
        if (e instanceof org.rtvsim.kernel.DeadlockException) {
            badInput(err, "the scenario deadlocks: " + oneLine(e.getMessage()));
            return BAD_INPUT;
        }
        return internal(e, err, parsed, envDebug);
    }

    /**
     * The top-level guard's answer to anything unexpected, an {@link Error} such as {@link OutOfMemoryError}
     * included: exit code 3, "internal error, please report" and the input file, and a stack trace only when
     * asked for.
     */
    static int internal(Throwable e, PrintWriter err, ParseResult parsed, boolean envDebug) {
        boolean debug = envDebug || debugAsked(parsed);
        err.println("rtvsim: internal error: " + e.getClass().getName() + ": " + oneLine(e.getMessage()));
        String input = inputFile(parsed);
        err.println("rtvsim: this is a bug; please report it with " + (input == null ? "the input files"
                : "the input file " + input) + " and the command line"
                + (debug ? "" : " (rerun with --debug for the stack trace)"));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return INTERNAL;
    }

    /** The first file given as a positional argument (the scenario), or null. */
    private static String inputFile(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (var a : p.matchedPositionals()) {
                Object v = a.getValue();
                if (v instanceof java.nio.file.Path path) {
                    return path.toString();
                }
                if (v instanceof java.util.List<?> l && !l.isEmpty() && l.get(0) instanceof java.nio.file.Path path) {
                    return path.toString();
                }
            }
        }
        return null;
    }

    private static void badInput(PrintWriter err, String message) {
        err.println("rtvsim: error: " + message);
        err.flush();
    }

    /** Messages are shown on one line, so scripts can grep them. */
    static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static boolean debugAsked(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
