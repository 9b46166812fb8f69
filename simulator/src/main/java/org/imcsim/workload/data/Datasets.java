package org.imcsim.workload.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.imcsim.config.BadInputException;
import org.imcsim.workload.FloatForward;
import org.imcsim.workload.Network;
import org.imcsim.workload.RepoFiles;
import org.imcsim.workload.TensorShape;

/**
 * Resolves the {@code workload.dataset} setting. The spec is {@code NAME[?key=value[&key=value]]}:
 * <ul>
 *   <li>a shipped name: {@code fashion-mnist} (the 10k test set,
 *   {@code traces/datasets/fashion-mnist/t10k-{images-idx3,labels-idx1}-ubyte.gz}, preprocessing
 *   {@link Preprocessing#FASHION_MNIST}) or {@code digits} (sklearn 8×8 digits,
 *   {@code traces/datasets/digits/digits.csv}, label column {@code label}, shape 1×8×8,
 *   {@link Preprocessing#DIGITS}); {@code traces/} is looked up by {@link RepoFiles}, then
 *   Fashion-MNIST also under Debian's {@code /usr/share/datasets/fashion-mnist/};</li>
 *   <li>a path: {@code *.csv} (CSV), {@code *-images-idx3-ubyte[.gz]} (IDX; the labels file is the
 *   same name with {@code labels-idx1}), or a CIFAR-10 {@code *.bin} batch or a directory holding
 *   {@code test_batch.bin}.</li>
 * </ul>
 * Options: {@code preprocess=fashion-mnist|mnist|cifar10|digits|unit|none} (defaults: IDX
 * {@code unit}, CIFAR-10 {@code cifar10}, CSV {@code none}), {@code label=COLUMN} (CSV, default
 * {@code label}), {@code shape=CxHxW} (CSV, default flat), {@code labels=PATH} (IDX).
 */
public final class Datasets {
    /** The config field this spec comes from, used in error messages. */
    public static final String FIELD = "workload.dataset";
    /** Shipped Fashion-MNIST test images, relative to the repository root. */
    public static final String FASHION_IMAGES = "traces/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz";
    /** Shipped Fashion-MNIST test labels, relative to the repository root. */
    public static final String FASHION_LABELS = "traces/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz";
    /** Shipped sklearn digits CSV, relative to the repository root. */
    public static final String DIGITS_CSV = "traces/datasets/digits/digits.csv";
    /** The digits test split (0-based data rows), relative to the repository root. */
    public static final String DIGITS_TEST_ROWS = "traces/datasets/digits/test_rows.txt";
    private static final String DEBIAN_FASHION = "/usr/share/datasets/fashion-mnist/";

    private Datasets() {
    }

    /** The shipped dataset names. */
    public static List<String> names() {
        return List.of("fashion-mnist", "digits", "digits-test");
    }

