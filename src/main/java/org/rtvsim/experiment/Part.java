package org.rtvsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slice {@code k} of {@code n} of a work list ({@code --part k/n}): item i belongs to slice
 * {@code i mod n + 1}. Dealing items round-robin rather than in blocks spreads a sweep's expensive points
 * over every slice; the slicing depends only on the item's index, so any batch scheduler can run the
 * slices in any order and {@code rtvsim merge} puts them back together.
 */
public record Part(int k, int n) {
    /** The most slices: more than there could be items is pointless. */
    public static final int MAX_PARTS = 1_000_000;
    private static final Pattern FORM = Pattern.compile("(\\d{1,7})/(\\d{1,7})");

    public Part {
        if (n < 1 || n > MAX_PARTS || k < 1 || k > n) {
            throw new IllegalArgumentException("--part " + k + "/" + n + ": expected K/N with 1 <= K <= N <= "
                    + MAX_PARTS + ", e.g. 1/4");
        }
    }

    /** Parses {@code K/N}; an {@link IllegalArgumentException} naming the expected form otherwise. */
    public static Part parse(String s) {
        Matcher m = FORM.matcher(s.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--part " + s + ": expected K/N with 1 <= K <= N, e.g. 1/4");
        }
        return new Part(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether item {@code index} belongs to this slice. */
    public boolean contains(int index) {
        return index % n == k - 1;
    }

    /** The indices of this slice's items among {@code size} items, ascending. */
    public List<Integer> indices(int size) {
        List<Integer> out = new ArrayList<>();
        for (int i = k - 1; i < size; i += n) {
            out.add(i);
        }
        return out;
    }

    @Override
    public String toString() {
        return k + "/" + n;
    }
}
