package org.rtvsim.scenario;

import org.rtvsim.engine.DistSpec;

/**
 * Binds {@code kernel.stock_sections:} to a {@link StockSectionsSpec}: absent or {@code off} = every source off;
 * a source given as a mapping (even empty) is on, with the defaults of the keys it leaves out; a source may be
 * {@code off}.
 */
final class StockSectionsBinder {
    private StockSectionsBinder() {
    }

    static StockSectionsSpec bind(Section k) {
        if (!k.has("stock_sections") || k.isOff("stock_sections")) {
            return new StockSectionsSpec(null, null, null, null, null);
        }
        Section s = k.section("stock_sections", Schema.Shape.STOCK_SECTIONS);
        return new StockSectionsSpec(
                source(s, "softirq", Defaults.STOCK_SOFTIRQ_RATE_HZ, Defaults.STOCK_SOFTIRQ_LENGTH),
                source(s, "rcu", Defaults.STOCK_RCU_RATE_HZ, Defaults.STOCK_RCU_LENGTH),
                source(s, "reclaim", Defaults.STOCK_RECLAIM_RATE_HZ, Defaults.STOCK_RECLAIM_LENGTH),
                source(s, "printk", Defaults.STOCK_PRINTK_RATE_HZ, Defaults.STOCK_PRINTK_LENGTH),
                source(s, "irqoff", Defaults.STOCK_IRQOFF_RATE_HZ, Defaults.STOCK_IRQOFF_LENGTH));
    }

    private static StockSectionsSpec.Source source(Section s, String key, double defRate, DistSpec defLength) {
        if (!s.has(key) || s.isOff(key)) {
            return null;
        }
        Section src = s.section(key, Schema.Shape.STOCK_SOURCE);
        return new StockSectionsSpec.Source(src.frequencyHz("rate", defRate), src.dist("length", defLength));
    }
}
