package org.rtvsim.hw;

/** A CPU driven by a {@link Supply}; told when the supply stops and when it returns. */
public interface SupplyListener {

    /** Supply stopped now; {@code blame} is the label id the lost time is charged to. */
    void supplyLost(int blame);

    /** Supply returned now. */
    void supplyRestored();
}
