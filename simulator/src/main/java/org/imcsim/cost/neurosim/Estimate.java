package org.imcsim.cost.neurosim;

import java.util.List;
import org.imcsim.cost.Source;

/**
 * The result of a NeuroSim-style estimate, per inference, with NeuroSim's category split.
 * Energies in pJ, areas in µm², times in ns.
 *
 * @param area             chip area by category
 * @param clockPeriodNs    synchronous clock period (≥ the sensing cycle), ns
 * @param intervalNs       pipelined latency: time between images (slowest layer); layer-by-layer: the sum
 * @param singleImageNs    one image through all layers in sequence (sum of layer latencies), ns
 * @param dynamicEnergy    dynamic energy by category
 * @param leakageEnergyPj  leakage energy per image, pJ
 * @param ops              operations per image (2·MACs, padding counted as NeuroSim does)
 * @param topsPerWatt      ops/(dynamic + leakage), divided by the post-layout factor ζ
 * @param tops             ops per interval, tera-ops/s
 * @param topsPerMm2       tops / chip area
 * @param layers           per-layer results
 * @param provenance       the models and sources behind every figure
 */
public record Estimate(Area area, double clockPeriodNs, double intervalNs, double singleImageNs,
                       Energy dynamicEnergy, double leakageEnergyPj, double ops, double topsPerWatt, double tops,
                       double topsPerMm2, List<LayerResult> layers, List<Source> provenance) {

    /**
     * Chip area by NeuroSim category; {@code totalUm2} also contains the layout whitespace of the
     * sub-array, PE and tile bounding boxes, which no category holds.
     *
     * @param totalUm2        chip area
     * @param arrayUm2        memory arrays
     * @param adcUm2          ADCs (sense amps, references, encoders)
     * @param accumUm2        shift-adders and adder trees
     * @param interconnectUm2 H-trees and the chip bus
     * @param otherUm2        everything else (level shifters, switch matrices, muxes, decoders, buffers,
     *                        pooling, activation)
     * @param buffersUm2      the buffers inside {@code otherUm2}
     * @param driversUm2      the array drivers inside {@code otherUm2}: level shifters, WL/BL/SL switch
     *                        matrices, column mux and mux decoder
     */
    public record Area(double totalUm2, double arrayUm2, double adcUm2, double accumUm2, double interconnectUm2,
                       double otherUm2, double buffersUm2, double driversUm2) {
        /** Area outside every category: bounding-box whitespace. */
        public double whitespaceUm2() {
            return totalUm2 - arrayUm2 - adcUm2 - accumUm2 - interconnectUm2 - otherUm2;
        }

        public double totalMm2() {
            return totalUm2 * 1e-6;
        }
    }

    /**
     * Dynamic energy by NeuroSim category; buffers and interconnect are parts of {@code otherPj}.
     *
     * @param totalPj        all dynamic energy
     * @param adcPj          ADCs including array word-line/read energy
     * @param accumPj        shift-adds and adder trees
     * @param otherPj        switch matrices, muxes, decoders, buffers, interconnect, pooling, activation
     * @param buffersPj      buffers (part of other)
     * @param interconnectPj buses and H-trees (part of other)
     * @param driversPj      row switch matrices, column mux and decoder (part of other)
     */
    public record Energy(double totalPj, double adcPj, double accumPj, double otherPj, double buffersPj,
                         double interconnectPj, double driversPj) {
    }

    /**
     * @param name            layer name
     * @param novelMapping    mapped one PE per kernel position
     * @param tiles           tiles used (duplicates included)
     * @param speedUp         duplication factor
     * @param utilization     fraction of the layer's tile cells holding weights
     * @param latencyNs       layer latency per image, ns
     * @param bufferLatencyNs buffer part, ns
     * @param icLatencyNs     interconnect part, ns
     * @param adcLatencyNs    conversion part, ns
     * @param energy          dynamic energy of the layer
     * @param leakageEnergyPj leakage energy charged to the layer, pJ
     */
    public record LayerResult(String name, boolean novelMapping, double tiles, double speedUp, double utilization,
                              double latencyNs, double bufferLatencyNs, double icLatencyNs, double adcLatencyNs,
                              Energy energy, double leakageEnergyPj) {
    }

    /** Dynamic + leakage energy per image, pJ. */
    public double totalEnergyPj() {
        return dynamicEnergy.totalPj() + leakageEnergyPj;
    }
}
