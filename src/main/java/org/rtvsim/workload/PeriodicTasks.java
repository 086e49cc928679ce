package org.rtvsim.workload;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.kernel.HrTimer;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.kernel.Task;
import org.rtvsim.kernel.TaskBehaviour;
import org.rtvsim.measure.ResponseTimeRecorder;
import org.rtvsim.scenario.SegmentKind;
import org.rtvsim.scenario.WorkloadSpec.PeriodicSpec;
import org.rtvsim.scenario.WorkloadSpec.PeriodicTaskSpec;

/**
 * A real-time task set: each task is released by its own hrtimer at {@code offset + k·period}; a job's
 * execution time is drawn from {@code wcet} at its release and runs as user code. Jobs released while
 * an earlier one is unfinished wait in order (no job is dropped). Response time = completion − release;
 * a job misses its deadline when its response time exceeds the relative deadline.
 */
public final class PeriodicTasks {
    private final List<Periodic> tasks = new ArrayList<>();

    public PeriodicTasks(Kernel kernel, PeriodicSpec spec, long warmupEndNs) {
        for (int i = 0; i < spec.tasks().size(); i++) {
            tasks.add(new Periodic(kernel, spec.path() + ".tasks[" + spec.tasks().get(i).name() + "]",
                    spec.tasks().get(i), warmupEndNs));
        }
    }

    public List<ResponseTimeRecorder> recorders() {
        List<ResponseTimeRecorder> l = new ArrayList<>();
        for (Periodic p : tasks) {
            l.add(p.recorder);
        }
        return l;
    }

    public void start(long startNs) {
        for (Periodic p : tasks) {
            p.release.start(startNs + p.spec.offsetNs());
        }
    }

    /** One periodic task and its release timer. */
    private static final class Periodic implements TaskBehaviour {
        final PeriodicTaskSpec spec;
        final Task task;
        final HrTimer release;
        final ResponseTimeRecorder recorder;
        private final Sampler wcet;
        private final int blameRun;
        private final long warmupEndNs;
        private long[] releases = new long[8];
        private long[] demands = new long[8];
        private int head;
        private int count;
        private boolean inJob;

        Periodic(Kernel k, String path, PeriodicTaskSpec spec, long warmupEndNs) {
            this.spec = spec;
            this.warmupEndNs = warmupEndNs;
            this.task = k.createTask(spec.name(), spec.policy(), spec.priority(), spec.cpu(), this);
            this.wcet = Samplers.of(spec.wcet(), k.sim().streams().stream(path + ".wcet"));
            this.blameRun = k.blames().id("task " + spec.name() + " (" + spec.policy().key()
                    + (spec.policy().isRealtime() ? " " + spec.priority() : "") + ")");
            this.release = k.newTimer(spec.cpu(), k.blames().id("hrtimer expiry: release of " + spec.name()),
                    t -> onRelease(k));
            this.recorder = new ResponseTimeRecorder(spec.name(), spec.cpu(), spec.priority(), spec.periodNs(),
                    spec.deadlineNs());
        }

        private void onRelease(Kernel k) {
            long releasedAt = release.expiresNs();
            push(releasedAt, wcet.sampleNs());
            release.start(releasedAt + spec.periodNs());
            k.wakeLocal(task);
        }

        private void push(long releaseNs, long demandNs) {
            if (count == releases.length) {
                long[] r = new long[count * 2];
                long[] d = new long[count * 2];
                for (int i = 0; i < count; i++) {
                    r[i] = releases[(head + i) % releases.length];
                    d[i] = demands[(head + i) % releases.length];
                }
                releases = r;
                demands = d;
                head = 0;
            }
            int at = (head + count++) % releases.length;
            releases[at] = releaseNs;
            demands[at] = demandNs;
        }

        @Override
        public void next(Task t) {
            if (inJob) {
                long rel = releases[head];
                head = (head + 1) % releases.length;
                count--;
                inJob = false;
                if (rel >= warmupEndNs) {
                    long response = t.now() - rel;
                    recorder.record(response, response > spec.deadlineNs());
                }
            }
            if (count > 0) {
                inJob = true;
                t.run(demands[head], SegmentKind.USER, blameRun);
            } else {
                t.block();
            }
        }
    }
}
