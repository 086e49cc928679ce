package org.rtvsim.scenario;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.TextFiles;

/**
 * Reads {@code {empirical: file.csv}}: a CSV with a header, {@code value,weight} or {@code latency_us,count}
 * (weight optional, default 1). The first column's unit comes from its header suffix {@code _ns}, {@code _us}
 * or {@code _ms} (µs when there is none); values are stored in ns. Blank lines and {@code #} comments are
 * skipped. Bad rows are errors at the CSV's own line number.
 */
final class EmpiricalCsv {
    private EmpiricalCsv() {
    }

    static DistSpec.Empirical read(Node node, String key, Path baseDir) {
        String name = Values.scalar(node, key, "the path of a CSV file (value,weight)");
        Path file = baseDir.resolve(name).normalize();
        List<String> lines;
        try {
            lines = TextFiles.read(file, TextFiles.TABLE_MAX_BYTES).lines().toList();
        } catch (NoSuchFileException e) {
            throw Values.error(node, key, "expected an existing CSV file; file not found: " + file);
        } catch (IOException e) {
            throw Values.error(node, key, "cannot read " + file + ": " + e.getMessage());
        }
        String csv = file.toString();
        int headerLine = -1;
        double scale = 1e3;
        List<Double> values = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\\s*,\\s*");
            if (headerLine < 0) {
                headerLine = i + 1;
                String first = cols[0].toLowerCase(Locale.ROOT);
                if (first.matches("[+-]?[0-9.].*")) {
                    throw new ScenarioException(csv, i + 1, 1, key,
                            "expected a header such as 'value,weight' or 'latency_us,count'; got a row starting with a number");
                }
                scale = first.endsWith("_ns") ? 1 : first.endsWith("_ms") ? 1e6 : 1e3;
                continue;
            }
            if (cols.length > 2) {
                throw new ScenarioException(csv, i + 1, 1, key, "expected 'value,weight'; got " + cols.length + " columns");
            }
            double v = parse(cols[0], csv, i + 1, key, line);
            double w = cols.length == 2 ? parse(cols[1], csv, i + 1, key, line) : 1;
            if (v < 0 || w < 0) {
                throw new ScenarioException(csv, i + 1, 1, key,
                        "expected a non-negative value and weight; got a negative number");
            }
            values.add(v * scale);
            weights.add(w);
        }
        if (weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw Values.error(node, key, "expected " + file + " to hold at least one row with a positive weight");
        }
        return new DistSpec.Empirical(csv, List.copyOf(values), List.copyOf(weights));
    }

    private static double parse(String text, String csv, int line, String key, String row) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!Double.isFinite(v) || v > 1e15) {
            // the row is not echoed: the path may name a file that is not the user's (docs/errors.md)
            throw new ScenarioException(csv, line, 1, key, "expected finite numbers 'value,weight' below 1e15; got "
                    + (text.length() > 0 && text.length() <= 24 && text.matches("[-+0-9.eE]+|(?i)[-+]?(nan|infinity)")
                    ? "'" + text + "'" : "a column that is not a number"));
        }
        return v;
    }
}
