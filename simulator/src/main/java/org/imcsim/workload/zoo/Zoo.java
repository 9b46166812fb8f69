package org.imcsim.workload.zoo;

import java.util.List;
import java.util.random.RandomGenerator;
import org.imcsim.config.BadInputException;
import org.imcsim.workload.Network;
import org.imcsim.workload.NetworkBuilder;
import org.imcsim.workload.RandomStreams;
import org.imcsim.workload.TensorShape;
import org.imcsim.workload.Window;

/**
 * Built-in networks by name, with seeded random weights, for hardware studies that need no
 * accuracy. Shapes follow the published CIFAR-10 / Fashion-MNIST variants (docs/workloads.md):
 * <ul>
 *   <li>{@code mlp-fmnist}: 1×28×28 → Flatten → 784-256-128-10, ReLU between layers.</li>
 *   <li>{@code lenet5}: 1×28×28, conv 6@5×5 pad 2, ReLU, maxpool 2, conv 16@5×5, ReLU, maxpool 2,
 *   FC 400-120-84-10 with ReLU (LeCun et al. 1998 with ReLU and max pooling).</li>
 *   <li>{@code vgg8}: NeuroSim's CIFAR-10 VGG8: conv3×3 128,128,M,256,256,M,512,512,M, FC 8192-1024-10,
 *   pad 1, no bias (shared/reference/neurosim-vgg8.md).</li>
 *   <li>{@code vgg11}, {@code vgg16}: VGG configurations A and D (Simonyan and Zisserman 2015) on
 *   3×32×32, conv3×3 pad 1, five max pools, then FC 512-10 (the common CIFAR-10 head).</li>
 *   <li>{@code resnet18}: the CIFAR-10 ResNet-18 (3×3 stem 64, no stem pool, BasicBlocks [2,2,2,2] with
 *   64/128/256/512 channels, 1×1 projection shortcuts, global average pool, FC 512-10).</li>
 *   <li>{@code resnet20}, {@code resnet56}: He et al. 2016 §4.2 CIFAR ResNets (3 stages of n = 3 / 9
 *   BasicBlocks, 16/32/64 channels), with 1×1 projection shortcuts (option B) where the shape
 *   changes, global average pool, FC 64-10.</li>
 * </ul>
 * Every conv/FC is followed by ReLU except the last FC; there is no BatchNormalization (it would
 * fold into weights and bias) and no bias. Weights are drawn per layer from the stream
 * (seed, {@code "zoo/<network>/<layer>"}) by {@link WeightInit}. In residual networks the second
 * conv of each block is scaled by {@code L^(−1/2)} (L = number of blocks; Fixup, Zhang et al.
 * ICLR 2019) so activations stay bounded without BatchNormalization.
 */
public final class Zoo {
    private static final List<String> NAMES = List.of("mlp-fmnist", "lenet5", "vgg8", "vgg11", "vgg16",
            "resnet18", "resnet20", "resnet56");

    private Zoo() {
    }

    /** The network names, in a stable order. */
    public static List<String> names() {
        return NAMES;
    }

    /** True if {@code name} is a zoo network. */
    public static boolean contains(String name) {
        return NAMES.contains(name);
    }

    /** {@code name} with He-uniform weights and no sparsity. */
    public static Network build(String name, long seed) {
        return build(name, seed, Sparsity.none(), WeightInit.HE_UNIFORM);
    }

    /** {@code name} with He-uniform weights and the given sparsity. */
    public static Network build(String name, long seed, Sparsity sparsity) {
        return build(name, seed, sparsity, WeightInit.HE_UNIFORM);
    }

    /**
     * Builds network {@code name}; throws {@link BadInputException} (field {@code workload.network})
     * for an unknown name.
     */
    public static Network build(String name, long seed, Sparsity sparsity, WeightInit init) {
        Net n = new Net(name, seed, init);
        Network net = switch (name) {
            case "mlp-fmnist" -> mlp(n);
            case "lenet5" -> lenet5(n);
            case "vgg8" -> vgg8(n);
            case "vgg11" -> vgg(n, new int[] {64, -1, 128, -1, 256, 256, -1, 512, 512, -1, 512, 512, -1});
            case "vgg16" -> vgg(n, new int[] {64, 64, -1, 128, 128, -1, 256, 256, 256, -1, 512, 512, 512, -1,
                    512, 512, 512, -1});
            case "resnet18" -> resnet(n, 64, new int[] {64, 128, 256, 512}, 2);
            case "resnet20" -> resnet(n, 16, new int[] {16, 32, 64}, 3);
            case "resnet56" -> resnet(n, 16, new int[] {16, 32, 64}, 9);
            default -> throw new BadInputException(null, "workload.network", "unknown zoo network '" + name
                    + "'; known: " + String.join(", ", NAMES));
        };
        return sparsity.apply(net, seed);
    }

