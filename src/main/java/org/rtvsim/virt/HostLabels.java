package org.rtvsim.virt;

import org.rtvsim.measure.BlameRegistry;

/**
 * How host time a guest loses is named in the guest's attribution: a host label {@code L} becomes
 * {@code "host: L"}, except labels that already say where they come from (KVM, qemu, SMIs, host
 * workloads). Cached per label id; one per run.
 */
final class HostLabels {
    private final BlameRegistry blames;
    private int[] map = new int[64];

    HostLabels(BlameRegistry blames) {
        this.blames = blames;
        java.util.Arrays.fill(map, -1);
    }

    int guestView(int hostLabel) {
        if (hostLabel >= map.length) {
            int old = map.length;
            map = java.util.Arrays.copyOf(map, Math.max(hostLabel + 1, old * 2));
            java.util.Arrays.fill(map, old, map.length, -1);
        }
        int m = map[hostLabel];
        if (m < 0) {
            String l = blames.label(hostLabel);
            boolean named = l.startsWith("kvm:") || l.startsWith("qemu") || l.startsWith("SMI") || l.startsWith("host");
            m = named ? hostLabel : blames.id("host: " + l);
            map[hostLabel] = m;
        }
        return m;
    }
}
