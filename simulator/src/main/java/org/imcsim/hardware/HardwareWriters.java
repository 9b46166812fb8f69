package org.imcsim.hardware;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imcsim.arch.TraceRecorder;
import org.imcsim.config.BadInputException;
import org.imcsim.cost.Calibration;
import org.imcsim.cost.Roadmap;
import org.imcsim.cost.circuit.AdcType;
import org.imcsim.cost.circuit.CellType;
import org.imcsim.mapping.ScaleMode;
import org.imcsim.mapping.SignedScheme;
import org.imcsim.mapping.Subtraction;

/**
 * Writers for the hardware run's files: {@code layers.csv}, {@code action_counts.json} (and its reader,
 * for re-costing) and the Chrome trace-event JSON of {@code --trace}. Every file is written to a
 * temporary file in the target folder and renamed into place, so no half-written file is left behind.
 */
public final class HardwareWriters {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HardwareWriters() {
    }

    /** Writes {@code layers.csv}: one row per crossbar layer, units in the header. */
    public static void writeLayersCsv(HardwareResult r, Path file) throws IOException {
        byte[] bytes = layersCsv(r).getBytes(StandardCharsets.UTF_8);
        atomically(file, out -> out.write(bytes));
    }

    /** The text of {@code layers.csv}. */
    public static String layersCsv(HardwareResult r) {
        StringBuilder w = new StringBuilder();
        w.append("name,shape,crossbars,duplication,tiles,cellUtilization,vectors,energyPj,latencyNs,areaMm2,utilization\n");
        for (HardwareResult.LayerRow l : r.layers()) {
            w.append(csv(l.name())).append(',').append(csv(l.shape())).append(',').append(l.crossbars()).append(',')
                    .append(l.duplication()).append(',').append(l.tiles()).append(',').append(num(l.cellUtilization())).append(',')
                    .append(l.vectors()).append(',').append(num(l.energyPj())).append(',').append(num(l.latencyNs())).append(',')
                    .append(num(l.areaMm2())).append(',').append(num(l.utilization())).append('\n');
        }
        return w.toString();
    }

    /** Writes {@code action_counts.json}: everything {@link #readActionCounts} needs to re-cost the run. */
    public static void writeActionCounts(HardwareResult r, Path file) throws IOException {
        ObjectNode root = actionCountsJson(r);
        atomically(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(nonClosing(out), root));
    }