    private static Network mlp(Net n) {
        n.start(TensorShape.chw(1, 28, 28));
        int x = n.b.flatten("flatten", 0);
        x = n.relu(n.dense("fc1", x, 256));
        x = n.relu(n.dense("fc2", x, 128));
        n.dense("fc3", x, 10);
        return n.b.build();
    }

    private static Network lenet5(Net n) {
        n.start(TensorShape.chw(1, 28, 28));
        int x = n.relu(n.conv("conv1", 0, 6, 5, 1, 2, 1f));
        x = n.b.maxPool("pool1", x, Window.square(2, 2, 0), false);
        x = n.relu(n.conv("conv2", x, 16, 5, 1, 0, 1f));
        x = n.b.maxPool("pool2", x, Window.square(2, 2, 0), false);
        x = n.b.flatten("flatten", x);
        x = n.relu(n.dense("fc1", x, 120));
        x = n.relu(n.dense("fc2", x, 84));
        n.dense("fc3", x, 10);
        return n.b.build();
    }

    private static Network vgg8(Net n) {
        n.start(TensorShape.chw(3, 32, 32));
        int x = 0;
        int[] cfg = {128, 128, -1, 256, 256, -1, 512, 512, -1};
        int conv = 0;
        int pool = 0;
        for (int c : cfg) {
            if (c < 0) {
                x = n.b.maxPool("pool" + (++pool), x, Window.square(2, 2, 0), false);
            } else {
                x = n.relu(n.conv("conv" + (++conv), x, c, 3, 1, 1, 1f));
            }
        }
        x = n.b.flatten("flatten", x);
        x = n.relu(n.dense("fc1", x, 1024));
        n.dense("fc2", x, 10);
        return n.b.build();
    }

    private static Network vgg(Net n, int[] cfg) {
        n.start(TensorShape.chw(3, 32, 32));
        int x = 0;
        int conv = 0;
        int pool = 0;
        for (int c : cfg) {
            if (c < 0) {
                x = n.b.maxPool("pool" + (++pool), x, Window.square(2, 2, 0), false);
            } else {
                x = n.relu(n.conv("conv" + (++conv), x, c, 3, 1, 1, 1f));
            }
        }
        x = n.b.flatten("flatten", x);
        n.dense("fc", x, 10);
        return n.b.build();
    }

    private static Network resnet(Net n, int stem, int[] widths, int blocksPerStage) {
        n.start(TensorShape.chw(3, 32, 32));
        int blocks = widths.length * blocksPerStage;
        float branchScale = (float) (1.0 / Math.sqrt(blocks));
        int x = n.relu(n.conv("conv1", 0, stem, 3, 1, 1, 1f));
        int channels = stem;
        for (int s = 0; s < widths.length; s++) {
            for (int b = 0; b < blocksPerStage; b++) {
                int stride = s > 0 && b == 0 ? 2 : 1;
                String p = "layer" + (s + 1) + "." + b + ".";
                int y = n.relu(n.conv(p + "conv1", x, widths[s], 3, stride, 1, 1f));
                y = n.conv(p + "conv2", y, widths[s], 3, 1, 1, branchScale);
                int shortcut = x;
                if (stride != 1 || channels != widths[s]) {
                    shortcut = n.conv(p + "shortcut", x, widths[s], 1, stride, 0, 1f);
                }
                x = n.b.relu(p + "add.relu", n.b.add(p + "add", y, shortcut));
                channels = widths[s];
            }
        }
        x = n.b.globalAveragePool("avgpool", x);
        x = n.b.flatten("flatten", x);
        n.dense("fc", x, 10);
        return n.b.build();
    }

    /** Builder plus weight drawing for one zoo network. */
    private static final class Net {
        final String name;
        final long seed;
        final WeightInit init;
        NetworkBuilder b;

        Net(String name, long seed, WeightInit init) {
            this.name = name;
            this.seed = seed;
            this.init = init;
        }

        void start(TensorShape input) {
            b = new NetworkBuilder(name, input);
        }

        /** ReLU named after its producer: {@code conv1} → {@code conv1.relu}. */
        int relu(int x) {
            return b.relu(b.name(x) + ".relu", x);
        }

        int conv(String layer, int x, int cout, int k, int stride, int pad, float scale) {
            int cin = b.shape(x).channels();
            float[] w = weights(layer, cout * cin * k * k, cin * k * k, scale);
            return b.conv(layer, x, cout, Window.square(k, stride, pad), 1, w, null);
        }

        int dense(String layer, int x, int out) {
            int in = b.shape(x).size();
            return b.dense(layer, x, out, weights(layer, out * in, in, 1f), null);
        }

        float[] weights(String layer, int count, int fanIn, float scale) {
            RandomGenerator rng = RandomStreams.derive(seed, "zoo/" + name + "/" + layer);
            float[] w = new float[count];
            if (init == WeightInit.NEUROSIM) {
                SyntheticTrace.fillNeurosimWeights(rng, w);
                return w;
            }
            double bound = Math.sqrt(6.0 / fanIn) * scale;
            for (int i = 0; i < count; i++) {
                w[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            return w;
        }
    }
}
