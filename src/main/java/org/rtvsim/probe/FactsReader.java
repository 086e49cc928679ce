package org.rtvsim.probe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads the facts of the machine a measurement runs on from {@code /proc}, {@code /sys}, {@code /boot} and two
 * commands ({@code systemd-detect-virt}, {@code getconf}). The root directory and the command runner are injectable,
 * so tests read a fake tree under a temporary directory. Nothing here throws for a missing or unreadable fact: the
 * fact is null with a reason. Sources are always recorded as the path on the real machine ({@code /proc/cmdline}),
 * not the path under the root.
 */
public final class FactsReader {

    /** Runs a command and returns its trimmed stdout, or empty when it cannot run or exits non-zero. */
    @FunctionalInterface
    public interface Commands {
        Optional<String> run(List<String> argv);

        /** Runs the real command with a 5-s timeout. */
        Commands SYSTEM = argv -> {
            try {
                Process p = new ProcessBuilder(argv).redirectErrorStream(false)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return Optional.empty();
                }
                return Optional.of(new String(out, StandardCharsets.UTF_8).trim()).filter(s -> p.exitValue() == 0
                        || argv.get(0).endsWith("systemd-detect-virt"));
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        };
    }

    /** Kernel command-line keys recorded one by one (value string, true for a bare flag, null when absent). */
    public static final List<String> CMDLINE_KEYS = List.of("isolcpus", "nohz_full", "rcu_nocbs", "irqaffinity",
            "idle", "intel_idle.max_cstate", "processor.max_cstate", "nohz", "threadirqs", "mitigations", "preempt");

    static final String PREEMPT_DEBUGFS = "/sys/kernel/debug/sched/preempt";
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    private final Path root;
    private final Commands commands;

    public FactsReader(Path root, Commands commands) {
        this.root = root;
        this.commands = commands;
    }

    /** The real machine: root {@code /} and real commands. */
    public static FactsReader system() {
        return new FactsReader(Path.of("/"), Commands.SYSTEM);
    }

    private Path at(String abs) {
        return root.resolve(abs.substring(1));
    }

    /** The text of the file at the absolute path {@code abs} (under the root), or empty. */
    Optional<String> read(String abs) {
        try {
            return Optional.of(Files.readString(at(abs), StandardCharsets.ISO_8859_1));
        } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private Optional<String> line(String abs) {
        return read(abs).map(String::trim);
    }

    private String whyNot(String abs) {
        Path p = at(abs);
        if (!Files.exists(p)) {
            return abs + " does not exist";
        }
        return abs + " is not readable" + (Files.isReadable(p) ? " (read failed)" : " (permission denied)");
    }

    // ------------------------------------------------------------------ fact nodes

    static ObjectNode fact(Object value, String source) {
        ObjectNode n = J.objectNode();
        n.set("value", toNode(value));
        n.put("source", source);
        return n;
    }

    static ObjectNode missing(String source, String reason) {
        ObjectNode n = J.objectNode();
        n.putNull("value");
        n.put("source", source);
        n.put("reason", reason);
        return n;
    }

    @SuppressWarnings("unchecked")
    static com.fasterxml.jackson.databind.JsonNode toNode(Object v) {
        if (v == null) {
            return J.nullNode();
        }
        if (v instanceof com.fasterxml.jackson.databind.JsonNode n) {
            return n;
        }
        if (v instanceof String s) {
            return J.textNode(s);
        }
        if (v instanceof Boolean b) {
            return J.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return J.numberNode(i);
        }
        if (v instanceof Long l) {
            return J.numberNode(l);
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? J.numberNode(d) : J.nullNode();
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = J.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                o.set(String.valueOf(e.getKey()), toNode(e.getValue()));
            }
            return o;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = J.arrayNode();
            l.forEach(x -> a.add(toNode(x)));
            return a;
        }
        return J.textNode(String.valueOf(v));
    }

    // ------------------------------------------------------------------ machine facts

