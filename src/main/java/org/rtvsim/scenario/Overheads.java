package org.rtvsim.scenario;

/**
 * {@code host.kernel.overheads}: {@code default} models every kernel cost; {@code none} removes the
 * tick, interrupt entry, wake-up and context-switch costs so textbook task sets can be checked exactly.
 */
public enum Overheads {
    DEFAULT, NONE
}
