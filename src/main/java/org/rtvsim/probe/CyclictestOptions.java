package org.rtvsim.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cyclictest (rt-tests 2.x) option list: which options are present and their values, under their long names
 * ({@code -h 400} and {@code --histogram=400} are both {@code histogram=400}). {@link #TABLE} is rtvsim's one table of
 * cyclictest's options (rt-tests src/cyclictest/cyclictest.c {@code long_options[]} and the getopt string
 * {@code a::A::b:c:d:D:F:h:H:i:l:MNo:p:mqrRsSt::uvD:x}), read with {@link Getopt} as cyclictest reads it, and
 * {@link #nextIsValue} its rule for the optional values. This class reads leniently (unknown options are kept as
 * flags, operands skipped) for {@code measure} (is there a histogram, when does the run end) and {@code init}'s
 * draft; the scenario package's command import reads the same table strictly.
 */
public final class CyclictestOptions {
    /**
     * Every option cyclictest 2.x knows, plus {@code -n/--nanosleep} of rt-tests 1.x (the command import accepts it
     * with a note) and {@code --deepest-idle-state} of later 2.x releases.
     */
    public static final List<Getopt.Spec> TABLE = Getopt.specs(
            "a|affinity|O", "t|threads|O", "S|smp|N", "p|priority|R", "|policy|R", "i|interval|R", "d|distance|R",
            "m|mlockall|N", "l|loops|R", "D|duration|R", "h|histogram|R", "H|histofall|R", "q|quiet|N",
            "n|nanosleep|N", "|laptop|N", "|latency|R", "|default-system|N",
            "v|verbose|N", "u|unbuffered|N", "M|refresh_on_max|N", "N|nsecs|N", "o|oscope|R", "|json|R",
            "|histfile|R", "F|fifo|R", "|dbg_cyclictest|N", "|smi|N", "|tracemark|N", "R|resolution|N",
            "|mainaffinity|R", "b|breaktrace|R", "|spike|R", "|spike-nodes|R", "c|clock|R",
            "r|relative|N", "s|system|N", "x|posix_timers|N", "A|aligned|O", "|secaligned|O", "|priospread|N",
            "|deepest-idle-state|R");

    private final List<String> args;
    private final Map<String, String> values = new LinkedHashMap<>();

    private CyclictestOptions(List<String> args) {
        this.args = List.copyOf(args);
    }

    /** The spec of {@link #TABLE} with long name {@code longName}. */
    public static Getopt.Spec spec(String longName) {
        return TABLE.stream().filter(s -> longName.equals(s.longName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no cyclictest option --" + longName));
    }

    /**
     * Whether cyclictest takes {@code next} as the value of optional-value option {@code s} given without one
     * ({@code -t 4}): for {@code -a} when {@code atoi(next) != 0} or it starts with {@code 0} or {@code !}; for
     * {@code -t}, {@code -A} and {@code --secaligned} when {@code atoi(next) != 0} (so {@code -t 0} is {@code -t}
     * followed by a stray 0), as process_options() does.
     */
    public static boolean nextIsValue(Getopt.Spec s, String next) {
        long n = Getopt.atoi(next);
        if ("affinity".equals(s.longName())) {
            return n != 0 || next.startsWith("0") || next.startsWith("!");
        }
        return n != 0;
    }

    /** Reads {@code args}; the last occurrence of an option wins, as in cyclictest. */
    public static CyclictestOptions parse(List<String> args) {
        CyclictestOptions o = new CyclictestOptions(args);
        for (Getopt.Token t : Getopt.parse(args, TABLE, CyclictestOptions::nextIsValue)) {
            if (t instanceof Getopt.Opt opt) {
                o.values.put(opt.spec().name(), opt.value() == null ? "" : opt.value());
            } else if (t instanceof Getopt.Bad bad) {
                // kept as cyclictest's getopt reads on after complaining: a value problem as the flag, an unknown
                // or ambiguous name as written, with its =value
                boolean own = bad.problem() == Getopt.Problem.NEEDS_VALUE
                        || bad.problem() == Getopt.Problem.TAKES_NO_VALUE;
                int eq = bad.word().indexOf('=');
                o.values.put(own ? bad.candidates().get(0).name() : bad.name().replaceFirst("^--?", ""),
                        !own && bad.name().startsWith("--") && eq >= 0 ? bad.word().substring(eq + 1) : "");
            }
        }
        return o;
    }


    public List<String> args() {
        return args;
    }

    public boolean has(String longName) {
        return values.containsKey(longName);
    }

    /** The value of an option (by long name): "" for a flag, empty when absent. */
    public Optional<String> value(String longName) {
        return Optional.ofNullable(values.get(longName));
    }

    /** Whether a histogram is requested ({@code -h}, {@code -H}, {@code --histogram}, {@code --histofall}). */
    public boolean hasHistogram() {
        return has("histogram") || has("histofall");
    }

    public boolean quiet() {
        return has("quiet");
    }

    /** The interval in µs ({@code -i}, default 1000 as in cyclictest). */
    public long intervalUs() {
        return value("interval").filter(v -> v.matches("\\d+")).map(Long::parseLong).orElse(1000L);
    }

    /** {@code -D}/{@code --duration} in seconds (suffixes s, m, h, d as cyclictest's parse_time_string), if given. */
    public Optional<Long> durationS() {
        return value("duration").map(CyclictestOptions::seconds);
    }

    public Optional<Long> loops() {
        return value("loops").filter(v -> v.matches("\\d+")).map(Long::parseLong);
    }

    /** How long the run should take in ns, when known from -D or -l × -i (the smaller when both). */
    public Optional<Long> expectedNs() {
        Long d = durationS().filter(s -> s > 0).map(s -> s * 1_000_000_000L).orElse(null);
        Long l = loops().filter(n -> n > 0).map(n -> n * intervalUs() * 1000L).orElse(null);
        if (d == null) {
            return Optional.ofNullable(l);
        }
        return Optional.of(l == null ? d : Math.min(d, l));
    }

    /** Whether the run ends by itself: {@code -l N} with N > 0 or {@code -D T} with T > 0. */
    public boolean ends() {
        return expectedNs().isPresent();
    }

    static long seconds(String v) {
        String t = v.trim();
        int n = 0;
        while (n < t.length() && Character.isDigit(t.charAt(n))) {
            n++;
        }
        if (n == 0) {
            return 0;
        }
        long num = Long.parseLong(t.substring(0, Math.min(n, 18)));
        String suffix = t.substring(n).toLowerCase(java.util.Locale.ROOT);
        return switch (suffix.isEmpty() ? ' ' : suffix.charAt(0)) {
            case 'm' -> num * 60;
            case 'h' -> num * 3600;
            case 'd' -> num * 86400;
            default -> num;
        };
    }

    /** Options {@code measure} adds so that a histogram is printed: {@code -q} and {@code -h 1000} when absent. */
    public List<String> additions() {
        List<String> add = new ArrayList<>();
        if (!quiet()) {
            add.add("-q");
        }
        if (!hasHistogram()) {
            add.add("-h");
            add.add("1000");
        }
        return add;
    }
}
