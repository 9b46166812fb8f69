package org.imcsim.sweep;

import java.util.Base64;
import java.util.List;

/**
 * {@code report.html}: one self-contained page (inline CSS, plots embedded as base64 {@code data:} URIs,
 * no script, no external reference) with the sweep summary, the Pareto table, the plots, the failures
 * and the results table. It opens offline in any browser.
 */
final class HtmlReport {
    /** Most result rows shown (the CSV has them all). */
    static final int MAX_ROWS = 5000;

    private HtmlReport() {
    }

    static String render(ResultSet rs, List<SweepSpec.Objective> used, List<SweepSpec.Objective> skipped,
                         List<PointResult> front, List<Plots.Png> plots) {
        StringBuilder h = new StringBuilder();
        String title = rs.spec().description() != null ? rs.spec().description() : "imcsim sweep";
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em;color:#222}\n")
                .append("h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}\n")
                .append("table{border-collapse:collapse;font-size:.85em;margin:.5em 0}\n")
                .append("th,td{border:1px solid #ccc;padding:.2em .5em;text-align:right}\n")
                .append("th{background:#f0f0f0;position:sticky;top:0}td.t{text-align:left}\n")
                .append("tr.front td{background:#fff2f0}.failed td{color:#a00}\n")
                .append("figure{display:inline-block;margin:1em 1em 1em 0}figcaption{font-size:.85em;color:#555;max-width:900px}\n")
                .append("img{max-width:100%;border:1px solid #ddd}code{background:#f5f5f5;padding:0 .2em}\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<table>\n");
        row(h, "spec", rs.manifest().specSource() + " (sha256 " + rs.manifest().specSha256().substring(0, 12) + ")");
        row(h, "base config", rs.manifest().baseSource() + " (sha256 " + rs.manifest().baseSha256().substring(0, 12) + ")");
        row(h, "imcsim", rs.manifest().version());
        row(h, "points", rs.results().size() + " finished of " + rs.manifest().points()
                + (rs.manifest().shard() != null ? " (this folder: shard " + rs.manifest().shard() + ")" : ""));
        row(h, "failed", Integer.toString(rs.failed().size()));
        row(h, "parameters", String.join(", ", rs.parameterPaths()));
        row(h, "objectives", used.isEmpty() ? "none present" : join(used));
        if (!skipped.isEmpty()) {
            row(h, "skipped objectives", join(skipped) + " (no point reports them)");
        }
        h.append("</table>\n");

        h.append("<h2>Pareto front (").append(front.size()).append(" points)</h2>\n");
        if (front.isEmpty()) {
            h.append("<p>No front: no objective is present in the results.</p>\n");
        } else {
            table(h, rs, front, java.util.Set.of());
        }
        if (!plots.isEmpty()) {
            h.append("<h2>Plots</h2>\n");
            for (Plots.Png p : plots) {
                h.append("<figure><img alt=\"").append(esc(p.caption())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(p.bytes())).append("\"><figcaption>")
                        .append(esc(p.file())).append(": ").append(esc(p.caption())).append("</figcaption></figure>\n");
            }
        }
        List<PointResult> failed = rs.failed();
        if (!failed.isEmpty()) {
            h.append("<h2>Failed points (").append(failed.size()).append(")</h2>\n<table>\n<tr><th>id</th><th>error</th></tr>\n");
            for (PointResult r : failed) {
                h.append("<tr class=\"failed\"><td class=\"t\">").append(esc(r.id())).append("</td><td class=\"t\">")
                        .append(esc(r.error())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>All points</h2>\n");
        java.util.Set<String> frontIds = new java.util.HashSet<>();
        for (PointResult r : front) {
            frontIds.add(r.id());
        }
        List<PointResult> all = rs.results();
        if (all.size() > MAX_ROWS) {
            h.append("<p>The first ").append(MAX_ROWS).append(" of ").append(all.size()).append(" points; results.csv has all.</p>\n");
            all = all.subList(0, MAX_ROWS);
        }
        table(h, rs, all, frontIds);
        h.append("<p>Front points are shaded. Files: <code>results.csv</code>, <code>results.jsonl</code>, <code>pareto.csv</code>.</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, ResultSet rs, List<PointResult> rows, java.util.Set<String> highlight) {
        List<String> head = PointResult.csvHeader(rs.parameterPaths());
        head = head.subList(0, head.size() - 1); // errors are listed separately
        h.append("<table>\n<tr>");
        for (String c : head) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (PointResult r : rows) {
            List<String> cells = r.csvRow(rs.parameterPaths());
            h.append("<tr").append(highlight.contains(r.id()) ? " class=\"front\"" : r.ok() ? "" : " class=\"failed\"").append('>');
            for (int i = 0; i < head.size(); i++) {
                boolean text = i < 3 + rs.parameterPaths().size() && Expression.numeric(cells.get(i)) == null;
                h.append(text ? "<td class=\"t\">" : "<td>").append(esc(cells.get(i))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String k, String v) {
        h.append("<tr><th>").append(esc(k)).append("</th><td class=\"t\">").append(esc(v)).append("</td></tr>\n");
    }

    private static String join(List<SweepSpec.Objective> os) {
        return String.join(", ", os.stream().map(Object::toString).toList());
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
