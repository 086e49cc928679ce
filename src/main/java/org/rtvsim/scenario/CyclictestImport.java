package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.probe.CyclictestOptions;

/**
 * A cyclictest command line read as rt-tests 2.x's {@code process_options()} reads it
 * (src/cyclictest/cyclictest.c, checked against the rt-tests 2.4 binary), turned into the settings of a
 * {@code cyclictest} workload. Same defaults as the tool: one thread, interval 1000 µs, distance 500 µs
 * (0 with {@code -h}/{@code -H}), SCHED_OTHER priority 0 unless {@code -p} or {@code --policy}, threads pinned
 * round-robin to the CPUs ({@code -a}, else all CPUs of the kernel), cpu_dma_latency written with 0.
 * Options are applied in order, as cyclictest does: {@code -p 0 --policy other} runs SCHED_OTHER, while
 * {@code --policy other -p 0} runs SCHED_FIFO at priority threads + 1. docs/command-import.md lists every option.
 */
final class CyclictestImport {
    static final String KEY = "--cyclictest";
    /** cyclictest's HIST_MAX. */
    static final int HIST_MAX = 1_000_000;
    static final int DEFAULT_DISTANCE_US = 500;
    static final int DEFAULT_INTERVAL_US = 1000;
    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("(\\d{1,9})([smhdSMHD]?)");

    /**
     * cyclictest's options: probe.CyclictestOptions.TABLE, the one table {@code measure} and {@code init} read too.
     * Its first 17 are modelled, the next 17 accepted and ignored (output and diagnostics only), the rest rejected
     * (they change what is measured).
     */
    static final List<CommandWords.Spec> SPECS = CyclictestOptions.TABLE.stream().map(CommandWords.Spec::of).toList();

    /** What the command line describes. {@code cpus} holds thread i's CPU at index i. */
    record Settings(int threads, CpuSet cpus, int priority, SchedPolicy policy, long intervalUs, long distanceUs,
                    boolean mlock, Integer latencyTargetUs, Integer histogramBuckets, Long durationNs) {
    }

    private CyclictestImport() {
    }

