package org.rtvsim.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads a scenario in three steps, each public for testing: YAML → located tree ({@link #loadTree}),
 * {@code extends:} merge and {@code --set} overrides ({@link #merge}), validation and binding to
 * {@link ScenarioSpec} ({@link #bind}). Every failure is a {@link ScenarioException} naming file, line,
 * column, key and what was expected.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {
    }

    /** Loads a scenario file with its {@code extends:} chain and the {@code --set path=value} overrides. */
    public static ScenarioSpec load(Path file, List<String> sets) {
        Node tree = merge(loadTree(file), file, sets);
        return bind(tree, file.toString());
    }

    /** Loads a scenario file, applies a cyclictest command line and load ({@code imports}), then {@code sets}. */
    public static ScenarioSpec load(Path file, List<String> sets, CommandImport imports) {
        Node tree = TreeMerger.resolveExtends(loadTree(file), file);
        tree = Node.copy(tree);
        imports.apply(tree);
        Overrides.apply(tree, sets == null ? List.of() : sets);
        return bind(tree, file.toString());
    }

    /** Loads YAML text; {@code pseudoFileName} names it in messages and anchors relative paths. */
    public static ScenarioSpec loadString(String yaml, String pseudoFileName, List<String> sets) {
        Node tree = merge(YamlTreeReader.read(yaml, pseudoFileName), Path.of(pseudoFileName), sets);
        return bind(tree, pseudoFileName);
    }

    /** Step 1: the file as a located tree (no {@code extends:} resolution). */
    public static Node loadTree(Path file) {
        return YamlTreeReader.readFile(file);
    }

    /** Step 1 for text. */
    public static Node loadTree(String yaml, String pseudoFileName) {
        return YamlTreeReader.read(yaml, pseudoFileName);
    }

    /** Step 2: resolves {@code extends:} relative to {@code file}, then applies {@code sets} in order. */
    public static Node merge(Node tree, Path file, List<String> sets) {
        Node merged = TreeMerger.resolveExtends(tree, file);
        if (merged == tree) {
            merged = Node.copy(tree);
        }
        Overrides.apply(merged, sets == null ? List.of() : sets);
        return merged;
    }

    /** Step 3: validates the merged tree and binds it; {@code source} is recorded in the spec. */
    public static ScenarioSpec bind(Node merged, String source) {
        return ScenarioBinder.bind(merged, source);
    }
}