    /** Everything recorded under {@code machine} in {@code measurement.json}. */
    public MachineFacts machine() {
        ObjectNode m = J.objectNode();
        Optional<String> release = line("/proc/sys/kernel/osrelease");
        m.set("kernel_release", release.map(r -> fact(r, "/proc/sys/kernel/osrelease"))
                .orElseGet(() -> missing("/proc/sys/kernel/osrelease", whyNot("/proc/sys/kernel/osrelease"))));
        Optional<String> version = line("/proc/sys/kernel/version");
        m.set("kernel_version", version.map(v -> fact(v, "/proc/sys/kernel/version (uname -v)"))
                .orElseGet(() -> missing("/proc/sys/kernel/version", whyNot("/proc/sys/kernel/version"))));
        Optional<String> cmdline = line("/proc/cmdline");
        Config config = config(release.orElse(null));
        m.set("preempt", preempt(version.orElse(null), cmdline.orElse(null), config));
        m.set("hz", hz(config));
        m.set("cmdline", cmdline(cmdline));
        cpus(m);
        m.set("cpufreq_governor", governors());
        m.set("cpuidle", cpuidle());
        m.set("clocksource", clocksource());
        m.set("hypervisor", hypervisor(cmdline.orElse("")));
        return new MachineFacts(m);
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
            Optional<String> t = read(boot);
            if (t.isPresent()) {
                return new Config(parseConfig(t.get()), boot, null);
            }
            tried.add(whyNot(boot));
        } else {
            tried.add("kernel release unknown, /boot/config-RELEASE not tried");
        }
        Path gz = at("/proc/config.gz");
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
        Optional<String> debugfs = line(PREEMPT_DEBUGFS);
        if (debugfs.isPresent()) {
            Matcher m = ACTIVE.matcher(debugfs.get());
            if (m.find()) {
                ObjectNode f = fact(m.group(1), PREEMPT_DEBUGFS + " (active model in parentheses)");
                f.put("raw", debugfs.get());
                return f;
            }
        }
        String dbg = debugfs.isPresent() ? PREEMPT_DEBUGFS + " has no '(model)'" : whyNot(PREEMPT_DEBUGFS)
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

