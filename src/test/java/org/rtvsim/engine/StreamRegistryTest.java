package org.rtvsim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

class StreamRegistryTest {

    private static final long SEED = 20240611L;
    private static final String CYCLICTEST = "host.workload[0].cyclictest";
    private static final String KERNEL = "host.workload[1].kernel_activity";
    private static final String SMI = "hardware.smi";
    private static final int N = 64;

    private static double[] draw(RandomStream s, int n) {
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = s.nextDouble();
        }
        return u;
    }

    private static double[] cyclictestAfterCreating(int replication, String... othersFirst) {
        StreamRegistry reg = new StreamRegistry(SEED, replication);
        for (String p : othersFirst) {
            draw(reg.stream(p), 10);
        }
        return draw(reg.stream(CYCLICTEST), N);
    }

    @Test
    void stream_otherStreamsCreatedBeforeInAnyOrder_numbersUnchanged() {
        for (int r : new int[] {0, 3}) {
            double[] alone = cyclictestAfterCreating(r);
            assertArrayEquals(alone, cyclictestAfterCreating(r, KERNEL), "after kernel_activity");
            assertArrayEquals(alone, cyclictestAfterCreating(r, SMI), "after smi");
            assertArrayEquals(alone, cyclictestAfterCreating(r, KERNEL, SMI), "after kernel, smi");
            assertArrayEquals(alone, cyclictestAfterCreating(r, SMI, KERNEL), "after smi, kernel");
        }
    }

    @Test
    void stream_createdFirstThenOthersCreated_numbersUnchanged() {
        StreamRegistry reg = new StreamRegistry(SEED, 0);
        RandomStream ct = reg.stream(CYCLICTEST);
        double[] head = draw(ct, N / 2);
        reg.stream(SMI).nextDouble();
        reg.stream(KERNEL).nextDouble();
        double[] tail = draw(ct, N / 2);
        double[] both = new double[N];
        System.arraycopy(head, 0, both, 0, N / 2);
        System.arraycopy(tail, 0, both, N / 2, N / 2);
        assertArrayEquals(cyclictestAfterCreating(0), both);
    }

    @Test
    void stream_samePathTwice_returnsSameObject() {
        StreamRegistry reg = new StreamRegistry(SEED, 2);
        assertSame(reg.stream(CYCLICTEST), reg.stream(CYCLICTEST));
    }

    @Test
    void stream_differentPaths_giveDifferentNumbers() {
        StreamRegistry reg = new StreamRegistry(SEED, 0);
        double[] a = draw(reg.stream(CYCLICTEST), N);
        double[] b = draw(reg.stream(KERNEL), N);
        double[] c = draw(reg.stream(SMI), N);
        assertFalse(Arrays.equals(a, b));
        assertFalse(Arrays.equals(a, c));
        assertFalse(Arrays.equals(b, c));
    }

    @Test
    void stream_differentSeeds_giveDifferentNumbers() {
        double[] a = draw(new StreamRegistry(SEED, 0).stream(CYCLICTEST), N);
        double[] b = draw(new StreamRegistry(SEED + 1, 0).stream(CYCLICTEST), N);
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void stream_sameSeedAndPathInFreshRegistry_giveSameNumbers() {
        double[] a = draw(new StreamRegistry(SEED, 5).stream(SMI), N);
        double[] b = draw(new StreamRegistry(SEED, 5).stream(SMI), N);
        assertArrayEquals(a, b);
    }

    @Test
    void stream_nextReplication_differsAndEqualsFreshRegistrysReplication() {
        for (int r = 0; r < 4; r++) {
            double[] thisRep = draw(new StreamRegistry(SEED, r).stream(CYCLICTEST), N);
            double[] nextRep = draw(new StreamRegistry(SEED, r + 1).stream(CYCLICTEST), N);
            assertFalse(Arrays.equals(thisRep, nextRep), "replication " + r + " vs " + (r + 1));
            // moving on with SSJ's own substream step lands on the fresh registry's r + 1
            RandomStream s = new StreamRegistry(SEED, r).stream(CYCLICTEST);
            s.resetNextSubstream();
            assertArrayEquals(nextRep, draw(s, N), "resetNextSubstream from " + r);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 7, 37, 100})
    void jumpToSubstream_equalsResetNextSubstreamRepeated(int r) {
        long[] seed = StreamRegistry.seedFor(SEED, CYCLICTEST);
        MRG32k3a jumped = new MRG32k3a();
        jumped.setSeed(StreamRegistry.jumpToSubstream(seed, r));
        assertArrayEquals(draw(freshAt(seed, r), N), draw(jumped, N));
        assertArrayEquals(draw(freshAt(seed, r), N),
                draw(new StreamRegistry(SEED, r).stream(CYCLICTEST), N));
    }

    private static MRG32k3a freshAt(long[] seed, int r) {
        MRG32k3a s = new MRG32k3a();
        s.setSeed(seed);
        for (int i = 0; i < r; i++) {
            s.resetNextSubstream();
        }
        return s;
    }

    @Test
    void seedFor_manyPaths_withinMrg32k3aRanges() {
        for (int i = 0; i < 2000; i++) {
            long[] s = StreamRegistry.seedFor(i * 7919L, "c[" + i + "]");
            for (int k = 0; k < 6; k++) {
                assertTrue(s[k] >= 0 && s[k] < (k < 3 ? StreamRegistry.M1 : StreamRegistry.M2));
            }
            assertFalse(s[0] == 0 && s[1] == 0 && s[2] == 0);
            assertFalse(s[3] == 0 && s[4] == 0 && s[5] == 0);
        }
    }

    @Test
    void constructor_negativeReplication_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new StreamRegistry(SEED, -1));
    }

    @Test
    void registriesBuiltConcurrentlyOnFourThreads_drawLikeSequential() throws Exception {
        String[] paths = {CYCLICTEST, KERNEL, SMI, "vms[rt].vcpu[3].tick"};
        int threads = 4;
        int perThread = 25;
        List<double[]> sequential = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            sequential.add(drawAll(t, perThread, paths));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<double[]>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<double[]> job = () -> {
                    start.await();
                    return drawAll(thread, perThread, paths);
                };
                futures.add(pool.submit(job));
            }
            start.countDown();
            for (int t = 0; t < threads; t++) {
                assertArrayEquals(sequential.get(t), futures.get(t).get(), "thread " + t);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Builds {@code count} registries (replications thread*count ...) and draws from each path. */
    private static double[] drawAll(int thread, int count, String[] paths) {
        double[] out = new double[count * paths.length * 8];
        int i = 0;
        for (int k = 0; k < count; k++) {
            StreamRegistry reg = new StreamRegistry(SEED, thread * count + k);
            for (String p : paths) {
                // rival threads also hammer SSJ's own constructor, which must not matter to us
                new MRG32k3a();
                for (double u : draw(reg.stream(p), 8)) {
                    out[i++] = u;
                }
            }
        }
        return out;
    }
}
