package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtvsim.engine.CpuSet;

/**
 * A load command ({@code hackbench …}, {@code stress-ng …}, optionally looped as
 * {@code while true; do …; done} and prefixed by {@code taskset -c LIST}) turned into workload entries of the
 * kernel it runs in. Workers are SCHED_OTHER tasks spread as the load balancer would spread them: evenly over
 * the kernel's housekeeping CPUs (all but {@code isolcpus}, whose CPUs no unpinned task reaches), or over the
 * {@code taskset}/{@code --taskset} CPUs. Every number is documented, with its source or as an assumption, in
 * docs/model-reference.md §13 "Command-line loads"; docs/command-import.md lists the options.
 */
final class LoadImport {
    static final String KEY = "--load";
    /** [R] assumption: one streaming core ≈ 10 outstanding line fills × 64 B / 85 ns DRAM latency, plus prefetch. */
    static final long VM_WORKER_BYTES_PER_S = 10_000_000_000L;
    /** [B] model-parameters.md §9: the highest loaded-bandwidth point measured (Intel MLC, 6-channel Xeon). */
    static final long VM_TOTAL_CAP_BYTES_PER_S = 135_000_000_000L;
    /** stress-ng's --vm-bytes default per worker (stress-ng(1)). */
    static final long VM_BYTES_DEFAULT = 256L << 20;
    /** stress-ng's --timer-freq default (stress-ng(1)). */
    static final long TIMER_FREQ_DEFAULT = 1_000_000;

    /** The kernel a load runs in: its CPUs, where unpinned tasks go, how it is named, the run's duration. */
    record Target(int ncpus, CpuSet housekeeping, String what, long durationNs) {
    }

    /** {@code tasks} per CPU on {@code cpus}. */
    record Share(CpuSet cpus, int tasks) {
    }

    private static final Pattern LOOP = Pattern.compile(
            "\\s*while\\s+(?:true|:)\\s*;\\s*do\\s+(.+?)\\s*;?\\s*done\\s*(.*)", Pattern.DOTALL);
    private static final List<CommandWords.Spec> HACKBENCH = CommandWords.specs("g|groups|R", "f|fds|R", "l|loops|R",
            "s|datasize|R", "p|pipe|N", "T|threads|N", "P|process|N", "i|inet|N", "F|fifo|N");

    private LoadImport() {
    }

    /** The workload entries {@code text} describes, in its order. */
    static List<Node.MapNode> parse(String text, Target k, List<String> notes) {
        String cmd = text;
        boolean looping = false;
        Matcher loop = LOOP.matcher(text);
        if (loop.matches()) {
            cmd = loop.group(1) + " " + loop.group(2);
            looping = true;
        }
        List<String> words = new ArrayList<>(CommandWords.split(cmd, KEY));
        stripRedirections(words);
        CpuSet cpus = k.housekeeping();
        if (!words.isEmpty() && words.get(0).equals("taskset")) {
            if (words.size() < 3 || !(words.get(1).equals("-c") || words.get(1).equals("--cpu-list"))) {
                throw CommandWords.error(KEY, "expected 'taskset -c LIST COMMAND'; got '" + String.join(" ", words)
                        + "'");
            }
            cpus = cpuList("taskset -c", words.get(2), k);
            words.subList(0, 3).clear();
        }
        if (words.isEmpty()) {
            throw CommandWords.error(KEY, "expected a load command such as 'hackbench -g 4' or 'stress-ng --cpu 4'; "
                    + "got '" + text + "'");
        }
        String program = words.get(0).substring(words.get(0).lastIndexOf('/') + 1);
        List<String> args = words.subList(1, words.size());
        return switch (program) {
            case "hackbench" -> hackbench(args, cpus, looping, notes);
            case "stress-ng" -> StressNgLoad.parse(args, cpus, k, notes);
            default -> throw CommandWords.error(KEY, "unknown load program '" + words.get(0)
                    + "'; supported: hackbench, stress-ng (either may be looped as 'while true; do …; done' and "
                    + "prefixed by 'taskset -c LIST')");
        };
    }

