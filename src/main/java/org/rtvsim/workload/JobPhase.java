package org.rtvsim.workload;

import org.rtvsim.engine.Sampler;
import org.rtvsim.kernel.Lock;
import org.rtvsim.scenario.WorkloadSpec;

/**
 * One phase of a periodic task at run time: its jobs' period (the release timer's step after one of
 * them), relative deadline, execution-time sampler, critical sections and their blame labels, and how
 * many consecutive jobs it lasts.
 */
final class JobPhase {
    final long periodNs;
    final long deadlineNs;
    final Sampler wcet;
    final CriticalSections sections;
    /** Blame label per section index (used for the acquiring entries). */
    final int[] blameInside;
    final int jobs;
    /** The jobs' synchronisation points in job order (barrier, suspend, resume). */
    final WorkloadSpec.SyncOpSpec[] syncs;
    /** Per sync point, the lock a {@code wait} releases while it sleeps (null: none). */
    final Lock[] syncMutex;

    JobPhase(long periodNs, long deadlineNs, Sampler wcet, CriticalSections sections, int[] blameInside, int jobs,
             java.util.List<WorkloadSpec.SyncOpSpec> syncs, java.util.function.Function<String, Lock> locks) {
        this.syncs = syncs.toArray(new WorkloadSpec.SyncOpSpec[0]);
        this.syncMutex = new Lock[this.syncs.length];
        for (int i = 0; i < this.syncs.length; i++) {
            syncMutex[i] = this.syncs[i].mutex() == null ? null : locks.apply(this.syncs[i].mutex());
        }
        this.periodNs = periodNs;
        this.deadlineNs = deadlineNs;
        this.wcet = wcet;
        this.sections = sections;
        this.blameInside = blameInside;
        this.jobs = jobs;
    }

    /** The blame label of code inside {@code l}'s section. */
    int blameInside(Lock l) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.lock[i] == l && sections.acquire[i]) {
                return blameInside[i];
            }
        }
        return blameInside.length > 0 ? blameInside[0] : 0;
    }
}
