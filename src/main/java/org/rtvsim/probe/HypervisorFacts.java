package org.rtvsim.probe;

import static org.rtvsim.probe.FactNodes.fact;
import static org.rtvsim.probe.FactNodes.missing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether the machine is a guest and of which hypervisor: systemd-detect-virt, /sys/hypervisor/type, the cpuinfo
 * hypervisor flag, DMI vendor strings, the clocksources and the kernel command line, weighed by {@link #guess}.
 */
final class HypervisorFacts {
    private final FactFiles files;
    private final FactsReader.Commands commands;

    HypervisorFacts(FactFiles files, FactsReader.Commands commands) {
        this.files = files;
        this.commands = commands;
    }

    ObjectNode command(List<String> argv) {
        String src = String.join(" ", argv);
        try {
            Optional<String> out = commands.run(argv);
            return out.isPresent() && !out.get().isEmpty() ? fact(out.get(), src)
                    : missing(src, "could not run " + argv.get(0) + " or it printed nothing");
        } catch (RuntimeException e) {
            return missing(src, "could not run " + argv.get(0) + ": " + e.getMessage());
        }
    }

    ObjectNode record(String cmdline) {
        ObjectNode h = FactNodes.J.objectNode();
        ObjectNode sdv = command(List.of("systemd-detect-virt", "--vm"));
        h.set("systemd_detect_virt", sdv);
        h.set("container", command(List.of("systemd-detect-virt", "--container")));
        String ht = "/sys/hypervisor/type";
        Optional<String> type = files.line(ht);
        h.set("sys_hypervisor_type", type.map(t -> fact(t, ht)).orElseGet(() -> missing(ht, files.whyNot(ht))));
        Optional<String> cpuinfo = files.read("/proc/cpuinfo");
        boolean flag = cpuinfo.isPresent() && Pattern.compile("(?m)^flags\\s*:.*\\bhypervisor\\b")
                .matcher(cpuinfo.get()).find();
        h.set("cpuinfo_flag", cpuinfo.isPresent() ? fact(flag, "/proc/cpuinfo flags: hypervisor")
                : missing("/proc/cpuinfo", files.whyNot("/proc/cpuinfo")));
        Map<String, String> dmi = new LinkedHashMap<>();
        for (String k : List.of("sys_vendor", "product_name", "bios_vendor")) {
            String p = "/sys/class/dmi/id/" + k;
            Optional<String> v = files.line(p);
            h.set("dmi_" + k, v.map(x -> fact(x, p)).orElseGet(() -> missing(p, files.whyNot(p))));
            dmi.put(k, v.orElse("").toLowerCase(Locale.ROOT));
        }
        String clocks = files.line("/sys/devices/system/clocksource/clocksource0/available_clocksource").orElse("");
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

}
