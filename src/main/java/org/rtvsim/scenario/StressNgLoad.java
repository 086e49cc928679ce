package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtvsim.engine.CpuSet;

/**
 * The common stress-ng stressors as workload entries: {@code --cpu} (user code only), {@code --vm}
 * ({@code cache_hog}), {@code --io} and {@code --hdd} ({@code kernel_activity} profile io), {@code --sock}
 * (profile hackbench, a client and a server per worker) and {@code --timer} (a worker woken every 1/F that
 * runs a signal-delivery kernel path). N ≤ 0 workers means one per CPU of the kernel, as stress-ng does.
 * Sources and assumptions: docs/model-reference.md §13 "Command-line loads".
 */
final class StressNgLoad {
    private static final String KEY = LoadImport.KEY;
    private static final List<CommandWords.Spec> SPECS = CommandWords.specs("c|cpu|R", "m|vm|R", "|vm-bytes|R",
            "|vm-keep|N", "i|io|R", "d|hdd|R", "T|timer|R", "|timer-freq|R", "S|sock|R", "t|timeout|R", "|taskset|R",
            "|cpu-method|R", "v|verbose|N", "q|quiet|N", "|metrics|N", "|metrics-brief|N", "|times|N", "|timestamp|N");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})([bkmgBKMG]?)");
    private static final Pattern TIME = Pattern.compile("(\\d{1,9})([smhdySMHDY]?)");

    private StressNgLoad() {
    }

    static List<Node.MapNode> parse(List<String> args, CpuSet cpusIn, LoadImport.Target k, List<String> notes) {
        List<CommandWords.Option> opts = CommandWords.parse(args, SPECS, KEY, (s, w) -> false,
                CommandWords.list(SPECS));
        CpuSet cpus = cpusIn;
        long vmBytes = LoadImport.VM_BYTES_DEFAULT;
        long timerFreq = LoadImport.TIMER_FREQ_DEFAULT;
        boolean vmKeep = false;
        for (CommandWords.Option o : opts) {
            switch (name(o)) {
                case "taskset" -> cpus = LoadImport.cpuList("stress-ng --taskset", o.value(), k);
                case "vm-bytes" -> vmBytes = size(o);
                case "timer-freq" -> timerFreq = LoadImport.number(o, 1, 1_000_000_000, "a frequency in Hz");
                case "vm-keep" -> vmKeep = true;
                case "timeout" -> {
                    long s = seconds(o);
                    if (s > 0 && s < k.durationNs() / 1e9) {
                        notes.add("stress-ng: --timeout " + o.value() + " ignored: the load runs for the whole "
                                + "simulated time (rtvsim has no end time for a load)");
                    }
                }
                case "cpu-method" -> notes.add("stress-ng: --cpu-method " + o.value() + " not modelled: every "
                        + "method is user code to rtvsim");
                default -> {
                }
            }
        }
        List<Node.MapNode> out = new ArrayList<>();
        boolean any = false;
        for (CommandWords.Option o : opts) {
            String stressor = name(o);
            if (!List.of("cpu", "vm", "io", "hdd", "timer", "sock").contains(stressor)) {
                continue;
            }
            any = true;
            long given = LoadImport.number(o, -1, 100_000, "a worker count (0 or -1: one per CPU)");
            int n = given <= 0 ? k.ncpus() : (int) given;
            switch (stressor) {
                case "cpu" -> activity(out, notes, "cpu", n, n, cpus, ImportTree.map(
                        "segments", ImportTree.list(ImportTree.map("kind", "user", "length", "1ms")),
                        "think", "0ns"), "user code only, no syscalls");
                case "io", "hdd" -> activity(out, notes, stressor, n, n, cpus, ImportTree.map("profile", "io"),
                        "kernel_activity profile io");
                case "sock" -> activity(out, notes, "sock", n, 2 * n, cpus, ImportTree.map("profile", "hackbench"),
                        "a client and a server each, kernel_activity profile hackbench; TCP loopback's own softirq "
                                + "work is not modelled");
                case "timer" -> activity(out, notes, "timer", n, n, cpus, ImportTree.map(
                        "segments", ImportTree.list(ImportTree.map("kind", "kernel", "length",
                                ImportTree.map("lognormal", ImportTree.map("median", "1us", "sigma", "0.5")))),
                        "think", "0ns",
                        "sleep", ImportTree.map("fixed", Math.max(1, 1_000_000_000L / timerFreq) + "ns"),
                        "sleep_probability", "1"), "woken every 1/" + timerFreq + " Hz through the wake-up path, then "
                        + "signal delivery as a kernel segment; the rate falls below " + timerFreq + " Hz when that "
                        + "path is longer than the period");
                default -> out.add(vm(n, cpus, vmBytes, vmKeep, notes));
            }
        }
        if (!any) {
            throw CommandWords.error(KEY, "stress-ng: expected at least one stressor (--cpu, --vm, --io, --hdd, "
                    + "--timer, --sock); got '" + String.join(" ", args) + "'");
        }
        return out;
    }

    private static void activity(List<Node.MapNode> out, List<String> notes, String stressor, int workers, int tasks,
                                 CpuSet cpus, Node.MapNode body, String how) {
        List<LoadImport.Share> shares = LoadImport.spread(tasks, cpus);
        for (LoadImport.Share s : shares) {
            Node.MapNode b = ImportTree.map("cpus", s.cpus().toString(), "tasks", s.tasks());
            body.entries().forEach((key, v) -> b.put(key, ImportTree.at(), Node.copy(v)));
            out.add(ImportTree.entry("kernel_activity", b));
        }
        notes.add("stress-ng --" + stressor + " " + workers + ": " + tasks + " SCHED_OTHER task"
                + (tasks == 1 ? "" : "s")
                + " (" + how + "), " + LoadImport.describe(shares));
    }

    private static Node.MapNode vm(int n, CpuSet cpus, long vmBytes, boolean vmKeep, List<String> notes) {
        long bandwidth = Math.min(n * LoadImport.VM_WORKER_BYTES_PER_S, LoadImport.VM_TOTAL_CAP_BYTES_PER_S);
        int m = Math.min(n, cpus.size());
        CpuSet on = CpuSet.of(java.util.Arrays.copyOf(cpus.toArray(), m));
        notes.add("stress-ng --vm " + n + ": cache_hog streaming " + bandwidth / 1_000_000_000L + " GB/s (10 GB/s per "
                + "worker, assumption"
                + (bandwidth < n * LoadImport.VM_WORKER_BYTES_PER_S ? ", capped at 135 GB/s" : "")
                + ") over " + ImportTree.size(n * vmBytes) + " on CPU" + (m == 1 ? " " : "s ") + on
                + (n > m ? " (" + n + " workers on " + m + " CPUs: one task per CPU carries their bandwidth)" : "")
                + (vmKeep ? "" : "; the page faults of each mmap/munmap pass are not modelled "
                + "(--vm-keep avoids them)"));
        return ImportTree.entry("cache_hog", ImportTree.map("cpus", on.toString(),
                "bandwidth", bandwidth / 1_000_000_000L + "GB/s", "footprint", ImportTree.size(n * vmBytes)));
    }

    private static String name(CommandWords.Option o) {
        return o.spec().longName();
    }

    /** stress-ng sizes: an integer with b, k, m or g (powers of 1024); a bare number is bytes. */
    private static long size(CommandWords.Option o) {
        Matcher m = SIZE.matcher(o.value().trim());
        if (!m.matches()) {
            throw CommandWords.error(KEY, "option '" + o.spelling() + "': expected a size such as 256m or 1g (suffix "
                    + "b, k, m or g; a percentage of memory is not supported); got '" + o.value() + "'");
        }
        int shift = switch (LoadImport.lower(m.group(2))) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        long v = Long.parseLong(m.group(1));
        if (v <= 0 || v > (1L << (50 - shift))) {
            throw CommandWords.error(KEY, "option '" + o.spelling() + "': expected a positive size up to 1 PiB; got '"
                    + o.value() + "'");
        }
        return v << shift;
    }

    /** stress-ng times: an integer with s, m, h, d or y (default seconds). */
    private static long seconds(CommandWords.Option o) {
        Matcher m = TIME.matcher(o.value().trim());
        if (!m.matches()) {
            throw CommandWords.error(KEY, "option '" + o.spelling() + "': expected a time such as 60, 10m or 2h "
                    + "(suffix s, m, h, d or y); got '" + o.value() + "'");
        }
        long scale = switch (LoadImport.lower(m.group(2))) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86_400;
            case "y" -> 31_556_952;
            default -> 1;
        };
        return Long.parseLong(m.group(1)) * scale;
    }
}
