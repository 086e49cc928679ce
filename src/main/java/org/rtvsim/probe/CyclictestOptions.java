package org.rtvsim.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal reading of a cyclictest (rt-tests 2.x) option list: which options are present and their values, under
 * their long names ({@code -h 400} and {@code --histogram=400} are both {@code histogram=400}). It walks the list as
 * getopt_long does for cyclictest's option string {@code a::A::b:c:d:D:F:h:H:i:l:MNo:p:mnqrRsSt::uvD:x}: clustered
 * short flags, attached or separate values, {@code --name=value} or {@code --name value}; for the optional-value
 * options {@code -a}, {@code -t} (and their long forms) it takes a following token that starts with a digit or
 * {@code !}, as cyclictest itself does. The full command-line importer lives in {@code scenario}; this one serves
 * {@code measure} (is there a histogram, when does the run end) and {@code init}'s draft.
 */
public final class CyclictestOptions {
    private static final Map<Character, String> SHORT = Map.ofEntries(Map.entry('a', "affinity"),
            Map.entry('A', "aligned"), Map.entry('b', "breaktrace"), Map.entry('c', "clock"), Map.entry('d', "distance"),
            Map.entry('D', "duration"), Map.entry('F', "fifo"), Map.entry('h', "histogram"), Map.entry('H', "histofall"),
            Map.entry('i', "interval"), Map.entry('l', "loops"), Map.entry('M', "refresh_on_max"),
            Map.entry('N', "nsecs"), Map.entry('o', "oscope"), Map.entry('p', "priority"), Map.entry('m', "mlockall"),
            Map.entry('n', "nanosleep"), Map.entry('q', "quiet"), Map.entry('r', "relative"),
            Map.entry('R', "resolution"), Map.entry('s', "system"), Map.entry('S', "smp"), Map.entry('t', "threads"),
            Map.entry('u', "unbuffered"), Map.entry('v', "verbose"), Map.entry('x', "posix_timers"));
    private static final Set<Character> SHORT_REQUIRED = Set.of('b', 'c', 'd', 'D', 'F', 'h', 'H', 'i', 'l', 'o', 'p');
    private static final Set<Character> SHORT_OPTIONAL = Set.of('a', 'A', 't');
    private static final Set<String> LONG_REQUIRED = Set.of("breaktrace", "clock", "distance", "duration", "latency",
            "histogram", "histofall", "histfile", "interval", "json", "loops", "mainaffinity", "oscope", "priority",
            "spike", "spike-nodes", "policy", "deepest-idle-state", "delay", "fifo");
    private static final Set<String> LONG_OPTIONAL = Set.of("affinity", "aligned", "threads", "secaligned");

    private final List<String> args;
    private final Map<String, String> values = new LinkedHashMap<>();

    private CyclictestOptions(List<String> args) {
        this.args = List.copyOf(args);
    }

    /** Reads {@code args}; the last occurrence of an option wins, as in cyclictest. */
    public static CyclictestOptions parse(List<String> args) {
        CyclictestOptions o = new CyclictestOptions(args);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--") && a.length() > 2) {
                String body = a.substring(2);
                int eq = body.indexOf('=');
                String name = eq < 0 ? body : body.substring(0, eq);
                String val = eq < 0 ? "" : body.substring(eq + 1);
                if (eq < 0 && LONG_REQUIRED.contains(name) && i + 1 < args.size()) {
                    val = args.get(++i);
                } else if (eq < 0 && LONG_OPTIONAL.contains(name) && i + 1 < args.size()
                        && optionalValue(args.get(i + 1))) {
                    val = args.get(++i);
                }
                o.values.put(name, val);
            } else if (a.startsWith("-") && a.length() > 1 && !a.equals("--")) {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    String name = SHORT.getOrDefault(c, String.valueOf(c));
                    String rest = a.substring(k + 1);
                    if (SHORT_REQUIRED.contains(c)) {
                        String val = !rest.isEmpty() ? rest : i + 1 < args.size() ? args.get(++i) : "";
                        o.values.put(name, val);
                        break;
                    }
                    if (SHORT_OPTIONAL.contains(c)) {
                        String val = !rest.isEmpty() ? rest
                                : i + 1 < args.size() && optionalValue(args.get(i + 1)) ? args.get(++i) : "";
                        o.values.put(name, val);
                        break;
                    }
                    o.values.put(name, "");
                }
            }
        }
        return o;
    }

    private static boolean optionalValue(String next) {
        return !next.isEmpty() && (Character.isDigit(next.charAt(0)) || next.charAt(0) == '!');
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
