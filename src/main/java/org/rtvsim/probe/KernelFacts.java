package org.rtvsim.probe;

import static org.rtvsim.probe.FactNodes.fact;
import static org.rtvsim.probe.FactNodes.missing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The kernel's facts: release and version, its configuration ({@code /boot/config-RELEASE} or
 * {@code /proc/config.gz}), the active preemption model, HZ and the kernel command line.
 */
final class KernelFacts {
    /** Kernel command-line keys recorded one by one (value string, true for a bare flag, null when absent). */
    static final List<String> CMDLINE_KEYS = List.of("isolcpus", "nohz_full", "rcu_nocbs", "irqaffinity",
            "idle", "intel_idle.max_cstate", "processor.max_cstate", "nohz", "threadirqs", "mitigations", "preempt");
    static final String PREEMPT_DEBUGFS = "/sys/kernel/debug/sched/preempt";

    private final FactFiles files;

    KernelFacts(FactFiles files) {
        this.files = files;
    }

    /** Records kernel_release, kernel_version, preempt, hz and cmdline into {@code m}; returns the command line. */
    Optional<String> record(ObjectNode m) {
        Optional<String> release = files.line("/proc/sys/kernel/osrelease");
        m.set("kernel_release", release.map(r -> fact(r, "/proc/sys/kernel/osrelease"))
                .orElseGet(() -> missing("/proc/sys/kernel/osrelease", files.whyNot("/proc/sys/kernel/osrelease"))));
        Optional<String> version = files.line("/proc/sys/kernel/version");
        m.set("kernel_version", version.map(v -> fact(v, "/proc/sys/kernel/version (uname -v)"))
                .orElseGet(() -> missing("/proc/sys/kernel/version", files.whyNot("/proc/sys/kernel/version"))));
        Optional<String> cmdline = files.line("/proc/cmdline");
        Config config = config(release.orElse(null));
        m.set("preempt", preempt(version.orElse(null), cmdline.orElse(null), config));
        m.set("hz", hz(config));
        m.set("cmdline", cmdline(cmdline));
        return cmdline;
    }

    /** The kernel configuration: {@code /boot/config-RELEASE}, else {@code /proc/config.gz}. */
    record Config(Map<String, String> values, String source, String reason) {
        String get(String key) {
            return values == null ? null : values.get(key);
        }
    }

