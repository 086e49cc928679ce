package org.rtvsim.probe;

import static org.rtvsim.probe.FactNodes.fact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What is read before and after each run: steal time, load average, and USER_HZ to scale the steal ticks. */
final class RunSnapshots {
    private final FactFiles files;
    private final FactsReader.Commands commands;

    RunSnapshots(FactFiles files, FactsReader.Commands commands) {
        this.files = files;
        this.commands = commands;
    }

    /** The steal column of {@code /proc/stat} per line ({@code cpu} = total, {@code cpuN}), in USER_HZ ticks. */
    Optional<Map<String, Long>> steal() {
        Optional<String> stat = files.read("/proc/stat");
        if (stat.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (String l : stat.get().split("\n")) {
            String[] f = l.trim().split("\\s+");
            if (f.length >= 9 && f[0].matches("cpu\\d*") && f[8].matches("\\d+")) {
                out.put(f[0], Long.parseLong(f[8]));
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /** {@code /proc/loadavg}, trimmed. */
    Optional<String> loadavg() {
        return files.line("/proc/loadavg");
    }

    /** USER_HZ from {@code getconf CLK_TCK}, else 100 (the value on every architecture rtvsim targets). */
    ObjectNode userHz() {
        try {
            Optional<String> t = commands.run(List.of("getconf", "CLK_TCK"));
            if (t.isPresent() && t.get().matches("\\d+") && Integer.parseInt(t.get()) > 0) {
                return fact(Integer.parseInt(t.get()), "getconf CLK_TCK");
            }
        } catch (RuntimeException e) {
            // fall through
        }
        return fact(100, "assumption: getconf CLK_TCK not available; USER_HZ is 100 on x86 and arm64 Linux");
    }}