    /** hackbench (rt-tests): groups × 2 × fds SCHED_OTHER tasks as {@code kernel_activity} profile hackbench. */
    private static List<Node.MapNode> hackbench(List<String> args, CpuSet cpus, boolean looping, List<String> notes) {
        List<CommandWords.Option> opts = CommandWords.parse(args, HACKBENCH, KEY, (s, w) -> false,
                CommandWords.list(HACKBENCH));
        long groups = 10;
        long fds = 20;
        long loops = 100;
        for (CommandWords.Option o : opts) {
            switch (o.spec().shortName()) {
                case 'g' -> groups = number(o, 1, 100_000, "a group count");
                case 'f' -> fds = number(o, 1, 100_000, "a file-descriptor count");
                case 'l' -> loops = number(o, 1, Long.MAX_VALUE, "a message count");
                case 's' -> {
                    number(o, 1, Long.MAX_VALUE, "a message size in bytes");
                    notes.add("hackbench " + o.spelling() + " " + o.value() + ": the message size is not modelled "
                            + "(the hackbench profile's copy costs stand for the default 100 bytes)");
                }
                case 'p', 'T', 'i' -> notes.add("hackbench " + o.spelling() + ": modelled like the default (processes"
                        + " over UNIX sockets); the hackbench profile does not tell these apart");
                default -> {
                }
            }
        }
        long tasks = groups * 2 * fds;
        if (tasks > 1_000_000) {
            throw CommandWords.error(KEY, "hackbench: " + groups + " groups × 2 × " + fds + " fds = " + tasks
                    + " tasks; expected at most 1000000");
        }
        List<Share> shares = spread((int) tasks, cpus);
        notes.add("hackbench: " + groups + " groups × 2 × " + fds + " fds = " + tasks + " SCHED_OTHER tasks as "
                + "kernel_activity profile hackbench, " + describe(shares) + " (its sections fitted to a published "
                + "irqs-off histogram, the rest assumptions, docs/model-reference.md §13)");
        if (!looping) {
            notes.add("hackbench: one run of " + loops + " messages per sender ends after about a second (the man "
                    + "page's example: 0.89 s with the defaults); rtvsim keeps the load for the whole simulated time, "
                    + "as 'while true; do hackbench …; done' does");
        }
        List<Node.MapNode> out = new ArrayList<>();
        for (Share s : shares) {
            out.add(ImportTree.entry("kernel_activity", ImportTree.map("cpus", s.cpus().toString(),
                    "tasks", s.tasks(), "profile", "hackbench")));
        }
        return out;
    }

    /** {@code n} tasks spread evenly over {@code cpus}, the lower CPUs taking the remainder (at most two shares). */
    static List<Share> spread(int n, CpuSet cpus) {
        int m = cpus.size();
        if (n <= m) {
            return List.of(new Share(first(cpus, 0, n), 1));
        }
        int q = n / m;
        int r = n % m;
        List<Share> out = new ArrayList<>();
        if (r > 0) {
            out.add(new Share(first(cpus, 0, r), q + 1));
        }
        out.add(new Share(first(cpus, r, m), q));
        return out;
    }

    static String describe(List<Share> shares) {
        List<String> parts = new ArrayList<>();
        for (Share s : shares) {
            parts.add(s.tasks() + " per CPU on CPU" + (s.cpus().size() == 1 ? " " : "s ") + s.cpus());
        }
        return String.join(" and ", parts);
    }

    private static CpuSet first(CpuSet set, int from, int to) {
        return CpuSet.of(java.util.Arrays.copyOfRange(set.toArray(), from, to));
    }

    static CpuSet cpuList(String option, String text, Target k) {
        CpuSet set;
        try {
            set = CpuSet.parse(text);
        } catch (IllegalArgumentException e) {
            throw CommandWords.error(KEY, option + ": " + e.getMessage());
        }
        if (set.isEmpty() || set.max() >= k.ncpus()) {
            throw CommandWords.error(KEY, option + ": expected CPUs in 0-" + (k.ncpus() - 1) + " (" + k.what() + " is "
                    + k.ncpus() + "); got '" + text + "'");
        }
        return set;
    }

    static long number(CommandWords.Option o, long min, long max, String what) {
        return CommandWords.number(KEY, o, min, max, what);
    }

    /** Drops a trailing {@code &} and output redirections ({@code >/dev/null}, {@code 2>&1}, {@code > FILE}). */
    private static void stripRedirections(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("&") || w.equals(";")) {
                words.remove(i--);
            } else if (w.matches("\\d*>>?|&>>?")) {
                words.remove(i);
                if (i < words.size()) {
                    words.remove(i);
                }
                i--;
            } else if (w.matches("(\\d*>>?|&>>?)\\S+")) {
                words.remove(i--);
            }
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
