package org.rtvsim.kernel;

import org.rtvsim.measure.TraceSink;

/**
 * One CPU's reports to an optional timeline {@link TraceSink}: what occupies the CPU (only when it
 * changes), task state changes and point events. Without a sink every call returns at once, so a run
 * without a trace pays one null check per report.
 */
final class CpuTrace {
    private final Cpu cpu;
    TraceSink sink;
    /** The CPU's id in the trace (a guest's CPUs are numbered apart from the host's) and the task-name prefix. */
    int traceId = -1;
    String taskPrefix = "";
    /** Added to the pids of this kernel's tasks (a guest's tasks are numbered apart from the host's). */
    int pidBase;
    private int lastBlame = -1;
    private TraceSink.Slice lastKind;
    private String lastTask;

    CpuTrace(Cpu cpu) {
        this.cpu = cpu; // (cpu.id is not set yet here: see id())
    }

    /** The CPU's id in the trace: its own, or the one a guest kernel gave it. */
    private int id() {
        return traceId >= 0 ? traceId : cpu.id;
    }

    private String named(String task) {
        return task == null || taskPrefix.isEmpty() ? task : taskPrefix + task;
    }

    boolean on() {
        return sink != null;
    }

    /** Whether an event now would be kept (callers skip building detail strings otherwise). */
    boolean wantsNow() {
        return sink != null && sink.wants(cpu.now());
    }

    /** A segment labelled {@code blame} starts: in an interrupt frame (softirq or hardirq), or at task level. */
    void segment(int blame, boolean inFrame, boolean softirq) {
        CpuScheduler sched = cpu.sched;
        if (inFrame) {
            occupy(softirq ? TraceSink.Slice.SOFTIRQ : TraceSink.Slice.HARDIRQ, blame,
                    sched.curr == null ? null : sched.curr.name);
        } else if (sched.state == CpuScheduler.SWITCHING) {
            occupy(TraceSink.Slice.SWITCH, blame, sched.switchTo.name);
        } else if (sched.state == CpuScheduler.WAKING) {
            occupy(TraceSink.Slice.CSTATE_EXIT, blame, null);
        } else {
            occupy(TraceSink.Slice.TASK, blame, sched.curr.name);
        }
    }

    /** The CPU is occupied by {@code blame}'s label (of kind {@code kind}, in task {@code task}'s context). */
    void occupy(TraceSink.Slice kind, int blame, String task) {
        if (sink == null || (blame == lastBlame && kind == lastKind && task == lastTask)) {
            return;
        }
        lastBlame = blame;
        lastKind = kind;
        lastTask = task;
        long now = cpu.now();
        if (sink.wants(now)) {
            sink.occupy(now, id(), kind, cpu.kernel.blames().label(blame), named(task));
        }
    }

    /** {@code t} runs now: boosted when PI or a ceiling raised its priority. */
    void running(Task t) {
        state(t, t.priority > t.basePriority ? TraceSink.TaskState.BOOSTED_RUNNING : TraceSink.TaskState.RUNNING,
                null);
    }

    void state(Task t, TraceSink.TaskState s, String detail) {
        long now = cpu.now();
        if (sink != null && sink.wants(now)) {
            describe(t);
            sink.taskState(now, id(), named(t.name), s, detail);
        }
    }

    /** Tells the sink {@code t}'s pid and kernel priority before its first event. */
    private void describe(Task t) {
        if (t != null && !t.traceDescribed) {
            t.traceDescribed = true;
            sink.describeTask(named(t.name), pidBase + t.pid, kernelPrio(t.policy, t.basePriority, t.nice));
        }
    }

    /** The kernel's {@code prio} of a task: {@code 99 - rtprio} for FIFO/RR, {@code 120 + nice} otherwise. */
    static int kernelPrio(org.rtvsim.scenario.SchedPolicy policy, int rtPriority, int nice) {
        return policy.isRealtime() ? 99 - rtPriority : 120 + nice;
    }

    void instant(TraceSink.Instant kind, Task t, String detail) {
        long now = cpu.now();
        if (sink != null && sink.wants(now)) {
            describe(t);
            sink.instant(now, id(), kind, t == null ? null : named(t.name), detail);
        }
    }
}