    /** Reads {@code text} for a kernel of {@code ncpus} CPUs ({@code what} names them in messages). */
    static Settings parse(String text, int ncpus, String what, List<String> notes) {
        List<String> words = new ArrayList<>(CommandWords.split(text, KEY));
        if (!words.isEmpty() && (words.get(0).equals("cyclictest") || words.get(0).endsWith("/cyclictest"))) {
            words.remove(0);
        }
        List<CommandWords.Option> opts = CommandWords.parse(words, SPECS, KEY,
                (s, next) -> CyclictestOptions.nextIsValue(s.lexical(), next), supported());
        int threads = 1;          // -1: one per CPU
        boolean smp = false;
        CpuSet affinity = null;   // null: all CPUs (AFFINITY_USEALL)
        int priority = 0;
        String policy = "other";
        long interval = DEFAULT_INTERVAL_US;
        Long distance = null;
        boolean mlock = false;
        long loops = 0;
        Long durationS = null;
        int histogram = 0;
        Integer latency = 0;
        boolean noLatencyWrite = false;
        for (CommandWords.Option o : opts) {
            String v = o.value();
            switch (o.spec().display()) {
                case "-a/--affinity" -> {
                    if (smp) {
                        notes.add("cyclictest: -a ignored due to -S (as cyclictest does)");
                    } else {
                        affinity = v == null ? null : cpuList(o, ncpus, what);
                    }
                }
                case "-t/--threads" -> {
                    if (smp) {
                        notes.add("cyclictest: -t ignored due to -S (as cyclictest does)");
                    } else {
                        threads = v == null ? -1 : (int) number(o, 1, 4096, "a thread count");
                    }
                }
                case "-S/--smp" -> {
                    smp = true;
                    threads = -1;
                    affinity = null;
                }
                case "-p/--priority" -> {
                    priority = (int) number(o, 0, 99, "a priority");
                    if (!policy.equals("fifo") && !policy.equals("rr")) {
                        policy = "fifo";
                    }
                }
                case "--policy" -> policy = policy(o);
                case "-i/--interval" -> interval = number(o, 1, Integer.MAX_VALUE, "an interval in µs");
                case "-d/--distance" -> distance = number(o, 0, Integer.MAX_VALUE, "a distance in µs");
                case "-m/--mlockall" -> mlock = true;
                case "-l/--loops" -> loops = number(o, 0, Long.MAX_VALUE / 4, "a loop count (0 = endless)");
                case "-D/--duration" -> durationS = durationSeconds(o);
                case "-h/--histogram", "-H/--histofall" -> {
                    histogram = (int) number(o, 0, Integer.MAX_VALUE, "a histogram size in µs");
                    if (o.spec().shortName() == 'H') {
                        notes.add("cyclictest: -H prints no extra all-threads column; the summary's \"All threads\""
                                + " block pools the threads instead");
                    }
                }
                case "--laptop", "--default-system" -> noLatencyWrite = true;
                case "--latency" -> latency = (int) Math.max(0, number(o, Integer.MIN_VALUE, Integer.MAX_VALUE,
                        "a latency target in µs"));
                case "-q/--quiet" -> {
                }
                case "-n/--nanosleep" -> notes.add("cyclictest: -n accepted (rt-tests 2.x no longer has it; "
                        + "clock_nanosleep is its default and what rtvsim models)");
                case "-r/--relative", "-s/--system", "-x/--posix_timers", "-A/--aligned", "--secaligned",
                        "--priospread", "--deepest-idle-state" -> throw CommandWords.error(KEY, "option '" + o.spelling() + "' is not "
                        + "supported: it changes what cyclictest measures in a way rtvsim does not model; supported: "
                        + supported());
                default -> notes.add("cyclictest: " + o.spelling() + " ignored (" + ignoredWhy(o) + ")");
            }
        }
        if (histogram > HIST_MAX) {
            notes.add("cyclictest: -h " + histogram + " capped at " + HIST_MAX + " buckets, as cyclictest does");
            histogram = HIST_MAX;
        }
        if (histogram > 0 && distance != null && distance != 0) {
            notes.add("cyclictest: distance is ignored and set to 0, if histogram enabled (as cyclictest does)");
        }
        long dist = histogram > 0 ? 0 : distance == null ? DEFAULT_DISTANCE_US : distance;
        int available = affinity == null ? ncpus : affinity.size();
        if (threads == -1) {
            threads = available;
        }
        if (threads > available) {
            throw CommandWords.error(KEY, "-t " + threads + ": cyclictest would place its " + threads
                    + " threads round-robin on " + available + " CPU" + (available == 1 ? "" : "s") + " ("
                    + (affinity == null ? what + " is " + ncpus : "-a " + affinity) + "), more than one on a CPU;"
                    + " rtvsim runs at most one cyclictest thread per CPU; expected -t <= " + available);
        }
        if (priority > 0 && !policy.equals("fifo") && !policy.equals("rr")) {
            notes.add("cyclictest: policy and priority don't match: setting policy to SCHED_FIFO (as cyclictest does)");
            policy = "fifo";
        }
        if ((policy.equals("fifo") || policy.equals("rr")) && priority == 0) {
            priority = threads + 1;
            notes.add("cyclictest: defaulting realtime priority to " + priority + " (threads + 1, as cyclictest does)");
            if (priority > 99) {
                throw CommandWords.error(KEY, "--policy " + policy + " without -p gives priority threads + 1 = "
                        + priority + ", above 99; give -p");
            }
        }
        SchedPolicy sched = priority > 0 ? SchedPolicy.valueOf(policy.toUpperCase(Locale.ROOT)) : SchedPolicy.OTHER;
        if (priority == 0 && (policy.equals("batch") || policy.equals("idle"))) {
            notes.add("cyclictest: --policy " + policy + " runs SCHED_OTHER threads (cyclictest uses SCHED_OTHER "
                    + "whenever the priority is 0)");
        }
        CpuSet cpus = affinity == null ? CpuSet.range(0, threads) : first(affinity, threads);
        long longest = interval + (threads - 1) * dist;
        Long durationNs = null;
        if (loops > 0) {
            if (loops > Long.MAX_VALUE / 1000 / longest) {
                throw CommandWords.error(KEY, "-l " + loops + " at " + longest + " µs is longer than rtvsim can "
                        + "simulate; expected fewer loops");
            }
            durationNs = loops * longest * 1000;
            if (threads > 1 && dist > 0) {
                notes.add("cyclictest: -l " + loops + " lasts until the slowest thread (interval " + longest
                        + " µs) has its " + loops + " loops; the faster threads record more samples than that");
            }
        }
        if (durationS != null && durationS > 9_000_000_000L) {
            throw CommandWords.error(KEY, "-D: " + durationS + " s is longer than rtvsim can simulate");
        }
        if (durationS != null && durationS > 0) {
            long d = durationS * 1_000_000_000L;
            durationNs = durationNs == null ? d : Math.min(durationNs, d);
        }
        return new Settings(threads, cpus, priority, sched, interval, dist, mlock,
                noLatencyWrite ? null : latency, histogram > 0 ? histogram : null, durationNs);
    }