    Config config(String release) {
        List<String> tried = new ArrayList<>();
        if (release != null) {
            String boot = "/boot/config-" + release;
            Optional<String> t = files.read(boot);
            if (t.isPresent()) {
                return new Config(parseConfig(t.get()), boot, null);
            }
            tried.add(files.whyNot(boot));
        } else {
            tried.add("kernel release unknown, /boot/config-RELEASE not tried");
        }
        Path gz = files.at("/proc/config.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new Config(parseConfig(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)),
                    "/proc/config.gz", null);
        } catch (IOException | SecurityException e) {
            tried.add(Files.exists(gz) ? "/proc/config.gz unreadable (" + e.getMessage() + ")"
                    : "/proc/config.gz does not exist");
        }
        return new Config(null, null, String.join("; ", tried));
    }

    static Map<String, String> parseConfig(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : text.split("\n")) {
            l = l.trim();
            if (l.startsWith("CONFIG_") && l.contains("=")) {
                int eq = l.indexOf('=');
                out.put(l.substring(0, eq), l.substring(eq + 1).replace("\"", ""));
            }
        }
        return out;
    }

    private static final Pattern ACTIVE = Pattern.compile("\\(([a-z]+)\\)");

    ObjectNode preempt(String unameV, String cmdline, Config config) {
        Optional<String> debugfs = files.line(PREEMPT_DEBUGFS);
        if (debugfs.isPresent()) {
            Matcher m = ACTIVE.matcher(debugfs.get());
            if (m.find()) {
                ObjectNode f = fact(m.group(1), PREEMPT_DEBUGFS + " (active model in parentheses)");
                f.put("raw", debugfs.get());
                return f;
            }
        }
        String dbg = debugfs.isPresent() ? PREEMPT_DEBUGFS + " has no '(model)'" : files.whyNot(PREEMPT_DEBUGFS)
                + " (debugfs not mounted or not root)";
        if (unameV != null) {
            if (unameV.contains("PREEMPT_RT")) {
                return withRaw(fact("rt", "uname -v contains PREEMPT_RT; " + dbg), unameV);
            }
            if (unameV.contains("PREEMPT_DYNAMIC")) {
                String boot = cmdlineValue(cmdline, "preempt");
                if (boot != null && List.of("none", "voluntary", "full", "lazy").contains(boot)) {
                    return withRaw(fact(boot, "uname -v says PREEMPT_DYNAMIC and /proc/cmdline has preempt=" + boot
                            + "; " + dbg), unameV);
                }
                String def = configPreempt(config);
                if (def != null) {
                    return withRaw(fact(def, "uname -v says PREEMPT_DYNAMIC, no preempt= on /proc/cmdline, so the "
                            + "build default from " + config.source() + "; " + dbg), unameV);
                }
                return withRaw(missing("uname -v", "PREEMPT_DYNAMIC kernel: the active model is not readable ("
                        + dbg + "; no preempt= on /proc/cmdline; kernel config: " + config.reason() + ")"), unameV);
            }
            if (unameV.matches(".*\\bPREEMPT\\b.*")) {
                return withRaw(fact("full", "uname -v contains PREEMPT; " + dbg), unameV);
            }
        }
        String def = configPreempt(config);
        if (def != null) {
            return withRaw(fact(def, config.source() + " CONFIG_PREEMPT*; " + dbg), unameV);
        }
        return withRaw(missing("uname -v / kernel config", dbg + "; uname -v names no PREEMPT model; kernel config: "
                + config.reason()), unameV);
    }

    private static ObjectNode withRaw(ObjectNode f, String unameV) {
        f.put("uname_v", unameV);
        return f;
    }

    private static String configPreempt(Config c) {
        if (c.values() == null) {
            return null;
        }
        if ("y".equals(c.get("CONFIG_PREEMPT_RT"))) {
            return "rt";
        }
        if ("y".equals(c.get("CONFIG_PREEMPT_LAZY"))) {
            return "lazy";
        }
        if ("y".equals(c.get("CONFIG_PREEMPT"))) {
            return "full";
        }
        if ("y".equals(c.get("CONFIG_PREEMPT_VOLUNTARY"))) {
            return "voluntary";
        }
        if ("y".equals(c.get("CONFIG_PREEMPT_NONE"))) {
            return "none";
        }
        return null;
    }

    ObjectNode hz(Config c) {
        if (c.values() == null) {
            return missing("unknown", "no kernel configuration readable: " + c.reason());
        }
        String hz = c.get("CONFIG_HZ");
        if (hz == null || !hz.matches("\\d+")) {
            return missing(c.source(), c.source() + " has no numeric CONFIG_HZ");
        }
        ObjectNode f = fact(Integer.parseInt(hz), c.source() + " CONFIG_HZ");
        f.put("no_hz_full", "y".equals(c.get("CONFIG_NO_HZ_FULL")));
        return f;
    }

    /** The value of {@code key} on a kernel command line: the string, "" for a bare flag, null when absent. */
    static String cmdlineValue(String cmdline, String key) {
        if (cmdline == null) {
            return null;
        }
        String found = null;
        for (String tok : kernelPart(cmdline).split("\\s+")) {
            int eq = tok.indexOf('=');
            String k = eq < 0 ? tok : tok.substring(0, eq);
            if (k.equals(key)) {
                found = eq < 0 ? "" : tok.substring(eq + 1); // the last occurrence wins, as in the kernel
            }
        }
        return found;
    }

    private static String kernelPart(String cmdline) {
        int dd = (" " + cmdline + " ").indexOf(" -- ");
        return dd < 0 ? cmdline : cmdline.substring(0, Math.max(0, dd - 1));
    }

    ObjectNode cmdline(Optional<String> cmdline) {
        if (cmdline.isEmpty()) {
            return missing("/proc/cmdline", files.whyNot("/proc/cmdline"));
        }
        ObjectNode f = fact(cmdline.get(), "/proc/cmdline");
        ObjectNode keys = f.putObject("keys");
        for (String k : CMDLINE_KEYS) {
            String v = cmdlineValue(cmdline.get(), k);
            if (v == null) {
                keys.putNull(k);
            } else if (v.isEmpty()) {
                keys.put(k, true);
            } else {
                keys.put(k, v);
            }
        }
        return f;
    }

}
