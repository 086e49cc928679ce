package org.rtvsim.scenario;

/**
 * Binds {@code kernel.housekeeping:} (host or guest kernel) to a {@link HousekeepingSpec}: absent = every
 * source with its default, {@code off} = none, and each source may itself be {@code off}.
 */
final class HousekeepingBinder {
    private HousekeepingBinder() {
    }

    /** Null when the section is {@code off}. */
    static HousekeepingSpec bind(Section k) {
        if (k.isOff("housekeeping")) {
            return null;
        }
        Section h = k.section("housekeeping", Schema.Shape.HOUSEKEEPING);
        HousekeepingSpec.RateWork rcu = h.isOff("rcu_callbacks") ? null
                : rate(h.section("rcu_callbacks", Schema.Shape.HK_RATE), Defaults.HK_RCU_RATE_HZ,
                Defaults.HK_RCU_DURATION);
        HousekeepingSpec.PeriodicWork vmstat = null;
        if (!h.isOff("vmstat")) {
            Section v = h.section("vmstat", Schema.Shape.HK_PERIODIC);
            vmstat = new HousekeepingSpec.PeriodicWork(v.positiveDurationNs("interval", Defaults.HK_VMSTAT_INTERVAL_NS),
                    v.dist("duration", Defaults.HK_VMSTAT_DURATION));
        }
        HousekeepingSpec.KworkerWork kworker = null;
        if (!h.isOff("kworker")) {
            Section w = h.section("kworker", Schema.Shape.HK_KWORKER);
            kworker = new HousekeepingSpec.KworkerWork(w.frequencyHz("rate", Defaults.HK_KWORKER_RATE_HZ),
                    w.frequencyHz("unbound_rate", Defaults.HK_KWORKER_UNBOUND_RATE_HZ),
                    w.dist("duration", Defaults.HK_KWORKER_DURATION));
        }
        HousekeepingSpec.RateWork timer = h.isOff("timer_softirq") ? null
                : rate(h.section("timer_softirq", Schema.Shape.HK_RATE), Defaults.HK_TIMER_SOFTIRQ_RATE_HZ,
                Defaults.HK_TIMER_SOFTIRQ_DURATION);
        int prio = h.integer("rcu_kthread_prio", -1, 0, 99);
        return new HousekeepingSpec(rcu, vmstat, kworker, timer, prio);
    }

    private static HousekeepingSpec.RateWork rate(Section s, double defRate, org.rtvsim.engine.DistSpec defDuration) {
        return new HousekeepingSpec.RateWork(s.frequencyHz("rate", defRate), s.dist("duration", defDuration));
    }
}
