package org.rtvsim.scenario;

import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;

/**
 * {@code vms[i].qemu:} — the qemu process of a guest: its I/O (main-loop) thread and the big qemu lock.
 *
 * @param ioCpus       host CPUs of the I/O thread (null: the host's housekeeping CPUs)
 * @param ioPolicy     its scheduling policy
 * @param ioPriority   its priority (real-time policies)
 * @param bqlPi        the BQL is a priority-inheritance mutex (false: a plain pthread mutex)
 * @param mainLoopRate how often the main loop takes the BQL for its own work (timers, QMP, completions)
 * @param mainLoopHold how long it holds it each time
 * @param ioFair       the I/O thread's nice value and slice (fair policies)
 */
public record QemuSpec(CpuSet ioCpus, SchedPolicy ioPolicy, int ioPriority, boolean bqlPi, double mainLoopRate,
                       DistSpec mainLoopHold, FairSpec ioFair) {
}
