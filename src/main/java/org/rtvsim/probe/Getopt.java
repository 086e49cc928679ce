package org.rtvsim.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * A word list read as GNU {@code getopt_long} reads it: short options clustered ({@code -mq}), a short option's
 * value attached ({@code -p80}) or in the next word, long options as {@code --name=value} or {@code --name value},
 * a long name abbreviated to any unambiguous prefix (an exact name always wins), and {@code --} ending the options.
 * An OPTIONAL value is attached ({@code -t4}, {@code --threads=4}) or, when {@code nextIsValue} says so, the next
 * word (cyclictest looks at {@code argv[optind]} itself for {@code -t 4} and {@code -a 2-3}).
 * <p>The result is every word in order as an {@link Opt}, an {@link Operand} or a {@link Bad} (unknown or ambiguous
 * option, missing or unexpected value), so a strict caller stops at the first problem and a lenient one reads on,
 * as getopt does after printing its complaint. Purely lexical; the option tables belong to the callers.
 */
public final class Getopt {
    /** How an option takes its value. */
    public enum Arg { NONE, REQUIRED, OPTIONAL }

    /** An option: its short letter (0 = none), its long name (null = none), how it takes a value. */
    public record Spec(char shortName, String longName, Arg arg) {
        /** {@code -p/--priority}, {@code --policy} or {@code -x}: for messages. */
        public String display() {
            return shortName != 0 ? "-" + shortName + (longName != null ? "/--" + longName : "") : "--" + longName;
        }

        /** The long name, else the short letter: the key callers file a value under. */
        public String name() {
            return longName != null ? longName : String.valueOf(shortName);
        }
    }

    /** One item of the word list, in order. */
    public sealed interface Token permits Opt, Operand, Bad {
    }

    /** An option as given: its spec, the spelling used ({@code -p}, {@code --priority}) and its value or null. */
    public record Opt(Spec spec, String spelling, String value) implements Token {
    }

    /** A word that is not an option nor an option's value (every word after {@code --} is one). */
    public record Operand(String word) implements Token {
    }

    /** What is wrong with an option word. */
    public enum Problem { UNKNOWN, AMBIGUOUS, NEEDS_VALUE, TAKES_NO_VALUE }

    /**
     * A problem: {@code name} is the option as written without its value ({@code -X}, {@code --bogus}),
     * {@code word} the whole word, {@code candidates} the specs an ambiguous prefix matches, or the option's own spec for a value problem (empty
     * for an unknown option).
     */
    public record Bad(Problem problem, String name, String word, List<Spec> candidates) implements Token {
    }

    private Getopt() {
    }

    /** Reads {@code words} against {@code specs}; see the class comment. */
    public static List<Token> parse(List<String> words, List<Spec> specs, BiPredicate<Spec, String> nextIsValue) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--")) {
                words.subList(i + 1, words.size()).forEach(x -> out.add(new Operand(x)));
                break;
            }
            if (w.startsWith("--")) {
                int eq = w.indexOf('=');
                String name = eq < 0 ? w.substring(2) : w.substring(2, eq);
                List<Spec> match = longMatches(name, specs);
                if (match.size() != 1) {
                    out.add(new Bad(match.isEmpty() ? Problem.UNKNOWN : Problem.AMBIGUOUS, "--" + name, w, match));
                    continue;
                }
                Spec s = match.get(0);
                String value = eq < 0 ? null : w.substring(eq + 1);
                if (s.arg() == Arg.NONE && value != null) {
                    out.add(new Bad(Problem.TAKES_NO_VALUE, "--" + s.longName(), w, List.of(s)));
                    continue;
                }
                if (value == null && i + 1 < words.size() && (s.arg() == Arg.REQUIRED
                        || s.arg() == Arg.OPTIONAL && nextIsValue.test(s, words.get(i + 1)))) {
                    value = words.get(++i);
                }
                out.add(s.arg() == Arg.REQUIRED && value == null
                        ? new Bad(Problem.NEEDS_VALUE, "--" + s.longName(), w, List.of(s))
                        : new Opt(s, "--" + s.longName(), value));
            } else if (w.startsWith("-") && w.length() > 1) {
                for (int j = 1; j < w.length(); j++) {
                    char c = w.charAt(j);
                    Spec s = shortSpec(c, specs);
                    if (s == null) {
                        out.add(new Bad(Problem.UNKNOWN, "-" + c, w, List.of()));
                        continue;
                    }
                    String rest = w.substring(j + 1);
                    if (s.arg() != Arg.NONE && !rest.isEmpty()) {
                        out.add(new Opt(s, "-" + c, rest));
                        break;
                    }
                    String value = null;
                    if (i + 1 < words.size() && (s.arg() == Arg.REQUIRED
                            || s.arg() == Arg.OPTIONAL && nextIsValue.test(s, words.get(i + 1)))) {
                        value = words.get(++i);
                    }
                    out.add(s.arg() == Arg.REQUIRED && value == null
                            ? new Bad(Problem.NEEDS_VALUE, "-" + c, w, List.of(s)) : new Opt(s, "-" + c, value));
                }
            } else {
                out.add(new Operand(w));
            }
        }
        return out;
    }

    /** The specs {@code name} selects: the one named exactly, else all it is a prefix of. */
    private static List<Spec> longMatches(String name, List<Spec> specs) {
        List<Spec> prefix = new ArrayList<>();
        for (Spec s : specs) {
            if (s.longName() == null) {
                continue;
            }
            if (s.longName().equals(name)) {
                return List.of(s);
            }
            if (!name.isEmpty() && s.longName().startsWith(name)) {
                prefix.add(s);
            }
        }
        return prefix;
    }

    private static Spec shortSpec(char c, List<Spec> specs) {
        for (Spec s : specs) {
            if (s.shortName() == c) {
                return s;
            }
        }
        return null;
    }

    /** Specs from a compact table: "p|priority|R" (short letter or empty, long name or empty, N/R/O). */
    public static List<Spec> specs(String... rows) {
        List<Spec> out = new ArrayList<>();
        for (String r : rows) {
            String[] f = r.split("\\|", -1);
            Arg arg = switch (f[2]) {
                case "N" -> Arg.NONE;
                case "R" -> Arg.REQUIRED;
                case "O" -> Arg.OPTIONAL;
                default -> throw new IllegalArgumentException("bad option row '" + r + "'");
            };
            out.add(new Spec(f[0].isEmpty() ? 0 : f[0].charAt(0), f[1].isEmpty() ? null : f[1], arg));
        }
        return List.copyOf(out);
    }

    /** C's {@code atoi}: leading blanks, an optional sign, then digits (0 when there are none; saturating). */
    public static long atoi(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) >= '\t' && s.charAt(i) <= '\r')) {
            i++;
        }
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i++) == '-';
        }
        long v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            v = Math.min(Integer.MAX_VALUE, v * 10 + (s.charAt(i++) - '0'));
        }
        return neg ? -v : v;
    }
}