    /** Resolves {@code spec}, reading at most {@code limit} samples (0 = all). */
    public static Dataset resolve(String spec, int limit) {
        if (spec == null || spec.isBlank()) {
            throw new BadInputException(null, FIELD, "is empty; give " + String.join(" or ", names()) + " or a path");
        }
        String base = spec.trim();
        String preName = null;
        String label = "label";
        String shapeText = null;
        String labelsPath = null;
        int q = base.indexOf('?');
        if (q >= 0) {
            String query = base.substring(q + 1);
            base = base.substring(0, q);
            for (String kv : query.split("&")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new BadInputException(null, FIELD, "option '" + kv + "' in '" + spec + "' is not key=value");
                }
                String v = kv.substring(eq + 1);
                switch (kv.substring(0, eq)) {
                    case "preprocess" -> preName = v;
                    case "label" -> label = v;
                    case "shape" -> shapeText = v;
                    case "labels" -> labelsPath = v;
                    default -> throw new BadInputException(null, FIELD, "unknown option '" + kv.substring(0, eq) + "' in '"
                            + spec + "' (known: preprocess, label, shape, labels)");
                }
            }
        }
        Preprocessing pre = null;
        if (preName != null) {
            pre = Preprocessing.named(preName);
            if (pre == null) {
                throw new BadInputException(null, FIELD, "preprocess=" + preName
                        + ": expected fashion-mnist, mnist, cifar10, digits, unit or none");
            }
        }
        TensorShape shape = shapeText == null ? null : parseShape(shapeText, spec);
        switch (base) {
            case "fashion-mnist": {
                Path img = shipped(FASHION_IMAGES, DEBIAN_FASHION + "t10k-images-idx3-ubyte.gz");
                Path lab = shipped(FASHION_LABELS, DEBIAN_FASHION + "t10k-labels-idx1-ubyte.gz");
                return DatasetReaders.readIdx("fashion-mnist", img, lab, pre != null ? pre : Preprocessing.FASHION_MNIST, limit);
            }
            case "digits": {
                Path csv = shipped(DIGITS_CSV, null);
                return DatasetReaders.readCsv("digits", csv, "label", shape != null ? shape : TensorShape.chw(1, 8, 8),
                        pre != null ? pre : Preprocessing.DIGITS, limit);
            }
            case "digits-test": {
                // the 355-row test split the digits models were evaluated on (traces/datasets/digits/README.md)
                Dataset all = resolve("digits" + (q >= 0 ? spec.trim().substring(q) : ""), 0);
                Path rowsFile = shipped(DIGITS_TEST_ROWS, null);
                int[] rows;
                try {
                    rows = Files.readAllLines(rowsFile).stream().map(String::strip).filter(t -> !t.isEmpty())
                            .mapToInt(Integer::parseInt).toArray();
                } catch (java.io.IOException | NumberFormatException e) {
                    throw new BadInputException(rowsFile.toString(), null, "cannot read the test rows: " + e.getMessage(), e);
                }
                Dataset test = all.subset("digits-test", rows);
                return limit > 0 && limit < rows.length ? test.subset("digits-test", java.util.stream.IntStream.range(0, limit).toArray()) : test;
            }
            default:
                break;
        }
        Path p = Paths.get(base);
        if (!Files.exists(p)) {
            Path found = p.isAbsolute() ? null : RepoFiles.find(base);
            if (found == null) {
                throw new BadInputException(null, FIELD, "'" + base + "' is neither a shipped dataset ("
                        + String.join(", ", names()) + ") nor an existing file");
            }
            p = found;
        }
        String fn = p.getFileName().toString().toLowerCase(Locale.ROOT);
        String name = p.getFileName().toString();
        if (fn.endsWith(".csv") || fn.endsWith(".csv.gz")) {
            return DatasetReaders.readCsv(name, p, label, shape, pre != null ? pre : Preprocessing.NONE, limit);
        }
        if (fn.contains("idx3-ubyte")) {
            Path lab = labelsPath != null ? Paths.get(labelsPath)
                    : p.resolveSibling(p.getFileName().toString().replace("images-idx3", "labels-idx1").replace("images.idx3", "labels.idx1"));
            if (lab.equals(p)) {
                throw new BadInputException(p.toString(), null, "cannot derive the labels file name; give ?labels=PATH");
            }
            return DatasetReaders.readIdx(name, p, lab, pre != null ? pre : Preprocessing.UNIT, limit);
        }
        if (Files.isDirectory(p)) {
            Path t = p.resolve("test_batch.bin");
            if (!Files.exists(t)) {
                throw new BadInputException(p.toString(), null, "directory has no CIFAR-10 test_batch.bin");
            }
            return DatasetReaders.readCifar10("cifar10", List.of(t), pre != null ? pre : Preprocessing.CIFAR10, limit);
        }
        if (fn.endsWith(".bin")) {
            return DatasetReaders.readCifar10(name, new ArrayList<>(List.of(p)), pre != null ? pre : Preprocessing.CIFAR10, limit);
        }
        throw new BadInputException(p.toString(), null, "unknown dataset format (expected .csv, *-idx3-ubyte[.gz], "
                + "a CIFAR-10 .bin batch or a directory holding test_batch.bin)");
    }

    /**
     * Checks that {@code data} fits {@code network}: the sample holds as many values as the network
     * input (the layout is reinterpreted, e.g. 1×28×28 for a flat 784 input) and every label is a
     * valid output index. Throws {@link BadInputException} otherwise.
     */
    public static void checkCompatible(Network network, Dataset data) {
        TensorShape in = network.inputShape();
        if (data.sampleShape().size() != in.size()) {
            throw new BadInputException(null, FIELD, "dataset " + data.name() + " has samples of " + data.sampleShape()
                    + " (" + data.sampleShape().size() + " values), network " + network.name() + " expects " + in
                    + " (" + in.size() + " values)");
        }
        if (data.classes() > network.outputShape().size()) {
            throw new BadInputException(null, FIELD, "dataset " + data.name() + " has labels up to " + (data.classes() - 1)
                    + ", network " + network.name() + " has only " + network.outputShape().size() + " outputs");
        }
    }

    /**
     * Top-1 accuracy (fraction in [0, 1]) of {@code forward} on the first {@code images} samples
     * (0 = all), run in batches of {@code batchSize}.
     */
    public static double top1(FloatForward forward, Dataset data, int images, int batchSize) {
        checkCompatible(forward.network(), data);
        int n = images > 0 ? Math.min(images, data.size()) : data.size();
        int per = data.sampleShape().size();
        int k = forward.network().outputShape().size();
        float[] x = new float[batchSize * per];
        int[] labels = new int[batchSize];
        long correct = 0;
        for (int first = 0; first < n; first += batchSize) {
            int b = Math.min(batchSize, n - first);
            float[] xb = b == batchSize ? x : new float[b * per];
            data.batch(first, b, xb, labels);
            float[] y = forward.run(xb, b);
            for (int i = 0; i < b; i++) {
                if (FloatForward.argmax(y, i * k, k) == labels[i]) {
                    correct++;
                }
            }
        }
        return n == 0 ? 0 : (double) correct / n;
    }

    private static Path shipped(String relative, String fallback) {
        Path p = RepoFiles.find(relative);
        if (p == null && fallback != null && Files.exists(Paths.get(fallback))) {
            p = Paths.get(fallback);
        }
        if (p == null) {
            throw new BadInputException(relative, null, "shipped dataset file not found (looked under the "
                    + "working directory, its parents" + (fallback != null ? " and " + fallback : "")
                    + "; set -D" + RepoFiles.HOME_PROPERTY + "=<imcsim checkout>)");
        }
        return p;
    }

    private static TensorShape parseShape(String text, String spec) {
        try {
            String[] p = text.split("x");
            int[] d = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                d[i] = Integer.parseInt(p[i]);
            }
            return TensorShape.of(d);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(null, FIELD, "shape=" + text + " in '" + spec + "': expected e.g. 1x8x8");
        }
    }
}
