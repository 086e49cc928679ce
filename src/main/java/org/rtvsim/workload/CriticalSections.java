package org.rtvsim.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.rtvsim.kernel.Lock;
import org.rtvsim.kernel.LockKind;
import org.rtvsim.scenario.SegmentKind;
import org.rtvsim.scenario.WorkloadSpec.CriticalSectionSpec;

/**
 * A job's critical sections as a sorted list of lock operations at offsets into its execution time
 * (ns): take L at {@code offset}, release it at {@code offset + length}. At one offset releases come
 * before acquisitions; an outer (longer) section is taken before an inner one and released after it,
 * so nested sections nest.
 */
final class CriticalSections {
    final long[] offsetNs;
    final Lock[] lock;
    final boolean[] acquire;
    /** End of the last critical section: a job's demand is never shorter. */
    final long lastEndNs;

    private record Op(long at, Lock lock, boolean acquire, long length) {
    }

    CriticalSections(List<CriticalSectionSpec> sections, java.util.function.Function<String, Lock> locks) {
        List<Op> ops = new ArrayList<>();
        long last = 0;
        for (CriticalSectionSpec cs : sections) {
            Lock l = locks.apply(cs.lock());
            ops.add(new Op(cs.offsetNs(), l, true, cs.lengthNs()));
            ops.add(new Op(cs.offsetNs() + cs.lengthNs(), l, false, cs.lengthNs()));
            last = Math.max(last, cs.offsetNs() + cs.lengthNs());
        }
        ops.sort(Comparator.comparingLong(Op::at)
                .thenComparing(o -> o.acquire)                                  // releases first
                .thenComparingLong(o -> o.acquire ? -o.length : o.length));     // outer taken first, released last
        offsetNs = new long[ops.size()];
        lock = new Lock[ops.size()];
        acquire = new boolean[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            offsetNs[i] = ops.get(i).at;
            lock[i] = ops.get(i).lock;
            acquire[i] = ops.get(i).acquire;
        }
        lastEndNs = last;
    }

    int size() {
        return offsetNs.length;
    }

    /** What code inside a section of this lock is, for the preemption model. */
    static SegmentKind sectionKind(Lock lock) {
        if (lock.irqsOff()) {
            return SegmentKind.IRQOFF;
        }
        return switch (lock.kind()) {
            case PTHREAD_MUTEX -> SegmentKind.USER;
            case RT_MUTEX, MUTEX -> SegmentKind.KERNEL;
            case SPINLOCK -> SegmentKind.SPINLOCK;
            case RAW_SPINLOCK -> SegmentKind.RAW_SPINLOCK;
        };
    }
}
