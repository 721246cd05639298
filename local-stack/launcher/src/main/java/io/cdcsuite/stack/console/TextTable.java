package io.cdcsuite.stack.console;

import java.io.PrintStream;
import java.util.List;

/** Rows printed as aligned columns under a header, like the mysql and cqlsh clients do. */
final class TextTable {
    private TextTable() {
    }

    static void print(List<String> header, List<List<String>> rows, PrintStream out) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(header, widths, out);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append(rule.isEmpty() ? "" : "-+-").append("-".repeat(width));
        }
        out.println(rule);
        rows.forEach(row -> line(row, widths, out));
        out.printf("(%d row%s)%n", rows.size(), rows.size() == 1 ? "" : "s");
    }

    private static void line(List<String> cells, int[] widths, PrintStream out) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
        }
        out.println(line.toString().stripTrailing());
    }
}
