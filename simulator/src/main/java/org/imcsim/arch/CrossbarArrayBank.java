package org.imcsim.arch;

import org.imcsim.component.Actions;
import org.imcsim.component.Component;
import org.imcsim.component.LongInPort;
import org.imcsim.component.LongOutPort;
import org.imcsim.component.LongTimer;
import org.imcsim.component.StatWriter;

/**
 * The crossbar arrays of one layer copy, working in lockstep on one input vector at a time, and the
 * path of that vector through the copy's periphery. One instance stands for all {@code arrays} arrays of
 * the copy: they receive their slices of the same vector at the same time and follow the same schedule,
 * so simulating them separately would add events but no information.
 *
 * <p><b>One vector is one transaction.</b> When the vector has been read from the input buffer into the
 * row drivers, its {@code T_in} bit-planes are scheduled at once: for each plane the row drivers apply
 * the bits ({@link RowDriverBank}), optionally the columns are sampled ({@link SampleHoldBank}: the next
 * plane's drive then overlaps the conversions), and every ADC converts {@code positions} mux positions
 * one after another ({@link AdcBank}, serialized); the shift-adders merge each plane behind the
 * conversions ({@link ShiftAddBank}). The copy is free for the next vector when the last conversion
 * ends; the vector completes one shift-add later — one completion event per vector.
 *
 * <p><b>Output path.</b> The adder trees sum the row-blocks' partial sums ({@link Accumulator}); the
 * result needs space in the output buffer (back-pressure: it waits there until space frees), is sent
 * through the interconnect to the global buffer, passes the chip's activation/pool unit and is written
 * to the global buffer; then the token goes to the {@link DataflowController}.
 *
 * <p><b>Compute only.</b> Without buffers (both null: the {@code neurosim-serial} dataflow, whose
 * {@link StageController} moves a layer's data in phases of its own) a vector starts computing as soon as the
 * copy is free and completes after its adder trees; {@code done} then means "outputs in the PE".
 *
 * <p>Ports: {@code in} (tokens of vectors already in the input buffer), {@code done} (tokens whose
 * outputs are in the global buffer), {@code credit} (tokens whose input-buffer space was freed).
 */
public final class CrossbarArrayBank extends Component {
    /** Actions counted. */
    public enum Action {
        /** One input vector processed by the copy. */
        VECTOR,
        /** One sensing cycle of one array (one mux position of one bit-plane). */
        ARRAY_SENSE,
        /** One bit-plane read of one array. */
        ARRAY_PLANE
    }

    private final Actions<Action> actions;
    private final BankGeometry g;
    private final RowDriverBank dac;
    private final SampleHoldBank sampleHold;
    private final AdcBank adc;
    private final ShiftAddBank shiftAdd;
    private final Accumulator accumulator;
    private final Buffer inBuffer;
    private final Buffer outBuffer;
    private final Interconnect network;
    private final ActivationUnit activation;
    private final Buffer globalBuffer;
    private final LongInPort in;
    private final LongOutPort completed;
    private final LongOutPort credit;
    private final LongTimer readDone;
    private final LongTimer computeDone;
    private final LongTimer drained;
    private long[] queue = new long[16];
    private int qHead;
    private int qSize;
    private long[] pending = new long[16];
    private long[] pendingReady = new long[16];
    private int pHead;
    private int pSize;
    private boolean reading;
    private long readAllowedPs;
    private long bankFreePs;
    private long vectorsDone;
    private TraceRecorder trace;
    private int traceLane;
    private int traceCompute;

    /**
     * @param geometry     the copy's per-vector work
     * @param dac          its row drivers
     * @param sampleHold   its sample-and-hold bank, or null if the organisation has none
     * @param adc          its ADCs
     * @param shiftAdd     its shift-adders
     * @param accumulator  its adder trees
     * @param inBuffer     its share of the tile input buffers (the controller reserves space)
     * @param outBuffer    its share of the tile output buffers
     * @param network      the chip interconnect
     * @param activation   the chip's activation/pool unit
     * @param globalBuffer the global buffer
     */
    public CrossbarArrayBank(Component parent, String name, BankGeometry geometry, RowDriverBank dac,
                             SampleHoldBank sampleHold, AdcBank adc, ShiftAddBank shiftAdd, Accumulator accumulator,
                             Buffer inBuffer, Buffer outBuffer, Interconnect network, ActivationUnit activation,
                             Buffer globalBuffer) {
        super(parent, name);
        this.g = geometry;
        this.dac = dac;
        this.sampleHold = sampleHold;
        this.adc = adc;
        this.shiftAdd = shiftAdd;
        this.accumulator = accumulator;
        this.inBuffer = inBuffer;
        this.outBuffer = outBuffer;
        this.network = network;
        this.activation = activation;
        this.globalBuffer = globalBuffer;
        if ((inBuffer == null) != (outBuffer == null)) {
            throw new IllegalArgumentException(path() + ": give both buffers, or neither (compute only)");
        }
        if (outBuffer != null && geometry.outputBits() > outBuffer.capacityBits()) {
            throw new IllegalArgumentException(path() + ": one output vector (" + geometry.outputBits()
                    + " bits) exceeds the output buffer (" + outBuffer.capacityBits() + " bits)");
        }
        this.actions = actions(Action.class);
        this.in = longIn("in", this::arrive);
        this.completed = longOut("done");
        this.credit = longOut("credit");
        this.readDone = timer("readDone", this::onReadDone);
        this.computeDone = timer("computeDone", this::onComputeDone);
        this.drained = timer("drained", this::onDrained);
    }

