/**
 * The command line: {@code rtvsim run}, {@code rtvsim validate} and {@code rtvsim trace}. Parses
 * arguments with picocli, calls the scenario loader and the experiment layer, and hands results to
 * the report writers. Owns the exit codes (0 ok, 1 SLO missed, 2 bad input, 3 internal error) and the rule that bad
 * input is one line on stderr, never a stack trace.
 */
package org.rtvsim.cli;
