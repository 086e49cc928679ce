package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rtvsim.probe.CyclictestOptions;

/**
 * The command import (strict) and probe.CyclictestOptions (lenient, for measure and init) read one cyclictest
 * grammar: over a list of command lines, every line the import accepts gives both the same options and values.
 * The lines include those on which the two former parsers disagreed (rt-tests cyclictest.c process_options decides).
 */
class CyclictestGrammarTest {
    private static final List<String> ACCEPTED = List.of("-t 4", "-t", "-t -S", "-a 0", "-a 0-3 -t 2", "-A 5",
            "--dur=10", "--interval 200", "-mq -p80", "--threads 3", "--threads=2", "--affinity 1", "--affinity=1-2",
            "-p 80 --", "--histfile x", "-F /tmp/f", "-n", "--policy=fifo -h 100", "-t4 -a1-3", "-Smp95",
            "--deepest-idle-state 1", "-i 100 -l 1000 -D 1m", "--prior=90", "--pol fifo", "-a !0", "-t -5");

    private static Map<String, String> imported(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (CommandWords.Option o : CommandWords.parse(CommandWords.split(line, "k"), CyclictestImport.SPECS, "k",
                (s, next) -> CyclictestOptions.nextIsValue(s.lexical(), next), "")) {
            m.put(o.spec().lexical().name(), o.value() == null ? "" : o.value());
        }
        return m;
    }

    private static Map<String, String> probed(String line) {
        CyclictestOptions o = CyclictestOptions.parse(CommandWords.split(line, "k"));
        Map<String, String> m = new LinkedHashMap<>();
        for (var s : CyclictestOptions.TABLE) {
            o.value(s.name()).ifPresent(v -> m.put(s.name(), v));
        }
        return m;
    }

    @Test
    void bothReadersAgree_onEveryAcceptedLine() {
        for (String line : ACCEPTED) {
            Map<String, String> a = new java.util.TreeMap<>(imported(line));
            assertEquals(a, new java.util.TreeMap<>(probed(line)), line);
        }
    }

    @Test
    void formerDisagreements_resolvedAsCyclictestReadsThem() {
        // -t/-A/--secaligned take the next word only when atoi() of it is not 0: "-t 0" is -t (all CPUs) + a stray 0
        assertEquals(Optional.of(""), CyclictestOptions.parse(List.of("-t", "0")).value("threads"));
        assertEquals(Optional.of(""), CyclictestOptions.parse(List.of("-A", "0")).value("aligned"));
        assertTrue(assertThrows(ScenarioException.class, () -> imported("-t 0 -p 80")).detail()
                .contains("unexpected argument '0'"));
        // -a takes a following word that atoi() reads as non-zero or that starts with 0 or !
        assertEquals(Map.of("affinity", "!0"), imported("-a !0"));
        // -t takes "+3" and "-5" as cyclictest's atoi() does; the import then checks the number
        assertEquals(Map.of("threads", "+3"), probed("-t +3"));
        assertTrue(assertThrows(ScenarioException.class, () -> CyclictestImport.parse("-t -5", 4, "the host",
                new java.util.ArrayList<>())).detail().contains("expected a thread count in 1..4096; got -5"));
        // long names may be abbreviated (getopt_long) in both; an ambiguous prefix is an error / kept as written
        assertEquals(Optional.of("10"), CyclictestOptions.parse(List.of("--dur=10")).value("duration"));
        assertEquals(Optional.of("10"), CyclictestOptions.parse(List.of("--hist=10")).value("hist"));
        assertTrue(assertThrows(ScenarioException.class, () -> imported("--hist=10")).detail()
                .contains("ambiguous; it could be --histogram, --histofall, --histfile"));
        // "--" ends the options in both
        assertEquals(Map.of(), probed("-- -p 80"));
        assertTrue(assertThrows(ScenarioException.class, () -> imported("-- -p 80")).detail()
                .contains("unexpected argument '-p'"));
        // a flag given a value: the import refuses it, the lenient reader keeps the flag
        assertEquals(Map.of("quiet", ""), probed("--quiet=1"));
        // --deepest-idle-state (rt-tests 2.x) is known to both; the import refuses it as not modelled
        assertTrue(assertThrows(ScenarioException.class, () -> CyclictestImport.parse("--deepest-idle-state 1", 4,
                "the host", new java.util.ArrayList<>())).detail().contains("is not supported"));
    }
}
