package org.imcsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The one-screen text summary of a report, rendered from the report's own values so the screen
 * and {@code report.json} can never disagree.
 */
public final class ReportText {

    private ReportText() {
    }

    public static String render(Report report) {
        StringBuilder sb = new StringBuilder();
        JsonNode acc = report.get("accuracy");
        if (acc != null && !acc.isMissingNode()) {
            sb.append(String.format(Locale.ROOT, "accuracy      %d images, %d chips%n", acc.path("images").asInt(), acc.path("chips").asInt()));
            sb.append(String.format(Locale.ROOT, "  float            %6.2f %%%n", 100 * acc.path("floatTop1").asDouble()));
            sb.append(String.format(Locale.ROOT, "  ideal-quantized  %6.2f %%   (weights and inputs quantized, exact ADC)%n",
                    100 * acc.path("quantizedTop1").asDouble()));
            sb.append(String.format(Locale.ROOT, "  ideal chip       %6.2f %%   (ideal device, configured ADC)%n",
                    100 * acc.path("idealChipTop1").asDouble()));
            sb.append(String.format(Locale.ROOT, "  simulated        %6.2f ± %.2f %%   (mean ± std over chips)%n",
                    100 * acc.path("top1Mean").asDouble(), 100 * acc.path("top1Std").asDouble()));
        }
        JsonNode amap = report.get("accuracy.mapping");
        if (amap != null && !amap.isMissingNode()) {
            sb.append(String.format(Locale.ROOT, "crossbars     %d per copy of the weights (%d before pruning), cell utilization %.1f %%%n",
                    amap.path("crossbars").asInt(), amap.path("crossbarsBeforePruning").asInt(), 100 * amap.path("cellUtilization").asDouble()));
        }
        JsonNode map = report.get("mapping");
        if (map != null && !map.isMissingNode()) {
            sb.append(String.format(Locale.ROOT, "chip          %d crossbars placed with duplication on %d tiles (%s)%n",
                    map.path("crossbars").asInt(), map.path("tiles").asInt(), map.path("tileGrid").asText()));
        }
        JsonNode hw = report.get("energy");
        if (hw != null && !hw.isMissingNode()) {
            sb.append(String.format(Locale.ROOT, "energy        %.4g pJ/inference (dynamic %.4g, leakage %.4g)%n", hw.path("totalPj").asDouble(),
                    hw.path("dynamicPj").asDouble(), hw.path("leakagePj").asDouble()));
            sb.append(String.format(Locale.ROOT, "area          %.4g mm²%n", report.get("area").path("totalMm2").asDouble()));
            JsonNode lat = report.get("latency");
            sb.append(String.format(Locale.ROOT, "latency       %.4g ns single image, %.4g ns pipelined interval, clock %.4g ns%n",
                    lat.path("singleImageNs").asDouble(), lat.path("pipelineIntervalNs").asDouble(), lat.path("clockPeriodNs").asDouble()));
            sb.append(String.format(Locale.ROOT, "efficiency    %.4g TOPS/W, %.4g TOPS/mm², %.4g inferences/s%n",
                    report.get("efficiency").path("topsPerWatt").asDouble(), report.get("efficiency").path("topsPerMm2").asDouble(),
                    report.get("throughput").path("inferencesPerSecond").asDouble()));
        }
        return sb.toString();
    }
}
