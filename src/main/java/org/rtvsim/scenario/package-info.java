/**
 * Scenario loading: YAML → located tree → {@code extends:} merge and {@code --set} overrides → validated,
 * immutable {@code *Spec} records with every default applied ({@link org.rtvsim.scenario.Defaults}).
 * Entry point: {@link org.rtvsim.scenario.ScenarioLoader}; failures are
 * {@link org.rtvsim.scenario.ScenarioException}s that name file, line, column and key.
 */
package org.rtvsim.scenario;
