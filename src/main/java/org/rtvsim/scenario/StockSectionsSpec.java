package org.rtvsim.scenario;

import org.rtvsim.engine.DistSpec;

/**
 * The long sections of a stock (non-RT) kernel ({@code kernel.stock_sections:}, host or guest kernel): softirq
 * batches under network or block load, RCU callback floods, page reclaim and compaction stalls, printk to a
 * serial console, and long irqs-off regions of drivers. A null source is off; absent, every source is off, so
 * scenarios without the key do not change. Rates in Hz, lengths in ns. Defaults and sources:
 * docs/model-reference.md §7c.
 *
 * @param softirq NET_RX / block-completion batches: a device interrupt per CPU of {@code irqaffinity} whose
 *                softirq work lasts a draw of {@code length}; rate per CPU
 * @param rcu     RCU callback floods (a queue above qhimark, invoked without the blimit batch limit); per CPU
 * @param reclaim direct page reclaim or compaction stalls in the allocating task; per housekeeping CPU
 * @param printk  a console line written to a legacy serial console with irqs off; rate for the whole kernel
 * @param irqoff  long irqs-off regions of drivers (spin_lock_irqsave on a device's lock); per housekeeping CPU
 */
public record StockSectionsSpec(Source softirq, Source rcu, Source reclaim, Source printk, Source irqoff) {

    /** Sections arriving as a Poisson stream of {@code rateHz}, each lasting a draw of {@code length}. */
    public record Source(double rateHz, DistSpec length) {
    }

    /** Whether any source is on. */
    public boolean any() {
        return softirq != null || rcu != null || reclaim != null || printk != null || irqoff != null;
    }
}
