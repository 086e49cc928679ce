package org.rtvsim.probe;

import static org.rtvsim.probe.FactNodes.fact;
import static org.rtvsim.probe.FactNodes.missing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CPUs' facts: model and count, online CPUs, cpufreq governors, cpuidle driver and states, clocksource. */
final class CpuFacts {
    private final FactFiles files;

    CpuFacts(FactFiles files) {
        this.files = files;
    }

    /** Records cpu_model, cpus, online_cpus, cpufreq_governor, cpuidle and clocksource into {@code m}. */
    void record(ObjectNode m) {
        cpus(m);
        m.set("cpufreq_governor", governors());
        m.set("cpuidle", cpuidle());
        m.set("clocksource", clocksource());
    }

    void cpus(ObjectNode m) {
        Optional<String> cpuinfo = files.read("/proc/cpuinfo");
        if (cpuinfo.isEmpty()) {
            m.set("cpu_model", missing("/proc/cpuinfo", files.whyNot("/proc/cpuinfo")));
            m.set("cpus", missing("/proc/cpuinfo", files.whyNot("/proc/cpuinfo")));
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
        Optional<String> online = files.line("/sys/devices/system/cpu/online");
        if (online.isPresent()) {
            ObjectNode f = fact(online.get(), "/sys/devices/system/cpu/online");
            List<Integer> list = cpuList(online.get());
            if (list != null) {
                f.put("count", list.size());
            }
            m.set("online_cpus", f);
        } else {
            m.set("online_cpus", missing("/sys/devices/system/cpu/online", files.whyNot("/sys/devices/system/cpu/online")));
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

    ObjectNode governors() {
        String src = "/sys/devices/system/cpu/cpu*/cpufreq/scaling_governor";
        Map<String, Object> per = new LinkedHashMap<>();
        boolean any = false;
        for (String cpu : files.cpuDirs()) {
            Optional<String> g = files.line("/sys/devices/system/cpu/" + cpu + "/cpufreq/scaling_governor");
            per.put(cpu, g.orElse(null));
            any |= g.isPresent();
        }
        return any ? fact(per, src) : missing(src, "no cpufreq scaling_governor files (no cpufreq driver, "
                + "typical of virtual machines)");
    }

    ObjectNode cpuidle() {
        ObjectNode n = FactNodes.J.objectNode();
        String drv = "/sys/devices/system/cpu/cpuidle/current_driver";
        n.set("driver", files.line(drv).map(d -> fact(d, drv)).orElseGet(() -> missing(drv, files.whyNot(drv))));
        String gov = "/sys/devices/system/cpu/cpuidle/current_governor";
        n.set("governor", files.line(gov).map(d -> fact(d, gov)).orElseGet(() -> missing(gov, files.whyNot(gov))));
        Map<String, Object> per = new LinkedHashMap<>();
        for (String cpu : files.cpuDirs()) {
            String base = "/sys/devices/system/cpu/" + cpu + "/cpuidle";
            TreeMap<Integer, Map<String, Object>> states = new TreeMap<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(files.at(base), "state[0-9]*")) {
                for (Path p : ds) {
                    String s = p.getFileName().toString();
                    String d = base + "/" + s;
                    Map<String, Object> st = new LinkedHashMap<>();
                    st.put("state", s);
                    st.put("name", files.line(d + "/name").orElse(null));
                    st.put("desc", files.line(d + "/desc").orElse(null));
                    st.put("latency_us", number(files.line(d + "/latency").orElse(null)));
                    st.put("residency_us", number(files.line(d + "/residency").orElse(null)));
                    st.put("disable", number(files.line(d + "/disable").orElse(null)));
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
                + files.line(drv).orElse("unknown") + "' registers none)") : fact(per, src));
        return n;
    }

    private static Long number(String s) {
        return s != null && s.matches("\\d+") ? Long.valueOf(s) : null;
    }

    ObjectNode clocksource() {
        String cur = "/sys/devices/system/clocksource/clocksource0/current_clocksource";
        Optional<String> c = files.line(cur);
        ObjectNode f = c.map(v -> fact(v, cur)).orElseGet(() -> missing(cur, files.whyNot(cur)));
        f.put("available", files.line("/sys/devices/system/clocksource/clocksource0/available_clocksource").orElse(null));
        return f;
    }

}
