package org.rtvsim.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

/**
 * The named random streams of one simulation run: one MRG32k3a per component path ({@link Mrg32k3aStream},
 * the same numbers as SSJ's {@link MRG32k3a} in integer arithmetic),
 * positioned at substream {@code replication}. Draws are uniforms on (0,1); units come from the
 * {@link Sampler}s built over them.
 *
 * <p><b>Derivation.</b> A path's stream seed depends on (scenario seed, path) only, never on which
 * other streams exist or in which order they were asked for:
 * <ol>
 *   <li>{@code h = SHA-256(bigEndian64(scenarioSeed) || UTF-8(componentPath))};
 *   <li>the first 24 bytes of {@code h} are read as six unsigned big-endian 32-bit integers
 *       {@code w0..w5};
 *   <li>{@code seed[i] = w_i mod 4294967087} for i = 0..2 and {@code w_i mod 4294944443} for
 *       i = 3..5 (MRG32k3a's moduli m1 and m2);
 *   <li>if a triple is all zero (which MRG32k3a forbids), its first element is set to 1.
 * </ol>
 * The stream is then advanced to substream {@code replication} by multiplying the seed with
 * MRG32k3a's substream jump matrices raised to that power (the same state as calling
 * {@code resetNextSubstream()} {@code replication} times, in O(log r) instead of O(r)). The
 * returned stream therefore <em>starts</em> at substream r: {@code resetStartStream()} and
 * {@code resetStartSubstream()} both return to the beginning of replication r's numbers, and
 * {@code resetNextSubstream()} moves to substream r+1.
 *
 * <p><b>Threads.</b> Streams are built from their own seed only (never with SSJ MRG32k3a's constructor,
 * whose shared static seed is advanced without synchronisation). Registries for different replications can be
 * built and used on different threads with identical results. One registry belongs to one run;
 * {@link #stream} is synchronised only so that a misuse cannot corrupt the map.
 *
 * @see <a href="https://doi.org/10.1287/opre.50.6.1073.358">L'Ecuyer et al. 2002, An
 *     object-oriented random-number package with many long streams and substreams</a>
 */
public final class StreamRegistry {

    static final long M1 = 4294967087L;
    static final long M2 = 4294944443L;

    /** MRG32k3a's first-component matrix raised to 2^76 (one substream jump), mod m1. */
    private static final long[][] A1P76 = {
        {82758667L, 1871391091L, 4127413238L},
        {3672831523L, 69195019L, 1871391091L},
        {3672091415L, 3528743235L, 69195019L}};

    /** MRG32k3a's second-component matrix raised to 2^76, mod m2. */
    private static final long[][] A2P76 = {
        {1511326704L, 3759209742L, 1610795712L},
        {4292754251L, 1511326704L, 3889917532L},
        {3859662829L, 4292754251L, 3708466080L}};

    private final long scenarioSeed;
    private final int replication;
    private final Map<String, Mrg32k3aStream> streams = new HashMap<>();

    /**
     * Creates the registry of one run.
     *
     * @param scenarioSeed the scenario's seed
     * @param replication replication index r ≥ 0; every stream is placed at substream r
     */
    public StreamRegistry(long scenarioSeed, int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, got " + replication);
        }
        this.scenarioSeed = scenarioSeed;
        this.replication = replication;
    }

    public long scenarioSeed() {
        return scenarioSeed;
    }

    public int replication() {
        return replication;
    }

    /**
     * Returns the stream of a component, creating it on first request; the same path always gives
     * the same object within this registry.
     *
     * @param componentPath the component's path in the scenario, e.g. {@code vms[rt].vcpu[3].tick}
     */
    public synchronized RandomStream stream(String componentPath) {
        if (componentPath == null || componentPath.isBlank()) {
            throw new IllegalArgumentException("component path must be non-empty");
        }
        return streams.computeIfAbsent(componentPath, this::create);
    }

    private Mrg32k3aStream create(String componentPath) {
        return new Mrg32k3aStream(jumpToSubstream(seedFor(scenarioSeed, componentPath), replication));
    }

    /** The six-element MRG32k3a seed of (scenarioSeed, componentPath), substream 0. */
    static long[] seedFor(long scenarioSeed, String componentPath) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(scenarioSeed).array());
        sha.update(componentPath.getBytes(StandardCharsets.UTF_8));
        ByteBuffer h = ByteBuffer.wrap(sha.digest());
        long[] seed = new long[6];
        for (int i = 0; i < 6; i++) {
            long w = Integer.toUnsignedLong(h.getInt());
            seed[i] = w % (i < 3 ? M1 : M2);
        }
        if (seed[0] == 0 && seed[1] == 0 && seed[2] == 0) {
            seed[0] = 1;
        }
        if (seed[3] == 0 && seed[4] == 0 && seed[5] == 0) {
            seed[3] = 1;
        }
        return seed;
    }

    /** The state at the start of substream {@code r} of the stream starting at {@code seed}. */
    static long[] jumpToSubstream(long[] seed, int r) {
        long[][] a1 = matPow(A1P76, r, M1);
        long[][] a2 = matPow(A2P76, r, M2);
        long[] out = new long[6];
        for (int i = 0; i < 3; i++) {
            long s1 = 0;
            long s2 = 0;
            for (int k = 0; k < 3; k++) {
                s1 = (s1 + mulMod(a1[i][k], seed[k], M1)) % M1;
                s2 = (s2 + mulMod(a2[i][k], seed[3 + k], M2)) % M2;
            }
            out[i] = s1;
            out[3 + i] = s2;
        }
        return out;
    }

    private static long[][] matPow(long[][] a, int e, long m) {
        long[][] result = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        long[][] base = a;
        while (e > 0) {
            if ((e & 1) != 0) {
                result = matMul(result, base, m);
            }
            base = matMul(base, base, m);
            e >>>= 1;
        }
        return result;
    }

    private static long[][] matMul(long[][] a, long[][] b, long m) {
        long[][] c = new long[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                long s = 0;
                for (int k = 0; k < 3; k++) {
                    s = (s + mulMod(a[i][k], b[k][j], m)) % m;
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    /** (a·b) mod m for 0 ≤ a, b &lt; m &lt; 2^32, without overflowing a long. */
    private static long mulMod(long a, long b, long m) {
        long hi = (a * (b >>> 16)) % m;
        return ((hi << 16) + a * (b & 0xFFFF)) % m;
    }
}
