package io.wisp.app.objects;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for terminals: a header row, a dashed rule, and rows whose cells are wrapped at word
 * boundaries when a column has a width limit, so long ranges or descriptions stay readable.
 */
final class TextTable {
    private final List<String> headers;
    private final int[] maxWidths;
    private final List<List<String>> rows = new ArrayList<>();

    /** Columns named by {@code headers}; {@code maxWidths[i] <= 0} means column i is never wrapped. */
    TextTable(List<String> headers, int... maxWidths) {
        if (maxWidths.length != 0 && maxWidths.length != headers.size()) {
            throw new IllegalArgumentException("maxWidths: give one per column (" + headers.size() + ") or none");
        }
        this.headers = List.copyOf(headers);
        this.maxWidths = maxWidths.length == 0 ? new int[headers.size()] : maxWidths.clone();
    }

    TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the table " + headers.size());
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(c == null ? "" : c.toString());
        }
        rows.add(row);
        return this;
    }

    String render() {
        List<List<List<String>>> wrapped = new ArrayList<>();
        for (List<String> row : rows) {
            List<List<String>> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                cells.add(wrap(row.get(c), maxWidths[c]));
            }
            wrapped.add(cells);
        }
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<List<String>> row : wrapped) {
                for (String line : row.get(c)) {
                    widths[c] = Math.max(widths[c], line.length());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, widths, headers);
        List<String> rule = new ArrayList<>();
        for (int w : widths) {
            rule.add("-".repeat(w));
        }
        line(out, widths, rule);
        for (List<List<String>> row : wrapped) {
            int height = row.stream().mapToInt(List::size).max().orElse(1);
            for (int k = 0; k < height; k++) {
                List<String> cells = new ArrayList<>();
                for (List<String> cell : row) {
                    cells.add(k < cell.size() ? cell.get(k) : "");
                }
                line(out, widths, cells);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, int[] widths, List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append("  ");
            }
            line.append(cells.get(c));
            if (c < cells.size() - 1) {
                line.append(" ".repeat(widths[c] - cells.get(c).length()));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Splits text into lines of at most {@code max} characters at blanks; a longer word gets a line of its own. */
    static List<String> wrap(String text, int max) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (max <= 0 || flat.length() <= max) {
            return List.of(flat);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : flat.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > max) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        lines.add(current.toString());
        return lines;
    }
}
