package org.rtvsim.cli;


import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad lock input and deadlocking scenarios: one line on stderr, exit code 2, no stack trace. */
class LockInputTest {
    @TempDir
    Path dir;

    private Cli run(String tasks, String mutexes) {
        Path f = Cli.write(dir, "locks.yaml", """
                name: locks
                duration: 20ms
                warmup: 0ns
                hardware: {cpus: 1}
                host:
                  kernel: {preempt: rt, overheads: none}
                  workload:
                    - periodic:
                %s
                        tasks:
                %s
                """.formatted(mutexes, tasks));
        return Cli.run("run", f.toString());
    }


    private static final String A = "          - {name: A, period: 100ms, wcet: {fixed: 3ms}, priority: 1, cpu: 0, "
            + "locks: [{lock: %s, offset: 0ns, length: %s}]}";

    @Test
    void undeclaredLock_listsTheDeclaredOnes() {
        Cli.assertBadInput(run(A.formatted("L9", "1ms"), "        mutexes: {L1: {protocol: inherit}}"),
                "locks.yaml:11:", "tasks[0].locks[0].lock", "declared in mutexes (L1)", "'L9'");
    }

    @Test
    void sectionLongerThanWcet_isRejected() {
        Cli.assertBadInput(run(A.formatted("L1", "5ms"), ""), "locks.yaml:11:", "tasks[0].locks[0]",
                "ends at 5ms", "expected offset + length <= wcet");
    }

    @Test
    void unknownProtocol_namesTheValidOnes() {
        Cli.assertBadInput(run(A.formatted("L1", "1ms"), "        mutexes: {L1: {protocol: inheritance}}"),
                "locks.yaml:9:", "mutexes.L1.protocol", "none, inherit, protect");
    }

    @Test
    void deadlockByConstruction_exitsWithTheCycle() {
        String tasks = "          - {name: A, period: 100ms, wcet: {fixed: 3ms}, priority: 1, cpu: 0,\n"
                + "             locks: [{lock: L1, offset: 0ns, length: 3ms}, {lock: L2, offset: 1ms, length: 1ms}]}\n"
                + "          - {name: B, period: 100ms, offset: 500us, wcet: {fixed: 3ms}, priority: 2, cpu: 0,\n"
                + "             locks: [{lock: L2, offset: 0ns, length: 3ms}, {lock: L1, offset: 1ms, length: 1ms}]}";
        Cli.assertBadInput(run(tasks, ""), "deadlocks", "A waits for L2 held by B", "B waits for L1 held by A");
    }
}
