package org.rtvsim.kernel;

/**
 * A host CPU's part in running vCPU threads (created when the first vCPU thread is placed on it): the
 * VM exit a host interrupt forces while a vCPU is in guest mode, the way back in before guest mode
 * resumes, the guest CPU's supply (told when the guest-mode segment starts and stops executing), and
 * the guest CPUs that follow this CPU's attribution label while they have no supply.
 */
final class VcpuHosting {
    private final Cpu cpu;
    /** The vCPU thread whose guest-mode segment executes now, or null. */
    private Task guestOn;
    private BlameFollower[] followers = new BlameFollower[0];
    final Transition exit = new Transition(true);
    final Transition entry = new Transition(false);

    VcpuHosting(Cpu cpu) {
        this.cpu = cpu;
    }

    private java.util.function.Consumer<Task>[] wakeWatchers = newWatchers(0);

    @SuppressWarnings("unchecked")
    private static java.util.function.Consumer<Task>[] newWatchers(int n) {
        return (java.util.function.Consumer<Task>[]) new java.util.function.Consumer<?>[n];
    }

    void addWakeWatcher(java.util.function.Consumer<Task> w) {
        wakeWatchers = java.util.Arrays.copyOf(wakeWatchers, wakeWatchers.length + 1);
        wakeWatchers[wakeWatchers.length - 1] = w;
    }

    /** A task was woken onto this CPU (it became runnable here). */
    void taskWoken(Task t) {
        for (java.util.function.Consumer<Task> w : wakeWatchers) {
            w.accept(t);
        }
    }

    void addFollower(BlameFollower f) {
        followers = java.util.Arrays.copyOf(followers, followers.length + 1);
        followers[followers.length - 1] = f;
    }

    /** A host interrupt is about to be delivered over task {@code t}'s segment: true if that needs an exit first. */
    boolean needsExit(Task t) {
        return t != null && t.seg.live && t.seg.guest && !t.guestExited && t.guestMode != null;
    }

    /** Guest mode of {@code t} is about to resume: true if the way back in must run first. */
    boolean needsEntry(Task t) {
        return t != null && t.seg.guest && t.guestExited && t.guestMode != null;
    }

    /** After every dispatch: tells the vCPU threads whose guest mode started or stopped executing. */
    void sync(Task executingGuest) {
        if (executingGuest == guestOn) {
            return;
        }
        Task old = guestOn;
        guestOn = executingGuest;
        if (old != null) {
            old.guestMode.left();
        }
        if (executingGuest != null && guestOn == executingGuest) {
            executingGuest.guestMode.entered();
        }
    }

    void blameChanged() {
        for (BlameFollower f : followers) {
            f.hostBlameChanged();
        }
    }

    /** A frame running a VM exit (forced by an interrupt) or the way back into guest mode. */
    final class Transition extends IrqActivity {
        private final boolean isExit;
        Task vcpu;

        Transition(boolean isExit) {
            this.isExit = isExit;
        }

        @Override
        boolean start(Cpu c, Segment seg) {
            if (isExit) {
                vcpu.guestExited = true;
                long ns = vcpu.guestMode.asyncExitNs();
                seg.setIrq(ns, true, vcpu.guestMode.stepBlame());
                return true;
            }
            vcpu.guestExited = false;
            return next(c, seg);
        }

        @Override
        boolean next(Cpu c, Segment seg) {
            if (isExit || !vcpu.guestMode.nextEntryStep()) {
                return false;
            }
            seg.setIrq(vcpu.guestMode.stepNs(), true, vcpu.guestMode.stepBlame());
            return true;
        }
    }
}
