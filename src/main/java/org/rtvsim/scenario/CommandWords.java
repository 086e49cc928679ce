package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.probe.Getopt;
import org.rtvsim.probe.ShellWords;

/**
 * A command line given as one string ({@code --cyclictest "-m -p 80"}): split into words as a POSIX shell
 * would ({@link ShellWords}), then read as GNU {@code getopt_long} reads options ({@link Getopt}: short options
 * clustered, values attached or in the next word, {@code --name=value}, unambiguous long prefixes, {@code --} ending
 * the options), strictly: every problem is an error. Errors are
 * {@link ScenarioException}s located at {@code <command line>} under {@code key} (e.g. {@code --cyclictest}).
 */
final class CommandWords {
    /** How an option takes its value. */
    enum Arg { NONE, REQUIRED, OPTIONAL }

    /** An option: its short letter (0 = none), its long name (null = none), how it takes a value. */
    record Spec(char shortName, String longName, Arg arg) {
        String display() {
            return lexical().display();
        }

        Getopt.Spec lexical() {
            return new Getopt.Spec(shortName, longName, Getopt.Arg.valueOf(arg.name()));
        }

        static Spec of(Getopt.Spec s) {
            return new Spec(s.shortName(), s.longName(), Arg.valueOf(s.arg().name()));
        }
    }

    /** One option as given: its spec, the spelling used ({@code -p}, {@code --priority}) and its value or null. */
    record Option(Spec spec, String spelling, String value) {
    }

    private CommandWords() {
    }

    /** Splits {@code text} into words like a POSIX shell (no expansions): {@link ShellWords}. */
    static List<String> split(String text, String key) {
        try {
            return ShellWords.split(text);
        } catch (ShellWords.UnbalancedQuote e) {
            throw error(key, "unbalanced " + (e.quote() == '\'' ? "single" : "double") + " quote in '" + text + "'");
        }
    }

    /**
     * Reads {@code words} as options of {@code specs} with {@link Getopt}. An OPTIONAL value is taken from the next
     * word only when {@code optionalValue} says that word is one (cyclictest's {@code -t 4} and {@code -a 2-3}).
     * An unknown or ambiguous option, a missing or unexpected value, or a word that is not an option (every word
     * after {@code --} is one) is an error. {@code supported} lists the options in messages.
     */
    static List<Option> parse(List<String> words, List<Spec> specs, String key,
                              java.util.function.BiPredicate<Spec, String> optionalValue, String supported) {
        List<Getopt.Spec> lexical = specs.stream().map(Spec::lexical).toList();
        List<Option> out = new ArrayList<>();
        for (Getopt.Token t : Getopt.parse(words, lexical,
                (s, next) -> optionalValue.test(specs.get(lexical.indexOf(s)), next))) {
            if (t instanceof Getopt.Opt o) {
                out.add(new Option(specs.get(lexical.indexOf(o.spec())), o.spelling(), o.value()));
            } else if (t instanceof Getopt.Operand op) {
                throw error(key, "unexpected argument '" + op.word() + "' (not an option, and no option before it "
                        + "takes a value)");
            } else if (t instanceof Getopt.Bad bad) {
                throw error(key, switch (bad.problem()) {
                    case TAKES_NO_VALUE -> "option '" + bad.name() + "' takes no value; got '" + bad.word() + "'";
                    case NEEDS_VALUE -> "option '" + bad.name() + "' needs a value";
                    case AMBIGUOUS -> "option '" + bad.name() + "' is ambiguous; it could be "
                            + String.join(", ", bad.candidates().stream().map(s -> "--" + s.longName()).toList());
                    case UNKNOWN -> "unknown option '" + bad.name() + "'" + (bad.name().startsWith("--")
                            ? Suggest.hint(bad.name(), specs.stream().filter(s -> s.longName() != null)
                                    .map(s -> "--" + s.longName()).toList()) : "") + "; supported: " + supported;
                });
            }
        }
        return out;
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
        return Getopt.specs(rows).stream().map(Spec::of).toList();
    }
}
