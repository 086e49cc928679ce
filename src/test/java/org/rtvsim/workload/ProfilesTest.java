package org.rtvsim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.engine.StreamRegistry;
import org.rtvsim.scenario.SegmentKind;
import org.rtvsim.scenario.WorkloadSpec.SectionShapeSpec;
import org.rtvsim.scenario.WorkloadSpec.SegmentSpec;
import org.rtvsim.workload.Profiles.SectionShape;

/**
 * The profiles' section lengths against their source: the irqs-off histogram of Hallinan (Embedded Linux Primer,
 * 2nd ed., Listing 17-6: 60 097 595 sections; 13 475 417 in the 0 µs bucket, 38 914 907 in 1 µs, 2 714 349 in 2 µs,
 * max 97 µs), and the section-shape override.
 */
class ProfilesTest {
    private static final double N = 60_097_595;
    private static final double BELOW_1US = 13_475_417 / N;
    private static final double BELOW_2US = (13_475_417 + 38_914_907) / N;
    private static final double BELOW_3US = (13_475_417 + 38_914_907 + 2_714_349) / N;

    @Test
    void measuredSections_reproduceTheHistogramBuckets() {
        Sampler s = Samplers.of(Profiles.MEASURED_SECTIONS.dist(), new StreamRegistry(1, 0).stream("profiles.test"));
        int n = 400_000;
        int b1 = 0;
        int b2 = 0;
        int b3 = 0;
        for (int i = 0; i < n; i++) {
            long x = s.sampleNs();
            b1 += x < 1_000 ? 1 : 0;
            b2 += x < 2_000 ? 1 : 0;
            b3 += x < 3_000 ? 1 : 0;
        }
        // sampling error sd ≤ 0.0008 at n = 400 000; the fit itself is within 0.002 of each bucket
        assertEquals(BELOW_1US, (double) b1 / n, 0.005, "< 1 us");
        assertEquals(BELOW_2US, (double) b2 / n, 0.005, "< 2 us");
        assertEquals(BELOW_3US, (double) b3 / n, 0.005, "< 3 us");
    }

    @Test
    void measuredSections_tailPutsTheMedianMaximumAtTheMeasuredMax() {
        SectionShape m = Profiles.MEASURED_SECTIONS;
        double tailDraws = m.tailProbability() * N;
        // median of the largest of n Pareto draws: x_min (n / ln 2)^(1/alpha)
        double medianMaxNs = m.tailXminNs() * Math.pow(tailDraws / Math.log(2), 1 / m.tailAlpha());
        assertEquals(97_000, medianMaxNs, 5_000);
        assertEquals(1 - BELOW_3US, m.tailProbability(), 0.001);
        assertEquals(260_000, m.capNs());
    }

    @Test
    void everyProfile_drawsItsSectionsFromTheShape_andItsKernelCodeWithoutHeavyTail() {
        SectionShape shape = new SectionShape(2_000, 0.5, 2, 10_000, 0.01, 1_000_000);
        for (String name : Profiles.NAMES) {
            Profiles.Profile p = Profiles.get(name, shape);
            assertFalse(Profiles.sectionIndices(p).isEmpty(), name);
            for (int i : Profiles.sectionIndices(p)) {
                assertEquals(shape.dist(), p.segments().get(i).length(), name + " segment " + i);
            }
            for (SegmentSpec seg : p.segments()) {
                if (seg.kind() == SegmentKind.KERNEL) {
                    DistSpec.Lognormal l = assertInstanceOf(DistSpec.Lognormal.class, seg.length(), name);
                    assertEquals(Profiles.KERNEL_CAP_NS, l.cap(), name);
                }
            }
        }
    }

    @Test
    void sectionsOverride_replacesOnlyTheGivenFields() {
        SectionShape s = Profiles.MEASURED_SECTIONS.with(new SectionShapeSpec(Double.NaN, Double.NaN, 1.5,
                Double.NaN, 0.2, Double.NaN));
        assertEquals(new SectionShape(1_230, 0.30, 1.5, 3_000, 0.2, 260_000), s);
        SectionShape noTail = Profiles.MEASURED_SECTIONS.with(new SectionShapeSpec(5_000, Double.NaN, Double.NaN,
                Double.NaN, 0, Double.NaN));
        assertEquals(new DistSpec.Lognormal(5_000, 0.30, 260_000), noTail.dist());
        assertTrue(Profiles.MEASURED_SECTIONS.with(null) == Profiles.MEASURED_SECTIONS);
    }
}
