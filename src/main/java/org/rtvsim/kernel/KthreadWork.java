package org.rtvsim.kernel;

import org.rtvsim.engine.Sampler;
import org.rtvsim.scenario.SchedPolicy;
import org.rtvsim.scenario.SegmentKind;

/**
 * A kernel thread that runs queued pieces of work and sleeps when none is left (a kworker, rcuc/N,
 * rcuop/N, ksoftirqd/N): per kind of work a pending count, a length drawn when the piece starts, and an
 * attribution label. Pieces run as preemptible {@code kernel} segments, oldest kind first. Nothing is
 * allocated per piece.
 */
final class KthreadWork implements TaskBehaviour {
    final Task task;
    private final Sampler[] lengths;
    private final int[] blames;
    private final int[] pending;
    private final long[] runs;
    /** A wake-up is on its way (a reschedule IPI queued): no second one is needed. */
    private boolean wakeQueued;

    /** {@code priority} 0 = SCHED_OTHER, else SCHED_FIFO at that priority. */
    KthreadWork(Kernel k, String name, int priority, int cpu, Sampler[] lengths, int[] blames) {
        this.task = k.createTask(name, priority > 0 ? SchedPolicy.FIFO : SchedPolicy.OTHER, priority, cpu, this);
        task.markKthread();
        this.lengths = lengths;
        this.blames = blames;
        this.pending = new int[lengths.length];
        this.runs = new long[lengths.length];
    }

    /** Queues {@code n} pieces of kind {@code kind} from this thread's own CPU (hardirq context, e.g. the tick). */
    void queueLocal(int kind, int n) {
        pending[kind] += n;
        if (n > 0 && task.state != TaskState.RUNNING && task.state != TaskState.RUNNABLE) {
            task.cpu.sched.wake(task);
        }
    }

    /** Queues one piece from elsewhere (another CPU): the thread is woken by a reschedule IPI if it sleeps. */
    void queueRemote(int kind) {
        pending[kind]++;
        if (!wakeQueued && task.state != TaskState.RUNNING && task.state != TaskState.RUNNABLE) {
            wakeQueued = true;
            task.cpu.kernel.wakeRemote(task);
        }
    }

    /** Pieces of {@code kind} this thread has started. */
    long runs(int kind) {
        return runs[kind];
    }

    @Override
    public void next(Task t) {
        wakeQueued = false;
        for (int k = 0; k < pending.length; k++) {
            if (pending[k] > 0) {
                pending[k]--;
                runs[k]++;
                t.run(lengths[k].sampleNs(), SegmentKind.KERNEL, blames[k]);
                return;
            }
        }
        t.block();
    }
}
