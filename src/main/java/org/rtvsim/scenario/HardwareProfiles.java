package org.rtvsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code hardware.profile}: a named machine whose values (frequency, C-state table, LLC, DRAM latency, KVM
 * exit and entry costs where a per-generation source exists) lie under the scenario like an {@code extends:}
 * base, so every key the scenario gives (or {@code --set} gives) overrides the profile's, key by key. The
 * profiles are YAML files in {@code org/rtvsim/scenario/profiles/}, each value with its source
 * (docs/model-reference.md, "Hardware profiles").
 */
final class HardwareProfiles {
    static final List<String> NAMES = List.of("ivy-bridge-ep", "sapphire-rapids", "epyc-milan");

    private HardwareProfiles() {
    }

    /** The tree with the named profile merged under it; the tree itself when it names none. */
    static Node apply(Node root) {
        if (!(root instanceof Node.MapNode top) || !(top.get("hardware") instanceof Node.MapNode hw)
                || !hw.has("profile")) {
            return root;
        }
        Node p = hw.get("profile");
        String name = Values.string(p, "hardware.profile");
        if (!NAMES.contains(name)) {
            throw new ScenarioException(p.location(), "hardware.profile", "expected one of "
                    + String.join(", ", NAMES) + "; got '" + name + "'" + Suggest.hint(name, NAMES));
        }
        return TreeMerger.merge(tree(name), root);
    }

    /** The profile's own tree ({@code hardware:} and {@code host: kvm:} keys only). */
    static Node tree(String name) {
        String file = "profiles/" + name + ".yaml";
        try (InputStream in = HardwareProfiles.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + file);
            }
            return YamlTreeReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "hardware profile " + name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
