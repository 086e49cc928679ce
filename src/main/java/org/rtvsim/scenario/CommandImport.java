package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.CpuSet;

/**
 * A cyclictest command line and a load command to apply to a merged scenario tree ({@code --cyclictest "OPTS"},
 * {@code --load "CMD"}). The cyclictest options replace the scenario's only {@code cyclictest} workload (host or
 * guest) in place, keeping its {@code minor_fault_probability} and {@code major_fault_probability}, or add one
 * at the end of {@code host.workload} when there is none; several are an error. The load's entries are appended
 * to the workload list of the kernel that cyclictest runs in (the host when there is none), so the component
 * paths, and so the random streams, of the existing workloads do not change. docs/command-import.md describes
 * every option and mapping.
 */
public record CommandImport(String cyclictest, String load) {
    public static final CommandImport NONE = new CommandImport(null, null);

    /** What the command line implies that is not a tree edit. */
    public record Imported(Long durationNs /* from -l loops × interval, or -D; null if neither */,
                           List<String> notes /* approximations made, printed by the CLI */) {
        public Imported {
            notes = List.copyOf(notes);
        }
    }

    /** Neither option given. An empty {@code --cyclictest ""} is given: cyclictest with all its defaults. */
    public boolean isEmpty() {
        return cyclictest == null && load == null;
    }

    /**
     * Edits the merged tree in place (before --set overrides are applied); errors are ScenarioExceptions located
     * at {@code <command line>}, naming the option. Returns what the command line implies that is not a tree edit.
     */
    public Imported apply(Node merged) {
        if (isEmpty() || !(merged instanceof Node.MapNode root)) {
            return new Imported(null, List.of());
        }
        List<String> notes = new ArrayList<>();
        Place place = Place.find(root, cyclictest != null);
        Long duration = null;
        if (cyclictest != null) {
            CyclictestImport.Settings s = CyclictestImport.parse(cyclictest, place.ncpus, place.what, notes);
            Node.ListNode list = place.list(root);
            Node.MapNode entry = ImportTree.entry("cyclictest", cyclictestBody(s, place.existing(list)));
            if (place.index >= 0) {
                list.set(place.index, entry);
            } else {
                list.add(entry);
            }
            if (s.histogramBuckets() != null) {
                Node.MapNode histogram = ImportTree.child(ImportTree.child(root, "measure", "measure"), "histogram",
                        "measure.histogram");
                histogram.put("bucket", ImportTree.at(), ImportTree.text("1us"));
                histogram.put("buckets", ImportTree.at(), ImportTree.number(s.histogramBuckets()));
            }
            duration = s.durationNs();
        }
        if (load != null) {
            long runNs = duration != null ? duration : root.get("duration") instanceof Node.Scalar d && !d.isNull()
                    ? Values.durationNs(d, "duration") : Defaults.DURATION_NS;
            List<Node.MapNode> entries = LoadImport.parse(load, new LoadImport.Target(place.ncpus,
                    place.housekeeping, place.what, runNs), notes);
            Node.ListNode list = place.list(root);
            entries.forEach(list::add);
        }
        return new Imported(duration, notes);
    }

    private static Node.MapNode cyclictestBody(CyclictestImport.Settings s, Node.MapNode old) {
        Node.MapNode b = ImportTree.map("threads", s.threads(), "cpus", s.cpus().toString(),
                "priority", s.priority(), "policy", s.policy().key(), "interval", s.intervalUs() + "us",
                "distance", s.distanceUs() + "us", "mlock", s.mlock(),
                "latency_target", s.latencyTargetUs() == null ? "off" : s.latencyTargetUs() + "us");
        if (old != null) { // model parameters, not cyclictest options: kept from the replaced entry
            for (String k : List.of("minor_fault_probability", "major_fault_probability")) {
                if (old.has(k)) {
                    b.put(k, old.keyLocation(k), old.get(k));
                }
            }
        }
        return b;
    }

    /**
     * Where the import goes: the workload list ({@code host} or {@code vms[i]}), the index of the cyclictest
     * entry in it (-1: none), the kernel's CPU count and housekeeping CPUs, and their name for messages.
     */
    private record Place(int vm, int index, int ncpus, CpuSet housekeeping, String what, String listPath) {

