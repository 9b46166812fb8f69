package org.imcsim.functional;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.imcsim.workload.FloatForward;
import org.imcsim.workload.MatrixKernel;
import org.imcsim.workload.Network;

/**
 * Top-1 accuracy of a network in float, with ideal quantization, and on K independently
 * programmed chips (mean ± sample std). Images stream in fixed batches of {@code batchSize}, so
 * memory is bounded by threads × batch, and every batch draws read noise from a stream keyed by
 * (chip, batch index): the result is the same for any thread count.
 */
public final class AccuracyEvaluator {

    /**
     * @param floatTop1      float network
     * @param quantizedTop1  ideal device, exact ADC: weight and input quantization only
     * @param idealChipTop1  ideal device with the configured ADC
     * @param chipTop1       per programmed chip
     * @param top1Mean       mean over chips
     * @param top1Std        sample standard deviation over chips (0 for one chip)
     */
    public record Result(double floatTop1, double quantizedTop1, double idealChipTop1, double[] chipTop1,
                         double top1Mean, double top1Std, int images, int chips) {
    }

    private final int threads;
    private final int batchSize;
    private final IntConsumer progress;

    /**
     * @param threads   worker threads (≥ 1)
     * @param batchSize images per batch (the unit of work and of read-noise streams)
     * @param progress  called with the number of images just finished (from worker threads); may be null
     */
    public AccuracyEvaluator(int threads, int batchSize, IntConsumer progress) {
        if (threads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads and batchSize must be positive");
        }
        this.threads = threads;
        this.batchSize = batchSize;
        this.progress = progress;
    }

    /** Total images this evaluation will process (for a progress bar): (3 + chips) passes. */
    public static long workImages(int images, int chips) {
        return (long) images * (3 + chips);
    }

    public Result evaluate(MappedNetwork mapped, TileProgrammer programmer, LabeledSamples data, int images, int chips, long seed) {
        if (images < 1 || images > data.size()) {
            throw new IllegalArgumentException("images must be in 1.." + data.size() + ", got " + images);
        }
        if (chips < 1) {
            throw new IllegalArgumentException("chips must be at least 1, got " + chips);
        }
        Network net = mapped.network();
        double floatTop1 = top1(net, data, images, () -> new Worker(net, null));
        ChipInstance ideal = ChipInstance.program(mapped, TileProgrammer.IDEAL, seed, 0);
        double quantTop1 = top1(net, data, images, () -> new Worker(net, ideal.newKernel(true)));
        double idealChip = top1(net, data, images, () -> new Worker(net, ideal.newKernel(false)));
        double[] per = new double[chips];
        for (int c = 0; c < chips; c++) {
            ChipInstance chip = ChipInstance.program(mapped, programmer, seed, c);
            per[c] = top1(net, data, images, () -> new Worker(net, chip.newKernel(false)));
        }
        double mean = 0;
        for (double a : per) {
            mean += a;
        }
        mean /= chips;
        double var = 0;
        for (double a : per) {
            var += (a - mean) * (a - mean);
        }
        double std = chips > 1 ? Math.sqrt(var / (chips - 1)) : 0;
        return new Result(floatTop1, quantTop1, idealChip, per, mean, std, images, chips);
    }

    /** Top-1 of one already programmed chip on the first {@code images} samples. */
    public double top1(ChipInstance chip, LabeledSamples data, int images) {
        Network net = chip.mapped().network();
        return top1(net, data, images, () -> new Worker(net, chip.newKernel(false)));
    }

    /** One thread's forward pass; {@code kernel} null means the float reference. */
    private static final class Worker {
        final FloatForward forward;
        final CrossbarMatrixKernel kernel;

        Worker(Network net, CrossbarMatrixKernel kernel) {
            this.kernel = kernel;
            this.forward = kernel == null ? new FloatForward(net) : new FloatForward(net, (MatrixKernel) kernel);
        }
    }

    private double top1(Network net, LabeledSamples data, int images, Supplier<Worker> workers) {
        int batches = (images + batchSize - 1) / batchSize;
        int[] correct = new int[batches];
        AtomicInteger next = new AtomicInteger();
        int classes = net.outputShape().size();
        int sampleSize = data.sampleSize();
        Runnable loop = () -> {
            Worker w = workers.get();
            float[] buf = new float[batchSize * sampleSize];
            int b;
            while ((b = next.getAndIncrement()) < batches) {
                int start = b * batchSize;
                int count = Math.min(batchSize, images - start);
                data.load(start, count, buf);
                if (w.kernel != null) {
                    w.kernel.beginBatch(b);
                }
                float[] out = w.forward.run(buf, count);
                int ok = 0;
                for (int i = 0; i < count; i++) {
                    if (FloatForward.argmax(out, i * classes, classes) == data.label(start + i)) {
                        ok++;
                    }
                }
                correct[b] = ok;
                if (progress != null) {
                    progress.accept(count);
                }
            }
        };
        if (threads == 1) {
            loop.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "imcsim-accuracy");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    fs.add(pool.submit(loop));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(c);
            } finally {
                pool.shutdownNow();
            }
        }
        long total = 0;
        for (int c : correct) {
            total += c;
        }
        return (double) total / images;
    }
}
