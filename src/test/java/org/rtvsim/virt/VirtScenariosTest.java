package org.rtvsim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * The KVM scenarios' mechanisms end to end: the BQL inversion (with and without bql_pi), a guest lock
 * holder preempted by the host, overcommit flagged, determinism with several guests.
 */
class VirtScenariosTest {

    static RunResult run(String file, long durationNs, String... sets) {
        var spec = ScenarioLoader.load(Path.of("scenarios", file), List.of(sets));
        return SingleRun.run(spec.withDuration(durationNs), 0);
    }

    static ThreadResult worst(RunResult r) {
        return r.threads().stream().max(java.util.Comparator.comparingLong(ThreadResult::maxNs)).orElseThrow();
    }

    static long labelNs(Attribution a, String prefix) {
        return a.components().stream().filter(c -> c.label().startsWith(prefix)).mapToLong(Attribution.Component::ns)
                .sum();
    }

    @Test
    void bqlInversion_appearsWithoutPi_andDisappearsWithIt() {
        ThreadResult noPi = worst(run("kvm-bql-inversion.yaml", 2_000_000_000L, "vms[rt].qemu.bql_pi=false"));
        ThreadResult pi = worst(run("kvm-bql-inversion.yaml", 2_000_000_000L, "vms[rt].qemu.bql_pi=true"));
        assertTrue(noPi.maxNs() > 1_000_000, "inversion: the vCPU waits behind the 3 ms medium task: " + noPi.maxNs());
        assertTrue(labelNs(noPi.maxSample(), "qemu: waiting for the BQL") > noPi.maxNs() / 2,
                "the BQL wait owns the worst sample: " + noPi.maxSample());
        assertTrue(pi.maxNs() < 500_000, "with bql_pi the wait is about the hold time: " + pi.maxNs());
    }

    @Test
    void idlePollFifoVcpu_withoutThrottling_starvesHostKthreads() {
        RunResult r = run("kvm-idle-poll-starvation.yaml", 500_000_000L);
        assertTrue(r.starvation().stream().anyMatch(f -> f.task().startsWith("rcuc/") && f.runnableAtEnd()
                && f.cpu() >= 4 && f.cpu() <= 11), "rcuc on a vCPU's host CPU starves: " + r.starvation());
        RunResult part = run("kvm-rt-partitioned.yaml", 500_000_000L);
        assertTrue(part.starvation().stream().noneMatch(f -> f.cpu() >= 4 && f.cpu() <= 11),
                "partitioned: nothing lands on the vCPUs' CPUs: " + part.starvation());
    }

    @Test
    void overcommit_isFlagged() {
        RunResult r = run("kvm-overcommit.yaml", 100_000_000L);
        assertEquals(4, r.notes().stream().filter(n -> n.startsWith("overcommitted: host CPU")).count(), "" + r.notes());
        assertTrue(run("kvm-rt-partitioned.yaml", 100_000_000L).notes().stream()
                .noneMatch(n -> n.startsWith("overcommitted")));
    }

    @Test
    void guestLockHolderPreemptedByTheHost_keepsTheWaiterWaiting() {
        // holder (guest vCPU 0) takes a PI mutex for 1 ms at t=10 ms; a host FIFO 50 task preempts vCPU 0's
        // thread (FIFO 1) for 2 ms at t=10.2 ms; the waiter on vCPU 1 blocks from t=10.5 ms: the guest boosts
        // the holder, but the host cannot (no inheritance across the boundary), so the wait includes the host
        // task's 2 ms, charged to it
        String yaml = """
                name: lhp
                duration: 30ms
                warmup: 0ns
                hardware: {cpus: 2, cstates: {max_cstate: C0}}
                host:
                  kernel: {preempt: rt, rt_throttling: off}
                  workload:
                    - periodic: {tasks: [{name: hostapp, period: 100ms, offset: 10200us, wcet: {fixed: 2ms},
                                          priority: 50, cpu: 0}]}
                vms:
                  - name: g
                    vcpus: 2
                    pin: "0-1"
                    idle: poll
                    qemu: {main_loop: {rate: "off"}}
                    kernel: {preempt: rt}
                    workload:
                      - periodic:
                          mutexes: {l: {kind: pthread_mutex, protocol: inherit}}
                          tasks:
                            - {name: holder, period: 100ms, offset: 10ms, wcet: {fixed: 1ms}, priority: 10, cpu: 0,
                               locks: [{lock: l, offset: 0ns, length: 1ms}]}
                            - {name: waiter, period: 100ms, offset: 10500us, wcet: {fixed: 100us}, priority: 90,
                               cpu: 1, locks: [{lock: l, offset: 0ns, length: 100us}]}
                """;
        RunResult r = SingleRun.run(ScenarioLoader.loadString(yaml, "lhp.yaml", List.of()), 0);
        var waiter = r.tasks().stream().filter(t -> t.task().equals("waiter")).findFirst().orElseThrow();
        assertTrue(waiter.maxNs() > 2_500_000, "the wait spans the host preemption: " + waiter.maxNs());
        // the host task runs from 10.2 to 12.2 ms; the waiter waits from 10.5 ms: 1.7 ms of it is the host's
        long host = labelNs(waiter.worstJob(), "lock holder holder preempted by host: task hostapp");
        assertTrue(host >= 1_650_000 && host <= 1_750_000, "charged to the host's task: " + waiter.worstJob());
    }

    @Test
    void severalGuests_areDeterministic() {
        String yaml = """
                name: two
                duration: 300ms
                hardware: {cpus: 4}
                host: {kernel: {preempt: rt}, workload: [{kernel_activity: {cpus: "0-3"}}]}
                vms:
                  - {name: a, vcpus: 2, pin: "1-2", idle: halt, kernel: {preempt: rt},
                     workload: [{cyclictest: {threads: 2, priority: 95, policy: fifo}},
                                {emulated_io: {cpus: "0", rate: 500hz, service: {fixed: 20us}}}]}
                  - {name: b, vcpus: 2, pin: "2-3", idle: poll, kernel: {preempt: full},
                     workload: [{cyclictest: {threads: 2, priority: 95, policy: fifo}}]}
                """;
        RunResult a = SingleRun.run(ScenarioLoader.loadString(yaml, "two.yaml", List.of()), 0);
        RunResult b = SingleRun.run(ScenarioLoader.loadString(yaml, "two.yaml", List.of()), 0);
        assertEquals(4, a.threads().size());
        assertEquals(a.events(), b.events());
        assertEquals(a.threads().size(), b.threads().size());
        for (int i = 0; i < a.threads().size(); i++) {
            assertEquals(a.threads().get(i).sumNs(), b.threads().get(i).sumNs());
            assertEquals(a.threads().get(i).maxNs(), b.threads().get(i).maxNs());
        }
    }
}