    /** The supported options, for messages: those modelled, then those accepted and ignored. */
    static String supported() {
        return CommandWords.list(SPECS.subList(0, 17)) + "; accepted and ignored (output only): "
                + CommandWords.list(SPECS.subList(17, 34));
    }

    private static String ignoredWhy(CommandWords.Option o) {
        return switch (o.spec().display()) {
            case "-b/--breaktrace" -> "cyclictest would stop at the first latency above " + o.value()
                    + " µs; rtvsim runs the whole duration and finds the maximum with `rtvsim trace`";
            case "--smi" -> "rtvsim prints the SMI count whenever the scenario has SMIs";
            case "--mainaffinity" -> "the main thread is not modelled";
            case "-c/--clock" -> "both clocks are read the same way on the wake-up path";
            default -> "output or diagnostics only";
        };
    }

    private static String policy(CommandWords.Option o) {
        String p = o.value().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "other", "normal" -> "other";
            case "batch", "idle", "fifo", "rr" -> p;
            default -> throw CommandWords.error(KEY, "option '--policy': expected one of other, normal, batch, idle, "
                    + "fifo, rr; got '" + o.value() + "'");
        };
    }

    private static long number(CommandWords.Option o, long min, long max, String what) {
        return CommandWords.number(KEY, o, min, max, what);
    }

    /** {@code -D}: an integer with an optional suffix s, m, h or d (default seconds), as parse_time_string. */
    private static long durationSeconds(CommandWords.Option o) {
        java.util.regex.Matcher m = TIME.matcher(o.value().trim());
        if (!m.matches()) {
            throw CommandWords.error(KEY, "option '" + o.spelling() + "': expected a time such as 60, 90s, 10m, 2h "
                    + "or 1d (seconds unless suffixed m, h or d); got '" + o.value() + "'");
        }
        long scale = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86_400;
            default -> 1;
        };
        return Long.parseLong(m.group(1)) * scale;
    }

    private static CpuSet cpuList(CommandWords.Option o, int ncpus, String what) {
        CpuSet set;
        try {
            set = CpuSet.parse(o.value());
        } catch (IllegalArgumentException e) {
            throw CommandWords.error(KEY, "option '" + o.spelling() + "': " + e.getMessage());
        }
        if (set.isEmpty() || set.max() >= ncpus) {
            throw CommandWords.error(KEY, "option '" + o.spelling() + "': expected CPUs in 0-" + (ncpus - 1) + " ("
                    + what + " is " + ncpus + "); got '" + o.value() + "'");
        }
        return set;
    }

    private static CpuSet first(CpuSet set, int n) {
        int[] a = java.util.Arrays.copyOf(set.toArray(), n);
        return CpuSet.of(a);
    }
}
