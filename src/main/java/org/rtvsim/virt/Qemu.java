package org.rtvsim.virt;

import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.kernel.Lock;
import org.rtvsim.kernel.LockKind;
import org.rtvsim.kernel.LockProtocol;
import org.rtvsim.kernel.Task;
import org.rtvsim.kernel.TaskBehaviour;
import org.rtvsim.scenario.QemuSpec;
import org.rtvsim.scenario.SegmentKind;

/**
 * A guest's qemu process on the host: the big qemu lock (a pthread mutex, with priority inheritance when
 * {@code bql_pi}) and the I/O (main-loop) thread, which takes the BQL for its own work at
 * {@code main_loop.rate} (Poisson) and holds it for {@code main_loop.hold}. A vCPU thread emulating a device
 * access takes the same lock ({@link Vcpu#emulatedAccess}), so a preempted I/O thread holding it delays
 * the vCPU: priority inversion on the host, unless the BQL inherits priority.
 */
public final class Qemu implements TaskBehaviour {
    private final Lock bql;
    private final int emulationBlame;
    private final int mainLoopBlame;
    private final Sampler interval;
    private final Sampler hold;
    private final Task ioThread;
    private static final int SLEEP = 0;
    private static final int LOCK = 1;
    private static final int HOLD = 2;
    private int state = SLEEP;

    /** {@code ioMask}: the I/O thread's affinity (io_thread.cpus; null: pinned to {@code ioCpu}), it starts on ioCpu. */
    Qemu(Kernel host, String vmPath, String vmName, QemuSpec spec, int ioCpu, org.rtvsim.engine.CpuSet ioMask,
         boolean noOverheads) {
        this.bql = host.locking().lock("qemu[" + vmName + "] BQL", LockKind.PTHREAD_MUTEX,
                spec.bqlPi() ? LockProtocol.INHERIT : LockProtocol.NONE, 0);
        var blames = host.blames();
        this.emulationBlame = blames.id("qemu: device emulation (" + vmName + ")");
        this.mainLoopBlame = blames.id("qemu: main loop holding the BQL (" + vmName + ")");
        var streams = host.sim().streams();
        this.interval = spec.mainLoopRate() > 0 ? Samplers.of(new DistSpec.Exponential(1e9 / spec.mainLoopRate()),
                streams.stream(vmPath + ".qemu.main_loop.interval")) : null;
        this.hold = Samplers.of(noOverheads ? new DistSpec.Fixed(0) : spec.mainLoopHold(),
                streams.stream(vmPath + ".qemu.main_loop.hold"));
        this.ioThread = host.createTask("qemu-io/" + vmName, spec.ioPolicy(), spec.ioPriority(), ioCpu, ioMask,
                this);
        ioThread.setNice(spec.ioFair().nice());
        ioThread.setSlice(spec.ioFair().sliceNs());
    }

    /** The big qemu lock. */
    public Lock bql() {
        return bql;
    }

    public Task ioThread() {
        return ioThread;
    }

    int emulationBlame() {
        return emulationBlame;
    }

    void start() {
        if (interval != null) {
            ioThread.kernel().wakeLocal(ioThread);
        }
    }

    @Override
    public void next(Task t) {
        switch (state) {
            case SLEEP -> {
                state = LOCK;
                if (!t.sleepUntil(t.now() + interval.sampleNs(), mainLoopBlame)) {
                    next(t);
                }
            }
            case LOCK -> {
                if (bql.owner() != t && !t.lock(bql)) {
                    return; // waits for the BQL; asked again once it holds it
                }
                state = HOLD;
                t.run(hold.sampleNs(), SegmentKind.USER, mainLoopBlame);
            }
            default -> {
                t.unlock(bql);
                state = SLEEP;
                next(t);
            }
        }
    }
}
