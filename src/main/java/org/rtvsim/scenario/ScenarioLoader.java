package org.rtvsim.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads a scenario in three steps, each public for testing: YAML → located tree ({@link #loadTree}),
 * {@code extends:} merge and {@code --set} overrides ({@link #merge}), validation and binding to
 * {@link ScenarioSpec} ({@link #bind}). A {@link CommandImport} ({@code --cyclictest}, {@code --load}) edits the
 * merged tree between the {@code extends:} merge and the overrides, so {@code --set} can still change what it
 * wrote. Every failure is a {@link ScenarioException} naming file, line, column, key and what was expected.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {
    }

    /** Loads a scenario file with its {@code extends:} chain and the {@code --set path=value} overrides. */
    public static ScenarioSpec load(Path file, List<String> sets) {
        return load(file, sets, CommandImport.NONE);
    }

    /**
     * Loads a scenario file: {@code extends:} merge, then the command import ({@code --cyclictest}, {@code --load}),
     * then the {@code --set} overrides, then binding.
     */
    public static ScenarioSpec load(Path file, List<String> sets, CommandImport imports) {
        return loadImported(file, sets, imports).spec();
    }

    /** {@link #load(Path, List, CommandImport)}, also returning what the import implies beyond the tree. */
    public static Loaded loadImported(Path file, List<String> sets, CommandImport imports) {
        Node tree = loadTree(file);
        if (RtAppImport.isRtApp(tree)) { // an rt-app JSON workload, detected by content
            tree = RtAppImport.toScenario(tree);
        }
        return finish(tree, file, sets, imports, file.toString());
    }

    /** Loads YAML text; {@code pseudoFileName} names it in messages and anchors relative paths. */
    public static ScenarioSpec loadString(String yaml, String pseudoFileName, List<String> sets) {
        return loadString(yaml, pseudoFileName, sets, CommandImport.NONE);
    }

    /** {@link #loadString(String, String, List)} with a command import applied before the overrides. */
    public static ScenarioSpec loadString(String yaml, String pseudoFileName, List<String> sets,
                                          CommandImport imports) {
        return loadStringImported(yaml, pseudoFileName, sets, imports).spec();
    }

    /** {@link #loadString(String, String, List, CommandImport)}, also returning what the import implies. */
    public static Loaded loadStringImported(String yaml, String pseudoFileName, List<String> sets,
                                            CommandImport imports) {
        return finish(YamlTreeReader.read(yaml, pseudoFileName), Path.of(pseudoFileName), sets, imports,
                pseudoFileName);
    }

    /** A bound scenario and what its command import implies that is not in the tree (duration, notes). */
    public record Loaded(ScenarioSpec spec, CommandImport.Imported imported) {
    }

    private static Loaded finish(Node tree, Path file, List<String> sets, CommandImport imports, String source) {
        Node merged = extend(tree, file);
        CommandImport.Imported imported = (imports == null ? CommandImport.NONE : imports).apply(merged);
        Overrides.apply(merged, sets == null ? List.of() : sets);
        return new Loaded(bind(merged, source), imported);
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
        Node merged = extend(tree, file);
        Overrides.apply(merged, sets == null ? List.of() : sets);
        return merged;
    }

    /** {@code extends:} resolved into a fresh tree (never {@code tree} itself, which stays untouched). */
    private static Node extend(Node tree, Path file) {
        Node merged = TreeMerger.resolveExtends(tree, file);
        return merged == tree ? Node.copy(tree) : merged;
    }

    /** Step 3: validates the merged tree and binds it; {@code source} is recorded in the spec. */
    public static ScenarioSpec bind(Node merged, String source) {
        return ScenarioBinder.bind(merged, source);
    }
}
