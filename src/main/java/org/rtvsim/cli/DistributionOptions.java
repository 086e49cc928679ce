package org.rtvsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.rtvsim.experiment.Part;
import org.rtvsim.experiment.RunEngine;
import picocli.CommandLine.Option;

/**
 * Where an experiment's work list runs: {@code --engine local|spark} (with {@code --master URL} for Spark)
 * and {@code --part K/N}, which runs only slice K of N and writes a partial result for {@code rtvsim merge}
 * (docs/distributed.md); sweep, capacity, compare and replicated run take them. Engines other than
 * {@code local} come from jars on the class path ({@link ServiceLoader} of {@link RunEngine}); the core never
 * loads one unless asked.
 */
final class DistributionOptions {
    static final String LOCAL = "local";

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = LOCAL,
            description = "Where the runs execute: local (threads, the default) or spark (needs the rtvsim-spark "
                    + "module; docs/distributed.md).")
    String engine;

    @Option(names = "--master", paramLabel = "URL",
            description = "The Spark master with --engine spark: local[N], local[*] (the default), spark://HOST:PORT "
                    + "or k8s://https://HOST:PORT.")
    String master;

    @Option(names = "--part", paramLabel = "K/N",
            description = "Run only slice K of N of the work list (item i is in slice i mod N + 1) and write "
                    + "DIR/partial.rtvsim into --out DIR; 'rtvsim merge DIR...' then writes the outputs of one run.")
    String part;

    /** The parsed {@code --part}, or null. */
    Part part() {
        return part == null ? null : ExperimentArgs.parsing(() -> Part.parse(part));
    }

    /** Rejects impossible combinations before anything runs. */
    void check(boolean hasOut) {
        if (!LOCAL.equals(engine) && !"spark".equals(engine) && find(engine) == null) {
            throw new Errors.BadInput("--engine " + engine + ": expected local or spark");
        }
        if (master != null && LOCAL.equals(engine)) {
            throw new Errors.BadInput("--master " + master + ": only with --engine spark");
        }
        if (part() != null && !hasOut) {
            throw new Errors.BadInput("--part " + part + ": needs --out DIR for the partial result");
        }
    }

    /** Whether {@code --engine} names another engine than local or {@code --part} is given. */
    boolean distributed() {
        return !LOCAL.equals(engine) || part != null;
    }

    /**
     * Rejects {@code --engine} other than local and {@code --part} where there is no work list to distribute:
     * {@code what} names the command and {@code why} says what to do instead.
     */
    void localOnly(String what, String why) {
        if (distributed()) {
            throw new Errors.BadInput(what + ": " + (!LOCAL.equals(engine) ? "--engine " + engine : "")
                    + (!LOCAL.equals(engine) && part != null ? " " : "") + (part != null ? "--part " + part : "")
                    + ": " + why);
        }
    }

    /** The engine to run on, opened; null for the local engine. */
    RunEngine open() {
        if (LOCAL.equals(engine)) {
            return null;
        }
        RunEngine e = find(engine);
        if (e == null) {
            throw new Errors.BadInput("--engine " + engine + ": the rtvsim-spark module is not on the class path "
                    + "(build it with 'mvn -B -f src/spark/pom.xml package'; docs/distributed.md)");
        }
        try {
            e.open(master);
        } catch (IllegalArgumentException ex) {
            e.close();
            throw new Errors.BadInput(ex.getMessage());
        }
        return e;
    }

    /** The engine named {@code name} among those on the class path, or null. */
    static RunEngine find(String name) {
        List<RunEngine> found = new ArrayList<>();
        for (RunEngine e : ServiceLoader.load(RunEngine.class, DistributionOptions.class.getClassLoader())) {
            if (e.name().equals(name)) {
                found.add(e);
            }
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * {@code args} without the options that say where and which slice to run, and without {@code --out}:
     * what a partial result records so that {@code merge} can redo the command's reporting.
     */
    static List<String> experimentArgs(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (List.of("--engine", "--master", "--part", "--out").contains(name)) {
                if (!a.contains("=")) {
                    i++;
                }
                continue;
            }
            out.add(a);
        }
        return out;
    }
}