        static Place find(Node.MapNode root, boolean replacing) {
            List<int[]> found = new ArrayList<>(); // {vm (-1 = host), index}
            List<String> where = new ArrayList<>();
            collect(workloads(root, -1), -1, "host.workload", found, where);
            if (root.get("vms") instanceof Node.ListNode vms) {
                for (int v = 0; v < vms.size(); v++) {
                    collect(workloads(root, v), v, "vms[" + vmName(vms.items().get(v), v) + "].workload", found, where);
                }
            }
            boolean oneKernel = found.stream().mapToInt(f -> f[0]).distinct().count() <= 1;
            if (found.size() > 1 && (replacing || !oneKernel)) {
                throw CommandWords.error(replacing ? CyclictestImport.KEY : LoadImport.KEY, "the scenario has "
                        + found.size() + " cyclictest workloads (" + String.join(", ", where) + "); "
                        + (replacing ? "--cyclictest replaces exactly one" : "--load goes to the kernel of the "
                        + "cyclictest, which is ambiguous") + "; use a scenario with one cyclictest workload");
            }
            int vm = found.isEmpty() ? -1 : found.get(0)[0];
            int index = found.isEmpty() ? -1 : found.get(0)[1];
            if (vm < 0) {
                int n = root.get("hardware") instanceof Node.MapNode hw && hw.get("cpus") instanceof Node.Scalar c
                        && !c.isNull() ? (int) Values.integer(c, "hardware.cpus", 1, 4096) : Defaults.CPUS;
                return new Place(-1, index, n, housekeeping(root.get("host"), n, "host.kernel.isolcpus"),
                        "hardware.cpus", "host.workload");
            }
            Node.MapNode v = (Node.MapNode) ((Node.ListNode) root.get("vms")).items().get(vm);
            String name = "vms[" + vmName(v, vm) + "]";
            if (!(v.get("vcpus") instanceof Node.Scalar c) || c.isNull()) {
                throw new ScenarioException(v.location(), name + ".vcpus", "required; expected the number of vCPUs");
            }
            int n = (int) Values.integer(c, name + ".vcpus", 1, 4096);
            return new Place(vm, index, n, housekeeping(v, n, name + ".kernel.isolcpus"), name + ".vcpus",
                    name + ".workload");
        }

        /** The workload list, created when absent (at the host, or in the VM). */
        Node.ListNode list(Node.MapNode root) {
            Node.MapNode owner = vm < 0 ? ImportTree.child(root, "host", "host")
                    : (Node.MapNode) ((Node.ListNode) root.get("vms")).items().get(vm);
            Node n = owner.get("workload");
            if (n instanceof Node.ListNode l) {
                return l;
            }
            if (n != null && !(n instanceof Node.Scalar s && s.isNull())) {
                throw new ScenarioException(n.location(), listPath, "expected a list of workloads; got "
                        + Node.describe(n));
            }
            Node.ListNode l = new Node.ListNode(ImportTree.at());
            owner.put("workload", ImportTree.at(), l);
            return l;
        }

        /** The body of the cyclictest entry being replaced, or null. */
        Node.MapNode existing(Node.ListNode list) {
            if (index < 0 || !(list.items().get(index) instanceof Node.MapNode e)) {
                return null;
            }
            return e.get("cyclictest") instanceof Node.MapNode b ? b : null;
        }

        private static Node workloads(Node.MapNode root, int vm) {
            if (vm < 0) {
                return root.get("host") instanceof Node.MapNode h ? h.get("workload") : null;
            }
            Node v = ((Node.ListNode) root.get("vms")).items().get(vm);
            return v instanceof Node.MapNode m ? m.get("workload") : null;
        }

        private static void collect(Node list, int vm, String path, List<int[]> found, List<String> where) {
            if (list instanceof Node.ListNode l) {
                for (int i = 0; i < l.size(); i++) {
                    if (l.items().get(i) instanceof Node.MapNode e && e.size() == 1 && e.has("cyclictest")) {
                        found.add(new int[] {vm, i});
                        where.add(path + "[" + i + "]");
                    }
                }
            }
        }

        private static String vmName(Node vm, int index) {
            return vm instanceof Node.MapNode m && m.get("name") instanceof Node.Scalar s && !s.isNull() ? s.text()
                    : Integer.toString(index);
        }

        /** All CPUs but the kernel's {@code isolcpus} (all of them when that is empty or covers every CPU). */
        private static CpuSet housekeeping(Node owner, int n, String key) {
            CpuSet all = CpuSet.range(0, n);
            if (owner instanceof Node.MapNode o && o.get("kernel") instanceof Node.MapNode k
                    && k.get("isolcpus") instanceof Node.Scalar iso && !iso.isNull()) {
                CpuSet hk = all.minus(Values.cpus(iso, key, n, key.startsWith("host") ? "hardware.cpus" : "vcpus"));
                return hk.isEmpty() ? all : hk;
            }
            return all;
        }
    }
}
