package org.imcsim.cost;

/** Transistor flavour of a technology node (PTM model cards). */
public enum Roadmap {
    /** Low standby power (PTM "LP" cards): high threshold, low leakage. NeuroSim's default. */
    LSTP,
    /** High performance (PTM "HP" cards): low threshold, fast and leaky. */
    HP
}
