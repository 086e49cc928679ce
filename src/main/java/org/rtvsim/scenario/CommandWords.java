package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A command line given as one string ({@code --cyclictest "-m -p 80"}): split into words as a POSIX shell
 * would (blanks separate; single quotes, double quotes and backslashes quote), then read as GNU
 * {@code getopt_long} reads options: short options clustered ({@code -mq}), a short option's value attached
 * ({@code -t2}, {@code -p80}) or in the next word, long options with {@code --name=value} or
 * {@code --name value}, and a long name abbreviated to any unambiguous prefix. Errors are
 * {@link ScenarioException}s located at {@code <command line>} under {@code key} (e.g. {@code --cyclictest}).
 */
final class CommandWords {
    /** How an option takes its value. */
    enum Arg { NONE, REQUIRED, OPTIONAL }

    /** An option: its short letter (0 = none), its long name (null = none), how it takes a value. */
    record Spec(char shortName, String longName, Arg arg) {
        String display() {
            return shortName != 0 ? "-" + shortName + (longName != null ? "/--" + longName : "") : "--" + longName;
        }
    }

    /** One option as given: its spec, the spelling used ({@code -p}, {@code --priority}) and its value or null. */
    record Option(Spec spec, String spelling, String value) {
    }

    private CommandWords() {
    }

    /** Splits {@code text} into words like a POSIX shell (no expansions). */
    static List<String> split(String text, String key) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw error(key, "unbalanced " + (c == '\'' ? "single" : "double") + " quote in '" + text + "'");
                }
                cur.append(text, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '\\' && i + 1 < text.length()) {
                cur.append(text.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }

    /**
     * Reads {@code words} as options of {@code specs}. An OPTIONAL value is taken from the next word only when
     * {@code optionalValue} says that word is one (cyclictest's {@code -t 4} and {@code -a 2-3}). A word that is
     * not an option is an error; {@code --} is not special. {@code supported} lists the options in messages.
     */
    static List<Option> parse(List<String> words, List<Spec> specs, String key,
                              java.util.function.BiPredicate<Spec, String> optionalValue, String supported) {
        List<Option> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("--") && w.length() > 2) {
                int eq = w.indexOf('=');
                String name = eq < 0 ? w.substring(2) : w.substring(2, eq);
                Spec s = longSpec(name, specs, key, supported);
                String value = eq < 0 ? null : w.substring(eq + 1);
                if (s.arg() == Arg.NONE && value != null) {
                    throw error(key, "option '--" + s.longName() + "' takes no value; got '" + w + "'");
                }
                if (value == null && i + 1 < words.size() && (s.arg() == Arg.REQUIRED
                        || s.arg() == Arg.OPTIONAL && optionalValue.test(s, words.get(i + 1)))) {
                    value = words.get(++i);
                }
                if (s.arg() == Arg.REQUIRED && value == null) {
                    throw error(key, "option '--" + s.longName() + "' needs a value");
                }
                out.add(new Option(s, "--" + s.longName(), value));
            } else if (w.startsWith("-") && w.length() > 1) {
                for (int j = 1; j < w.length(); j++) {
                    char c = w.charAt(j);
                    Spec s = shortSpec(c, specs, key, supported);
                    String rest = w.substring(j + 1);
                    String value = null;
                    if (s.arg() != Arg.NONE && !rest.isEmpty()) {
                        value = rest;
                    } else if (s.arg() == Arg.REQUIRED) {
                        if (i + 1 >= words.size()) {
                            throw error(key, "option '-" + c + "' needs a value");
                        }
                        value = words.get(++i);
                    } else if (s.arg() == Arg.OPTIONAL && i + 1 < words.size()
                            && optionalValue.test(s, words.get(i + 1))) {
                        value = words.get(++i);
                    }
                    out.add(new Option(s, "-" + c, value));
                    if (value != null && !rest.isEmpty()) {
                        break;
                    }
                }
            } else {
                throw error(key, "unexpected argument '" + w + "' (not an option, and no option before it takes "
                        + "a value)");
            }
        }
        return out;
    }

    private static Spec longSpec(String name, List<Spec> specs, String key, String supported) {
        List<Spec> prefix = new ArrayList<>();
        for (Spec s : specs) {
            if (s.longName() != null && s.longName().equals(name)) {
                return s;
            }
            if (s.longName() != null && !name.isEmpty() && s.longName().startsWith(name)) {
                prefix.add(s);
            }
        }
        if (prefix.size() == 1) {
            return prefix.get(0);
        }
        if (prefix.size() > 1) {
            throw error(key, "option '--" + name + "' is ambiguous; it could be "
                    + String.join(", ", prefix.stream().map(s -> "--" + s.longName()).toList()));
        }
        throw error(key, "unknown option '--" + name + "'" + Suggest.hint("--" + name, specs.stream()
                .filter(s -> s.longName() != null).map(s -> "--" + s.longName()).toList())
                + "; supported: " + supported);
    }

    private static Spec shortSpec(char c, List<Spec> specs, String key, String supported) {
        for (Spec s : specs) {
            if (s.shortName() == c) {
                return s;
            }
        }
        throw error(key, "unknown option '-" + c + "'; supported: " + supported);
    }

    /** The options of {@code specs}, for messages. */
    static String list(List<Spec> specs) {
        return String.join(", ", specs.stream().map(Spec::display).toList());
    }

    /** The option's value as an integer in {@code min..max}; else an error naming the option and {@code what}. */
    static long number(String key, Option o, long min, long max, String what) {
        long v;
        try {
            v = Long.parseLong(o.value().trim());
        } catch (NumberFormatException e) {
            throw error(key, "option '" + o.spelling() + "': expected " + what + " (an integer); got '"
                    + o.value() + "'");
        }
        if (v < min || v > max) {
            throw error(key, "option '" + o.spelling() + "': expected " + what + " in " + min + ".."
                    + max + "; got " + v);
        }
        return v;
    }

    static ScenarioException error(String key, String detail) {
        return new ScenarioException(ScenarioException.COMMAND_LINE, 0, 0, key, detail);
    }

    /** Specs from a compact table: "p|priority|R" (short letter or empty, long name or empty, N/R/O). */
    static List<Spec> specs(String... rows) {
        List<Spec> out = new ArrayList<>();
        Map<String, Arg> args = Map.of("N", Arg.NONE, "R", Arg.REQUIRED, "O", Arg.OPTIONAL);
        for (String r : rows) {
            String[] f = r.split("\\|", -1);
            out.add(new Spec(f[0].isEmpty() ? 0 : f[0].charAt(0), f[1].isEmpty() ? null : f[1], args.get(f[2])));
        }
        return List.copyOf(out);
    }
}