    private ObjectNode cmdline(Optional<String> cmdline) {
        if (cmdline.isEmpty()) {
            return missing("/proc/cmdline", whyNot("/proc/cmdline"));
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

    private void cpus(ObjectNode m) {
        Optional<String> cpuinfo = read("/proc/cpuinfo");
        if (cpuinfo.isEmpty()) {
            m.set("cpu_model", missing("/proc/cpuinfo", whyNot("/proc/cpuinfo")));
            m.set("cpus", missing("/proc/cpuinfo", whyNot("/proc/cpuinfo")));
        } else {
            String model = null;
            int n = 0;
            for (String l : cpuinfo.get().split("\n")) {
                String k = l.contains(":") ? l.substring(0, l.indexOf(':')).trim() : "";
                if (k.equals("processor")) {
                    n++;
                } else if (model == null && (k.equals("model name") || k.equals("Model") || k.equals("cpu model"))) {
                    model = l.substring(l.indexOf(':') + 1).trim();
                }
            }
            m.set("cpu_model", model == null ? missing("/proc/cpuinfo", "no 'model name' line")
                    : fact(model, "/proc/cpuinfo model name"));
            m.set("cpus", n == 0 ? missing("/proc/cpuinfo", "no 'processor' lines")
                    : fact(n, "/proc/cpuinfo processor lines (online CPUs)"));
        }
        Optional<String> online = line("/sys/devices/system/cpu/online");
        if (online.isPresent()) {
            ObjectNode f = fact(online.get(), "/sys/devices/system/cpu/online");
            List<Integer> list = cpuList(online.get());
            if (list != null) {
                f.put("count", list.size());
            }
            m.set("online_cpus", f);
        } else {
            m.set("online_cpus", missing("/sys/devices/system/cpu/online", whyNot("/sys/devices/system/cpu/online")));
        }
    }

    /** Parses a kernel CPU list such as {@code 0-3,5}; null when malformed. */
    public static List<Integer> cpuList(String s) {
        List<Integer> out = new ArrayList<>();
        if (s == null || s.isBlank()) {
            return out;
        }
        for (String part : s.trim().split(",")) {
            Matcher m = Pattern.compile("(\\d+)(?:-(\\d+))?").matcher(part.trim());
            if (!m.matches()) {
                return null;
            }
            int a = Integer.parseInt(m.group(1));
            int b = m.group(2) == null ? a : Integer.parseInt(m.group(2));
            for (int i = a; i <= b; i++) {
                out.add(i);
            }
        }
        return out;
    }

    /** The cpuN directories under /sys/devices/system/cpu, in CPU order. */
    private List<String> cpuDirs() {
        TreeMap<Integer, String> out = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(at("/sys/devices/system/cpu"), "cpu[0-9]*")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.matches("cpu\\d+")) {
                    out.put(Integer.parseInt(n.substring(3)), n);
                }
            }
        } catch (IOException | SecurityException e) {
            // none
        }
        return new ArrayList<>(out.values());
    }

    private ObjectNode governors() {
        String src = "/sys/devices/system/cpu/cpu*/cpufreq/scaling_governor";
        Map<String, Object> per = new LinkedHashMap<>();
        boolean any = false;
        for (String cpu : cpuDirs()) {
            Optional<String> g = line("/sys/devices/system/cpu/" + cpu + "/cpufreq/scaling_governor");
            per.put(cpu, g.orElse(null));
            any |= g.isPresent();
        }
        return any ? fact(per, src) : missing(src, "no cpufreq scaling_governor files (no cpufreq driver, "
                + "typical of virtual machines)");
    }

    private ObjectNode cpuidle() {
        ObjectNode n = J.objectNode();
        String drv = "/sys/devices/system/cpu/cpuidle/current_driver";
        n.set("driver", line(drv).map(d -> fact(d, drv)).orElseGet(() -> missing(drv, whyNot(drv))));
        String gov = "/sys/devices/system/cpu/cpuidle/current_governor";
        n.set("governor", line(gov).map(d -> fact(d, gov)).orElseGet(() -> missing(gov, whyNot(gov))));
        Map<String, Object> per = new LinkedHashMap<>();
        for (String cpu : cpuDirs()) {
            String base = "/sys/devices/system/cpu/" + cpu + "/cpuidle";
            TreeMap<Integer, Map<String, Object>> states = new TreeMap<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(at(base), "state[0-9]*")) {
                for (Path p : ds) {
                    String s = p.getFileName().toString();
                    String d = base + "/" + s;
                    Map<String, Object> st = new LinkedHashMap<>();
                    st.put("state", s);
                    st.put("name", line(d + "/name").orElse(null));
                    st.put("desc", line(d + "/desc").orElse(null));
                    st.put("latency_us", number(line(d + "/latency").orElse(null)));
                    st.put("residency_us", number(line(d + "/residency").orElse(null)));
                    st.put("disable", number(line(d + "/disable").orElse(null)));
                    states.put(Integer.parseInt(s.substring(5)), st);
                }
            } catch (IOException | SecurityException | NumberFormatException e) {
                continue;
            }
            if (!states.isEmpty()) {
                per.put(cpu, new ArrayList<>(states.values()));
            }
        }
        String src = "/sys/devices/system/cpu/cpu*/cpuidle/state*/{name,desc,latency,residency,disable}";
        n.set("states", per.isEmpty() ? missing(src, "no cpuidle state directories (cpuidle driver '"
                + line(drv).orElse("unknown") + "' registers none)") : fact(per, src));
        return n;
    }

    private static Long number(String s) {
        return s != null && s.matches("\\d+") ? Long.valueOf(s) : null;
    }

    private ObjectNode clocksource() {
        String cur = "/sys/devices/system/clocksource/clocksource0/current_clocksource";
        Optional<String> c = line(cur);
        ObjectNode f = c.map(v -> fact(v, cur)).orElseGet(() -> missing(cur, whyNot(cur)));
        f.put("available", line("/sys/devices/system/clocksource/clocksource0/available_clocksource").orElse(null));
        return f;
    }

    private ObjectNode command(List<String> argv) {
        String src = String.join(" ", argv);
        try {
            Optional<String> out = commands.run(argv);
            return out.isPresent() && !out.get().isEmpty() ? fact(out.get(), src)
                    : missing(src, "could not run " + argv.get(0) + " or it printed nothing");
        } catch (RuntimeException e) {
            return missing(src, "could not run " + argv.get(0) + ": " + e.getMessage());
        }
    }

    private ObjectNode hypervisor(String cmdline) {
        ObjectNode h = J.objectNode();
        ObjectNode sdv = command(List.of("systemd-detect-virt", "--vm"));
        h.set("systemd_detect_virt", sdv);
        h.set("container", command(List.of("systemd-detect-virt", "--container")));
        String ht = "/sys/hypervisor/type";
        Optional<String> type = line(ht);
        h.set("sys_hypervisor_type", type.map(t -> fact(t, ht)).orElseGet(() -> missing(ht, whyNot(ht))));
        Optional<String> cpuinfo = read("/proc/cpuinfo");
        boolean flag = cpuinfo.isPresent() && Pattern.compile("(?m)^flags\\s*:.*\\bhypervisor\\b")
                .matcher(cpuinfo.get()).find();
        h.set("cpuinfo_flag", cpuinfo.isPresent() ? fact(flag, "/proc/cpuinfo flags: hypervisor")
                : missing("/proc/cpuinfo", whyNot("/proc/cpuinfo")));
        Map<String, String> dmi = new LinkedHashMap<>();
        for (String k : List.of("sys_vendor", "product_name", "bios_vendor")) {
            String p = "/sys/class/dmi/id/" + k;
            Optional<String> v = line(p);
            h.set("dmi_" + k, v.map(x -> fact(x, p)).orElseGet(() -> missing(p, whyNot(p))));
            dmi.put(k, v.orElse("").toLowerCase(Locale.ROOT));
        }
        String clocks = line("/sys/devices/system/clocksource/clocksource0/available_clocksource").orElse("");
        h.set("guess", guess(sdv.path("value").asText(""), type.orElse(""), flag, dmi, clocks, cmdline));
        return h;
    }

    static ObjectNode guess(String sdv, String hvType, boolean flag, Map<String, String> dmi, String clocks,
            String cmdline) {
        List<String> ev = new ArrayList<>();
        String g = null;
        boolean noDmi = dmi.values().stream().allMatch(String::isEmpty);
        String vendor = String.join(" ", dmi.values());
        if (!sdv.isEmpty() && !sdv.equals("none")) {
            ev.add("systemd-detect-virt --vm: " + sdv);
            g = switch (sdv) {
                case "oracle" -> "virtualbox";
                case "amazon" -> "kvm";
                default -> sdv;
            };
        } else if (vendor.contains("qemu") || vendor.contains("kvm")) {
            g = "kvm";
        } else if (vendor.contains("microsoft")) {
            g = "microsoft";
        } else if (vendor.contains("vmware")) {
            g = "vmware";
        } else if (vendor.contains("xen")) {
            g = "xen";
        } else if (vendor.contains("virtualbox") || vendor.contains("innotek")) {
            g = "virtualbox";
        } else if (vendor.contains("amazon ec2")) {
            g = "kvm";
        } else if (!hvType.isEmpty()) {
            g = hvType;
        } else if (clocks.contains("kvm-clock")) {
            g = "kvm";
        } else if (clocks.contains("hyperv")) {
            g = "microsoft";
        } else if (clocks.contains("xen")) {
            g = "xen";
        } else if (flag) {
            g = "unknown";
        }
        if (!vendor.isBlank()) {
            ev.add("DMI: " + vendor.trim());
        }
        if (!hvType.isEmpty()) {
            ev.add("/sys/hypervisor/type: " + hvType);
        }
        if (clocks.contains("kvm-clock") || clocks.contains("hyperv") || clocks.contains("xen")) {
            ev.add("clocksources: " + clocks.trim());
        }
        if (flag) {
            ev.add("cpuinfo hypervisor flag");
        }
        if (noDmi) {
            ev.add("no DMI");
        }
        boolean fcHint = cmdline.contains("firecracker") || (cmdline.contains("reboot=k") && cmdline.contains("panic=1")
                && cmdline.contains("pci=off"));
        if (("kvm".equals(g) || "unknown".equals(g)) && noDmi && fcHint) {
            g = "firecracker";
            ev.add("kernel command line looks like a Firecracker boot (" + (cmdline.contains("firecracker")
                    ? "mentions firecracker" : "reboot=k panic=1 pci=off") + ")");
        }
        ObjectNode f = g == null ? fact("none", "no evidence of a hypervisor: " + (ev.isEmpty() ? "no hypervisor flag, "
                + "no DMI vendor, systemd-detect-virt says none or is absent" : String.join("; ", ev)))
                : fact(g, "best guess from: " + String.join("; ", ev));
        f.put("guest", g != null);
        f.put("kvm_based", g != null && List.of("kvm", "qemu", "firecracker").contains(g));
        return f;
    }

    // ------------------------------------------------------------------ per-run snapshots

    /** The steal column of {@code /proc/stat} per line ({@code cpu} = total, {@code cpuN}), in USER_HZ ticks. */
    public Optional<Map<String, Long>> steal() {
        Optional<String> stat = read("/proc/stat");
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
    public Optional<String> loadavg() {
        return line("/proc/loadavg");
    }

    /** USER_HZ from {@code getconf CLK_TCK}, else 100 (the value on every architecture rtvsim targets). */
    public ObjectNode userHz() {
        try {
            Optional<String> t = commands.run(List.of("getconf", "CLK_TCK"));
            if (t.isPresent() && t.get().matches("\\d+") && Integer.parseInt(t.get()) > 0) {
                return fact(Integer.parseInt(t.get()), "getconf CLK_TCK");
            }
        } catch (RuntimeException e) {
            // fall through
        }
        return fact(100, "assumption: getconf CLK_TCK not available; USER_HZ is 100 on x86 and arm64 Linux");
    }
}
