package org.rtvsim.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.engine.StreamRegistry;

/**
 * The menu and teo governors against choices derived by hand from menu.c and teo.c, on the Skylake-SP table
 * (C1 2/2 µs, C1E 10/20 µs, C6 133/600 µs exit latency / target residency), HZ=1000; and the exit-time draw.
 */
class IdleGovernorTest {
    private static final long US = 1_000;
    private static final long TICK = 1_000 * US;

    private static CStates skx(CStates.Governor g) {
        return new CStates(new String[] {"C1", "C1E", "C6"}, new long[] {2 * US, 10 * US, 133 * US},
                new long[] {2 * US, 20 * US, 600 * US}, 2, new int[] {0, 1, 2}).withGovernor(g);
    }

    /** One idle period: the CPU goes idle with the next timer {@code sleep} away and wakes after {@code idle}. */
    private static int period(IdleGovernor g, long sleep, long idle, boolean tickStopped) {
        g.enter(sleep, sleep, tickStopped, TICK);
        return g.exit(idle);
    }

    @Test
    void menu_freshHistory_zeroIntervalsAreTypical_polls() {
        // menu_enable_device zeroes the 8 intervals: average 0, variance 0 <= 400 us^2, so predicted = 0
        assertEquals(-1, period(skx(CStates.Governor.MENU).governor(), 1_000 * US, 1_000 * US, false));
    }

    @Test
    void menu_eightRegularMillisecondPeriods_predictsOneMillisecond_choosesC6() {
        IdleGovernor g = skx(CStates.Governor.MENU).governor();
        for (int i = 0; i < 8; i++) { // 1..7 equal periods are discarded as upside outliers of the zeros: POLL
            assertEquals(-1, period(g, 1_000 * US, 1_000 * US, false));
        }
        // typical interval 1000 us (variance 0); C6's 600 us residency and 133 us exit fit the 1 ms prediction
        assertEquals(2, period(g, 1_000 * US, 1_000 * US, false));
    }

    @Test
    void menu_earlyWakeupAfterC6_paysC6ExitWhereTheOracleWouldPayC1E() {
        IdleGovernor g = trainedMenu(skx(CStates.Governor.MENU));
        g.enter(1_000 * US, 1_000 * US, false, TICK);
        assertEquals(2, g.exit(50 * US)); // an IPI after 50 us: the CPU is in C6
        assertEquals(133 * US, g.exitNs());
        IdleGovernor oracle = skx(CStates.Governor.ORACLE).governor();
        oracle.enter(1_000 * US, 1_000 * US, false, TICK);
        assertEquals(1, oracle.exit(50 * US));
        assertEquals(10 * US, oracle.exitNs());
    }

    @Test
    void menu_earlyWakeup_lowersTheBucketsCorrectionFactor() {
        CStates t = skx(CStates.Governor.MENU);
        MenuGovernor g = (MenuGovernor) trainedMenu(t);
        assertEquals(8192, g.correction[3]); // 1 ms sleep lengths fall in bucket 3 (1..10 ms)
        g.enter(1_000 * US, 1_000 * US, false, TICK);
        g.exit(200 * US); // residency 200 + 133 = 333 us > 2 x 133: minus the exit latency, 200 us measured
        assertEquals(8192 - 1024 + 1024 * 200 / 1000, g.correction[3]);
        // next: 1 ms x 7372/8192 = 900 us, but the intervals {1000 x 7, 200} are irregular (variance 70000 us^2);
        // without the upside outliers only {200} is left, a typical interval of 200 us: C1E, not C6
        g.enter(1_000 * US, 1_000 * US, false, TICK);
        assertEquals(1, g.exit(50 * US)); // residency 50 + 10 = 60 us > 2 x 10: 50 us measured
        assertEquals(7372 - 7372 / 8 + 1024 * 50 / 1000, g.correction[3]);
    }