    /** The {@code action_counts.json} tree. */
    public static ObjectNode actionCountsJson(HardwareResult r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "imcsim-action-counts/2");
        root.put("network", r.network());
        specJson(r.spec(), root.putObject("spec"));
        ActionCounts c = r.actionCounts();
        root.put("singleImagePs", c.singleImagePs());
        root.put("intervalPs", c.intervalPs());
        ChipShape sh = c.shape();
        ObjectNode so = root.putObject("chip");
        so.put("layers", sh.layers());
        so.put("chipTiles", sh.chipTiles());
        so.put("novelTiles", sh.novelTiles());
        so.put("novelPes", sh.novelPes());
        so.put("gridRows", sh.gridRows());
        so.put("gridCols", sh.gridCols());
        so.put("maxLayerTileRows", sh.maxLayerTileRows());
        so.put("busWidthBits", sh.busWidthBits());
        so.put("globalBufferBits", sh.globalBufferBits());
        so.put("maxActivationBits", sh.maxActivationBits());
        root.put("opsPerInference", c.opsPerInference());
        root.put("flitLinks", c.flitLinks());
        root.put("flitRouters", c.flitRouters());
        ArrayNode layers = root.putArray("layers");
        for (int i = 0; i < c.layers().size(); i++) {
            ActionCounts.Layer l = c.layers().get(i);
            HardwareResult.LayerRow row = r.layers().get(i);
            ObjectNode o = layers.addObject();
            o.put("name", l.name());
            o.put("novel", l.novel());
            o.put("shape", row.shape());
            o.put("crossbars", row.crossbars());
            o.put("duplication", row.duplication());
            o.put("tiles", row.tiles());
            o.put("cellUtilization", row.cellUtilization());
            o.put("vectors", row.vectors());
            o.put("latencyNs", row.latencyNs());
            o.put("utilization", row.utilization());
            o.put("arrayPlanes", l.arrayPlanes());
            o.put("arraySenses", l.arraySenses());
            o.put("conversions", l.conversions());
            o.put("weightMerges", l.weightMerges());
            o.put("inputMerges", l.inputMerges());
            o.put("adds", l.adds());
            o.put("tileInBits", l.tileInBits());
            o.put("tileOutBits", l.tileOutBits());
            o.put("treeInBits", l.treeInBits());
            o.put("treeOutBits", l.treeOutBits());
            o.put("peInBits", l.peInBits());
            o.put("peOutBits", l.peOutBits());
            o.put("globalBufferBits", l.globalBufferBits());
            o.put("bitsToTiles", l.bitsToTiles());
            o.put("bitsFromTiles", l.bitsFromTiles());
            o.put("activations", l.activations());
            o.put("pooledValues", l.pooledValues());
            o.put("samples", l.samples());
            ObjectNode a = o.putObject("activity");
            a.put("planeReads", l.activity().planeReads());
            a.put("activeRows", l.activity().activeRows());
            a.put("signedInput", l.activity().signedInput());
            ArrayNode h = a.putArray("histogram");
            ArrayNode d = a.putArray("driveByLevelSum");
            long[] hist = l.activity().histogram();
            long[] drive = l.activity().driveByLevelSum();
            for (int k = 0; k < hist.length; k++) {
                h.add(hist[k]);
                d.add(drive[k]);
            }
        }
        return root;
    }

    /** A saved run: network name, the spec it was simulated with, its counts and layer rows. */
    public record SavedCounts(String network, HardwareSpec spec, ActionCounts counts,
                              List<HardwareResult.LayerRow> layers) {

        /** Costs the saved counts with {@code spec} (see {@link HardwareResult#recost}). */
        public HardwareResult recost(HardwareSpec costWith) {
            return HardwareResult.recost(network, counts, costWith, layers, spec);
        }
    }

    /** Reads an {@code action_counts.json}; a malformed file is a {@link BadInputException} naming it. */
    public static SavedCounts readActionCounts(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (!"imcsim-action-counts/2".equals(root.path("format").asText())) {
                throw new BadInputException(file.toString(), "format", "expected imcsim-action-counts/2");
            }
            HardwareSpec spec = specFromJson(root.get("spec"));
            List<ActionCounts.Layer> layers = new ArrayList<>();
            List<HardwareResult.LayerRow> rows = new ArrayList<>();
            for (JsonNode o : root.get("layers")) {
                JsonNode a = o.get("activity");
                long[] hist = longs(a.get("histogram"));
                long[] drive = longs(a.get("driveByLevelSum"));
                LayerActivity act = LayerActivity.of(o.get("name").asText(), a.get("planeReads").asLong(),
                        a.get("activeRows").asLong(), hist, drive);
                act.signedInput(a.path("signedInput").asBoolean(false));
                layers.add(new ActionCounts.Layer(o.get("name").asText(), o.get("novel").asBoolean(),
                        o.get("arrayPlanes").asLong(), o.get("arraySenses").asLong(), o.get("conversions").asLong(),
                        o.get("weightMerges").asLong(), o.get("inputMerges").asLong(), o.get("adds").asLong(),
                        o.get("tileInBits").asLong(), o.get("tileOutBits").asLong(), o.get("treeInBits").asLong(),
                        o.get("treeOutBits").asLong(), o.get("peInBits").asLong(), o.get("peOutBits").asLong(),
                        o.get("globalBufferBits").asLong(), o.get("bitsToTiles").asLong(),
                        o.get("bitsFromTiles").asLong(),
                        o.get("activations").asLong(), o.get("pooledValues").asLong(), o.get("samples").asLong(), act));
                rows.add(new HardwareResult.LayerRow(o.get("name").asText(), o.get("shape").asText(),
                        o.get("crossbars").asLong(), o.get("duplication").asInt(), o.get("tiles").asInt(),
                        o.get("cellUtilization").asDouble(), o.get("vectors").asLong(), 0, o.get("latencyNs").asDouble(),
                        0, o.get("utilization").asDouble()));
            }
            JsonNode so = root.get("chip");
            ChipShape shape = new ChipShape(so.get("layers").asInt(), so.get("chipTiles").asInt(),
                    so.get("novelTiles").asInt(), so.get("novelPes").asInt(), so.get("gridRows").asInt(),
                    so.get("gridCols").asInt(), so.get("maxLayerTileRows").asInt(), so.get("busWidthBits").asInt(),
                    so.get("globalBufferBits").asLong(), so.get("maxActivationBits").asLong());
            ActionCounts counts = new ActionCounts(layers, root.get("flitLinks").asLong(), root.get("flitRouters").asLong(),
                    root.get("singleImagePs").asLong(), root.get("intervalPs").asLong(), shape,
                    root.get("opsPerInference").asDouble());
            return new SavedCounts(root.get("network").asText(), spec, counts, rows);
        } catch (IOException | NullPointerException | IllegalArgumentException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException(file.toString(), null, "not a readable action_counts.json: " + e, e);
        }
    }

    private static long[] longs(JsonNode arr) {
        long[] v = new long[arr.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = arr.get(i).asLong();
        }
        return v;
    }

    static void specJson(HardwareSpec s, ObjectNode o) {
        o.put("nodeNm", s.nodeNm());
        o.put("roadmap", s.roadmap().name());
        Calibration c = s.calibration();
        ArrayNode cal = o.putArray("calibration");
        cal.add(c.levelShifterWiringArea()).add(c.sensingCycleFactor()).add(c.dffActivity()).add(c.adderActivity())
                .add(c.controlActivity()).add(c.postLayoutEnergyFactor());
        o.put("cellType", s.cellType().name());
        o.put("cellHeightF", s.cellHeightF());
        o.put("cellWidthF", s.cellWidthF());
        o.put("cellBits", s.cellBits());
        o.put("ronOhm", s.ronOhm());
        o.put("onOffRatio", s.onOffRatio());
        o.put("readVoltageV", s.readVoltageV());
        o.put("readPulseS", s.readPulseS());
        o.put("accessVoltageV", s.accessVoltageV());
        o.put("writeVoltageV", s.writeVoltageV());
        o.put("rows", s.rows());
        o.put("cols", s.cols());
        o.put("dacBits", s.dacBits());
        o.put("adcType", s.adcType().name());
        o.put("adcBits", s.adcBits());
        o.put("colsPerAdc", s.colsPerAdc());
        o.put("weightBits", s.weightBits());
        o.put("inputBits", s.inputBits());
        o.put("signed", s.signed().name());
        o.put("subtraction", s.subtraction().name());
        o.put("scale", s.scale().name());
        o.put("clockHz", s.clockHz());
        o.put("pipeline", s.pipeline());
        o.put("interconnect", s.interconnect().name());
        o.put("bufferType", s.bufferType().name());
        o.put("peRows", s.peRows());
        o.put("peCols", s.peCols());
        o.put("tileRows", s.tileRows());
        o.put("tileCols", s.tileCols());
        o.put("chipTiles", s.chipTiles());
        o.put("speedUpDegree", s.speedUpDegree());
        o.put("noPadding", s.noPadding());
        o.put("inputToggle", s.inputToggle());
        o.put("outputToggle", s.outputToggle());
        o.put("busWidthBits", s.busWidthBits());
        o.put("nocFlitBits", s.nocFlitBits());
        o.put("nocRouterCycles", s.nocRouterCycles());
        o.put("tileBufferBits", s.tileBufferBits());
        o.put("tileBufferWidthBits", s.tileBufferWidthBits());
        o.put("globalBufferBits", s.globalBufferBits());
        o.put("globalBufferWidthBits", s.globalBufferWidthBits());
        o.put("activationUnits", s.activationUnits());
        o.put("images", s.images());
        o.put("novelMapping", s.novelMapping());
        o.put("dataflow", s.dataflow().name());
        o.put("sampleHold", s.sampleHold());
        o.put("costProfile", s.costProfile().name());
    }

    static HardwareSpec specFromJson(JsonNode o) {
        JsonNode cal = o.get("calibration");
        return new HardwareSpec(o.get("nodeNm").asInt(), Roadmap.valueOf(o.get("roadmap").asText()),
                new Calibration(cal.get(0).asDouble(), cal.get(1).asDouble(), cal.get(2).asDouble(), cal.get(3).asDouble(),
                        cal.get(4).asDouble(), cal.get(5).asDouble()),
                CellType.valueOf(o.get("cellType").asText()), o.get("cellHeightF").asDouble(),
                o.get("cellWidthF").asDouble(), o.get("cellBits").asInt(), o.get("ronOhm").asDouble(),
                o.get("onOffRatio").asDouble(), o.get("readVoltageV").asDouble(), o.get("readPulseS").asDouble(),
                o.get("accessVoltageV").asDouble(), o.get("writeVoltageV").asDouble(), o.get("rows").asInt(),
                o.get("cols").asInt(), o.get("dacBits").asInt(), AdcType.valueOf(o.get("adcType").asText()),
                o.get("adcBits").asInt(), o.get("colsPerAdc").asInt(), o.get("weightBits").asInt(),
                o.get("inputBits").asInt(), SignedScheme.valueOf(o.get("signed").asText()),
                Subtraction.valueOf(o.get("subtraction").asText()), ScaleMode.valueOf(o.get("scale").asText()),
                o.get("clockHz").asDouble(), o.get("pipeline").asBoolean(),
                HardwareSpec.Interconnect.valueOf(o.get("interconnect").asText()),
                HardwareSpec.BufferType.valueOf(o.get("bufferType").asText()), o.get("peRows").asInt(),
                o.get("peCols").asInt(), o.get("tileRows").asInt(), o.get("tileCols").asInt(), o.get("chipTiles").asInt(),
                o.get("speedUpDegree").asInt(), o.get("noPadding").asBoolean(), o.get("inputToggle").asDouble(),
                o.get("outputToggle").asDouble(), o.get("busWidthBits").asInt(), o.get("nocFlitBits").asInt(),
                o.get("nocRouterCycles").asInt(), o.get("tileBufferBits").asInt(), o.get("tileBufferWidthBits").asInt(),
                o.get("globalBufferBits").asInt(), o.get("globalBufferWidthBits").asInt(),
                o.get("activationUnits").asInt(), o.get("images").asInt(), o.get("novelMapping").asBoolean(),
                HardwareSpec.Dataflow.valueOf(o.get("dataflow").asText()), o.get("sampleHold").asBoolean(),
                // files written before the cost profile was recorded were all costed with NeuroSim's models
                o.has("costProfile") ? HardwareSpec.CostProfile.valueOf(o.get("costProfile").asText())
                        : HardwareSpec.CostProfile.NEUROSIM);
    }

    /**
     * Writes the recorded timeline as Chrome trace-event JSON (opens in Perfetto / chrome://tracing): one
     * thread lane per component instance, complete events ({@code "ph":"X"}) in microseconds.
     *
     * @throws IllegalStateException if the run recorded no trace ({@link HardwareRun.Options#withTrace})
     */
    public static void writeTrace(HardwareResult r, Path file) throws IOException {
        TraceRecorder t = r.trace();
        if (t == null) {
            throw new IllegalStateException("the run recorded no trace; run with Options.withTrace(cap)");
        }
        atomically(file, out -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(nonClosing(out), JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("displayTimeUnit", "ns");
                g.writeArrayFieldStart("traceEvents");
                List<String> lanes = t.lanes();
                for (int i = 0; i < lanes.size(); i++) {
                    g.writeStartObject();
                    g.writeStringField("name", "thread_name");
                    g.writeStringField("ph", "M");
                    g.writeNumberField("pid", 1);
                    g.writeNumberField("tid", i);
                    g.writeObjectFieldStart("args");
                    g.writeStringField("name", lanes.get(i));
                    g.writeEndObject();
                    g.writeEndObject();
                }
                List<String> names = t.names();
                for (int i = 0; i < t.size(); i++) {
                    g.writeStartObject();
                    g.writeStringField("name", names.get(t.nameOf(i)));
                    g.writeStringField("ph", "X");
                    g.writeNumberField("pid", 1);
                    g.writeNumberField("tid", t.laneOf(i));
                    g.writeNumberField("ts", t.startOf(i) / 1e6);
                    g.writeNumberField("dur", (t.endOf(i) - t.startOf(i)) / 1e6);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeObjectFieldStart("otherData");
                g.writeNumberField("droppedSpans", t.dropped());
                g.writeEndObject();
                g.writeEndObject();
            }
        });
    }

    private static void atomically(Path file, org.imcsim.report.AtomicFiles.Body body) throws IOException {
        org.imcsim.report.AtomicFiles.write(file, body);
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
