package org.rtvsim.scenario;

/**
 * {@code host.kernel.overheads}: {@code default} models every kernel cost; {@code none} sets every
 * {@code host.kernel.costs.*} to 0 and removes the tick and C-state exits, so textbook task sets can be
 * checked exactly. RT throttling is not an overhead and stays on unless {@code rt_throttling: off}.
 */
public enum Overheads {
    DEFAULT, NONE
}