    @Test
    void menu_pmQosLimit_capsTheExitLatency() {
        CStates t = skx(CStates.Governor.MENU);
        IdleGovernor g = trainedMenu(t);
        t.requestLatencyLimit(10 * US); // C6's 133 us exit is over the limit; C1E's 10 us is not
        assertEquals(1, period(g, 1_000 * US, 1_000 * US, false));
        t.requestLatencyLimit(0);
        assertEquals(-1, period(g, 1_000 * US, 1_000 * US, false));
    }

    private static IdleGovernor trainedMenu(CStates t) {
        IdleGovernor g = t.governor();
        for (int i = 0; i < 9; i++) {
            period(g, 1_000 * US, 1_000 * US, false);
        }
        return g;
    }

    @Test
    void teo_freshHistory_choosesTheDeepestStateThatFitsTheSleepLength() {
        assertEquals(2, period(skx(CStates.Governor.TEO).governor(), 1_000 * US, 1_000 * US, false));
        assertEquals(1, period(skx(CStates.Governor.TEO).governor(), 500 * US, 500 * US, false));
    }

    @Test
    void teo_oneIntercept_movesToTheShallowerState_unlessTheTickIsStopped() {
        CStates t = skx(CStates.Governor.TEO);
        TeoGovernor g = (TeoGovernor) t.governor();
        // C6, woken after 50 us: residency 183 us, measured 183 - 133/2 = 116.5 us -> the C1E bin; sleep bin C6
        assertEquals(2, period(g, 1_000 * US, 50 * US, false));
        assertEquals(1024, g.intercepts[2]);
        assertEquals(0, g.hits[3]);
        // 2 * 1024 intercepts > total 1024 - 0 hits: C1E's bin (middle 310 us) holds over half of them
        g.enter(1_000 * US, 1_000 * US, false, TICK);
        assertEquals(1, g.exit(1_000 * US));
        // same history on a CPU whose tick is stopped: 310 us < TICK_NSEC is not a safe span, so C6 stays
        TeoGovernor h = (TeoGovernor) t.governor();
        period(h, 1_000 * US, 50 * US, true);
        h.enter(1_000 * US, 1_000 * US, true, TICK);
        assertEquals(2, h.exit(1_000 * US));
    }

    @Test
    void teo_pmQosLimit_capsTheCandidate() {
        CStates t = skx(CStates.Governor.TEO);
        t.requestLatencyLimit(10 * US);
        assertEquals(1, period(t.governor(), 1_000 * US, 1_000 * US, false));
    }

    @Test
    void exitFraction_lognormalCappedAtOne_meanAndMedianMatchClosedForm() {
        double median = 0.5 / Math.exp(0.125);
        double sigma = 0.5;
        Sampler f = Samplers.of(new DistSpec.Lognormal(median, sigma, 1.0), new StreamRegistry(7, 0).stream("x"));
        CStates t = skx(CStates.Governor.MENU).withExitCost(f, null);
        int n = 40_000;
        long[] v = new long[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            v[i] = t.sampleExitNs(2);
            sum += v[i];
        }
        // E[min(X, 1)] = E[X; X < 1] + P(X >= 1) for X lognormal(mu = ln median, sigma)
        NormalDistribution z = new NormalDistribution(null, 0, 1);
        double mu = Math.log(median);
        double expected = Math.exp(mu + sigma * sigma / 2) * z.cumulativeProbability((-mu - sigma * sigma) / sigma)
                + (1 - z.cumulativeProbability(-mu / sigma));
        assertEquals(expected * 133 * US, sum / n, 0.01 * expected * 133 * US);
        java.util.Arrays.sort(v);
        assertEquals(median * 133 * US, v[n / 2], 0.02 * median * 133 * US);
        assertEquals(133 * US, v[n - 1]); // the cap: never above the table's worst case
    }

    @Test
    void exitTime_perStateDistribution_replacesTheFraction() {
        Sampler fixed = Samplers.of(new DistSpec.Fixed(40 * US), new StreamRegistry(7, 0).stream("y"));
        CStates t = skx(CStates.Governor.MENU).withExitCost(null, new Sampler[] {null, null, fixed});
        assertEquals(40 * US, t.sampleExitNs(2));
        assertEquals(10 * US, t.sampleExitNs(1));
    }
}
