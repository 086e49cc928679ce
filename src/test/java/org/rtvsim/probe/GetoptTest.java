package org.rtvsim.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** getopt_long's reading of a word list, token by token, over cyclictest's table. */
class GetoptTest {
    private static List<Getopt.Token> p(String... w) {
        return Getopt.parse(List.of(w), CyclictestOptions.TABLE, CyclictestOptions::nextIsValue);
    }

    private static Getopt.Opt opt(String longName, String spelling, String value) {
        return new Getopt.Opt(CyclictestOptions.spec(longName), spelling, value);
    }

    @Test
    void clustersAttachedValuesAndOptionalValues() {
        assertEquals(List.of(opt("mlockall", "-m", null), opt("quiet", "-q", null), opt("priority", "-p", "80"),
                opt("threads", "-t", "4"), opt("threads", "-t", null), new Getopt.Operand("0"),
                opt("policy", "--policy", "other")), p("-mqp80", "-t", "4", "-t", "0", "--policy=other"));
    }

    @Test
    void problemsAreTokensInOrder_andReadingGoesOn() {
        List<Getopt.Token> t = p("-Xm", "--hist=5", "--quiet=1", "--", "-p", "-i");
        assertEquals(new Getopt.Bad(Getopt.Problem.UNKNOWN, "-X", "-Xm", List.of()), t.get(0));
        assertEquals(opt("mlockall", "-m", null), t.get(1));
        assertEquals(Getopt.Problem.AMBIGUOUS, ((Getopt.Bad) t.get(2)).problem());
        assertEquals(3, ((Getopt.Bad) t.get(2)).candidates().size());
        assertEquals(Getopt.Problem.TAKES_NO_VALUE, ((Getopt.Bad) t.get(3)).problem());
        assertEquals(List.of(new Getopt.Operand("-p"), new Getopt.Operand("-i")), t.subList(4, 6));
        assertEquals(new Getopt.Bad(Getopt.Problem.NEEDS_VALUE, "-i", "-i", List.of(CyclictestOptions.spec(
                "interval"))), p("-i").get(0));
    }

    @Test
    void exactLongNameBeatsLongerOnes() {
        assertEquals(List.of(opt("spike", "--spike", "5")), p("--spike", "5"));
    }
}