    /** Records compute spans (null: off). */
    public void trace(TraceRecorder recorder) {
        trace = recorder;
        if (recorder != null) {
            traceLane = recorder.lane(path());
            traceCompute = recorder.name("vector");
        }
    }

    /** Input port for vector tokens. */
    public LongInPort in() {
        return in;
    }

    /** Output port: vectors whose outputs reached the global buffer. */
    public LongOutPort completed() {
        return completed;
    }

    /** Output port: input-buffer space freed. */
    public LongOutPort credit() {
        return credit;
    }

    /** The copy's input buffer (null when compute only). */
    public Buffer inBuffer() {
        return inBuffer;
    }

    /** The copy's geometry. */
    public BankGeometry geometry() {
        return g;
    }

    /** Array sensing cycles counted (per array). */
    public long arraySenses() {
        return actions.get(Action.ARRAY_SENSE);
    }

    /** Array bit-plane reads counted (per array). */
    public long arrayPlanes() {
        return actions.get(Action.ARRAY_PLANE);
    }

    /** Vectors fully processed. */
    public long vectorsDone() {
        return vectorsDone;
    }

    private void arrive(long token) {
        if (qSize == queue.length) {
            queue = grow(queue, qHead, qSize);
            qHead = 0;
        }
        queue[(qHead + qSize) & (queue.length - 1)] = token;
        qSize++;
        if (!reading) {
            startRead();
        }
    }

    private void startRead() {
        if (qSize == 0) {
            return;
        }
        reading = true;
        long token = queue[qHead];
        long t = inBuffer == null ? Math.max(nowPs(), bankFreePs)
                : inBuffer.read(Math.max(nowPs(), readAllowedPs), g.inputBits());
        readDone.scheduleAt(t, token);
    }

    private void onReadDone(long token) {
        qHead = (qHead + 1) & (queue.length - 1);
        qSize--;
        if (inBuffer != null) {
            inBuffer.release(g.inputBits());
            credit.send(token);
        }
        long start = Math.max(nowPs(), bankFreePs);
        long t = start;
        long driveStart = start;
        long rowsFree = start;
        for (int k = 0; k < g.planes(); k++) {
            if (sampleHold == null) {
                // current-mode sensing: the rows stay driven while the ADCs convert (NeuroSim's sensing cycle
                // includes the row drive), so the next plane waits for this plane's last conversion
                dac.drive(t);
                t = adc.convert(t, g.positions());
                rowsFree = t;
            } else {
                // the held values free the rows: the next plane is driven while this one converts, and is
                // sampled once the ADCs have consumed the previous samples
                long settled = dac.drive(driveStart);
                long sampled = sampleHold.sample(Math.max(settled, adc.freeAtPs()));
                t = adc.convert(sampled, g.positions());
                driveStart = sampled;
                rowsFree = sampled;
            }
            shiftAdd.merge(t, g.weightMergesPerPlane(), g.inputMergesPerPlane());
        }
        bankFreePs = rowsFree;
        readAllowedPs = start;
        long end = t + shiftAdd.mergePs();
        actions.add(Action.VECTOR);
        actions.add(Action.ARRAY_PLANE, (long) g.arrays() * g.planes());
        actions.add(Action.ARRAY_SENSE, (long) g.arrays() * g.planes() * g.positions());
        addBusyPs(t - start);
        if (trace != null) {
            trace.span(traceLane, traceCompute, start, end);
        }
        computeDone.scheduleAt(end, token);
        reading = false;
        startRead();
    }

    private void onComputeDone(long token) {
        long t = accumulator.reduce(nowPs(), g.outputValues(), g.rowBlocks());
        if (outBuffer == null) {
            vectorsDone++;
            completed.sendAfter(t - nowPs(), token);
            return;
        }
        if (pSize == 0 && outBuffer.tryReserve(g.outputBits())) {
            ship(token, t);
        } else {
            if (pSize == pending.length) {
                pending = grow(pending, pHead, pSize);
                pendingReady = grow(pendingReady, pHead, pSize);
                pHead = 0;
            }
            int i = (pHead + pSize) & (pending.length - 1);
            pending[i] = token;
            pendingReady[i] = t;
            pSize++;
        }
    }

    private void ship(long token, long readyPs) {
        long t = outBuffer.write(readyPs, g.outputBits());
        t = outBuffer.read(t, g.outputBits());
        int gb = network.globalBufferNode();
        long arrive;
        if (network.broadcasts()) {
            arrive = network.transfer(g.outputTile(0), gb, g.outputBits(), t);
        } else {
            arrive = t;
            for (int i = 0; i < g.outputTileCount(); i++) {
                arrive = Math.max(arrive, network.transfer(g.outputTile(i), gb, g.outputSliceBits(), t));
            }
        }
        drained.scheduleAt(arrive, token);
    }

    private void onDrained(long token) {
        outBuffer.release(g.outputBits());
        long t = activation.process(nowPs(), g.outputValues(), g.pool());
        t = globalBuffer.write(t, g.outputBits());
        vectorsDone++;
        completed.sendAfter(t - nowPs(), token);
        while (pSize > 0 && outBuffer.tryReserve(g.outputBits())) {
            long next = pending[pHead];
            long ready = pendingReady[pHead];
            pHead = (pHead + 1) & (pending.length - 1);
            pSize--;
            ship(next, Math.max(ready, nowPs()));
        }
    }

    private static long[] grow(long[] ring, int head, int size) {
        long[] bigger = new long[ring.length * 2];
        for (int i = 0; i < size; i++) {
            bigger[i] = ring[(head + i) & (ring.length - 1)];
        }
        return bigger;
    }

    @Override
    protected void reportStats(StatWriter out) {
        out.put("vectorsDone", vectorsDone);
    }
}
