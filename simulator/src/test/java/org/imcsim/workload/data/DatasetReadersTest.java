package org.imcsim.workload.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.imcsim.config.BadInputException;
import org.imcsim.workload.FloatForward;
import org.imcsim.workload.Network;
import org.imcsim.workload.NetworkBuilder;
import org.imcsim.workload.RepoFiles;
import org.imcsim.workload.TensorShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReadersTest {
    @TempDir
    Path dir;

    private static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(bo);
        o.writeInt(magic);
        for (int d : dims) {
            o.writeInt(d);
        }
        o.write(data);
        return bo.toByteArray();
    }

    private Path write(String name, byte[] data, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream o = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            o.write(data);
        }
        return p;
    }

    /** 5 images of 2x3, pixel j of image i = 10·i + j; labels i % 3. */
    private Path[] idxPair(boolean gzip) throws IOException {
        byte[] px = new byte[5 * 6];
        byte[] lab = new byte[5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 6; j++) {
                px[i * 6 + j] = (byte) (10 * i + j + 200 * (j == 5 && i == 4 ? 1 : 0));
            }
            lab[i] = (byte) (i % 3);
        }
        String ext = gzip ? ".gz" : "";
        return new Path[] {
            write("t-images-idx3-ubyte" + ext, idx(0x803, new int[] {5, 2, 3}, px), gzip),
            write("t-labels-idx1-ubyte" + ext, idx(0x801, new int[] {5}, lab), gzip)};
    }

    @Test
    void idxPlainAndGzipWithPreprocessingAndLimit() throws IOException {
        for (boolean gz : new boolean[] {false, true}) {
            Path[] f = idxPair(gz);
            Dataset d = DatasetReaders.readIdx("t", f[0], f[1], Preprocessing.FASHION_MNIST, 0);
            assertEquals(5, d.size());
            assertEquals(TensorShape.chw(1, 2, 3), d.sampleShape());
            assertEquals(3, d.classes());
            float[] x = new float[6];
            d.sample(4, x, 0);
            assertEquals((42 / 255.0 - 0.2860) / 0.3530, x[2], 1e-6);
            assertEquals(((245) / 255.0 - 0.2860) / 0.3530, x[5], 1e-6, "pixel bytes are unsigned");
            assertEquals(1, d.label(4));
            Dataset lim = DatasetReaders.readIdx("t", f[0], f[1], Preprocessing.UNIT, 2);
            assertEquals(2, lim.size());
            float[] b = new float[12];
            int[] labels = new int[2];
            lim.batch(0, 2, b, labels);
            assertEquals(13 / 255f, b[6 + 3], 1e-7);
            assertEquals(1, labels[1]);
        }
    }

    @Test
    void idxErrorsNameTheFile() throws IOException {
        Path[] f = idxPair(false);
        BadInputException e = assertThrows(BadInputException.class,
                () -> DatasetReaders.readIdx("t", f[1], f[0], Preprocessing.UNIT, 0));
        assertEquals(f[1] + ": header: magic number 0x00000801 is not an IDX unsigned-byte 3-D image file (expected 0x00000803)",
                e.getMessage());
        Path trunc = write("trunc-images-idx3-ubyte", idx(0x803, new int[] {5, 2, 3}, new byte[20]), false);
        e = assertThrows(BadInputException.class, () -> DatasetReaders.readIdx("t", trunc, f[1], Preprocessing.UNIT, 0));
        assertEquals(trunc + ": truncated: image data (5 images of 2x3) needs 30 bytes, the file has 20", e.getMessage());
        Path fewLabels = write("few-labels", idx(0x801, new int[] {3}, new byte[3]), false);
        e = assertThrows(BadInputException.class, () -> DatasetReaders.readIdx("t", f[0], fewLabels, Preprocessing.UNIT, 0));
        assertTrue(e.getMessage().contains("holds 3 labels"), e.getMessage());
        Path missing = dir.resolve("nope");
        e = assertThrows(BadInputException.class, () -> DatasetReaders.readIdx("t", missing, f[1], Preprocessing.UNIT, 0));
        assertEquals(missing + ": file not found", e.getMessage());
    }

    private byte[] cifar(int records, int badLabelAt) {
        byte[] b = new byte[records * 3073];
        for (int r = 0; r < records; r++) {
            b[r * 3073] = (byte) (r == badLabelAt ? 12 : r % 10);
            for (int j = 0; j < 3072; j++) {
                b[r * 3073 + 1 + j] = (byte) (j / 1024 * 100 + r);
            }
        }
        return b;
    }

    @Test
    void cifar10PerChannelNormalization() throws IOException {
        Path f = write("test_batch.bin", cifar(3, -1), false);
        Dataset d = DatasetReaders.readCifar10("c", List.of(f), Preprocessing.CIFAR10, 0);
        assertEquals(3, d.size());
        assertEquals(TensorShape.chw(3, 32, 32), d.sampleShape());
        float[] x = new float[3072];
        d.sample(2, x, 0);
        assertEquals((2 / 255.0 - 0.4914) / 0.2470, x[0], 1e-6);
        assertEquals((102 / 255.0 - 0.4822) / 0.2435, x[1024 + 7], 1e-6);
        assertEquals((202 / 255.0 - 0.4465) / 0.2616, x[3071], 1e-6);
        assertEquals(2, d.label(2));
        Dataset two = Datasets.resolve(dir.toString() + "?preprocess=unit", 2);
        assertEquals(2, two.size());
        two.sample(1, x, 0);
        assertEquals(101 / 255f, x[1024], 1e-7);
    }

    @Test
    void cifar10Errors() throws IOException {
        Path odd = write("odd.bin", new byte[3074], false);
        BadInputException e = assertThrows(BadInputException.class,
                () -> DatasetReaders.readCifar10("c", List.of(odd), Preprocessing.CIFAR10, 0));
        assertTrue(e.getMessage().startsWith(odd + ": size 3074 bytes is not a positive multiple"), e.getMessage());
        Path bad = write("bad.bin", cifar(2, 1), false);
        e = assertThrows(BadInputException.class, () -> DatasetReaders.readCifar10("c", List.of(bad), Preprocessing.CIFAR10, 0));
        assertEquals(bad + ": record 1: label 12 is not in 0..9 (not a CIFAR-10 binary file?)", e.getMessage());
    }

    private Path csv(String text) throws IOException {
        Path p = dir.resolve("d.csv");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void csvWithNamedLabelColumnAndShape() throws IOException {
        Path p = csv("a,b,target,c,d\n1,2,3,4,16\n\n0,0,1,8,8\n");
        Dataset d = DatasetReaders.readCsv("d", p, "target", TensorShape.chw(1, 2, 2), Preprocessing.DIGITS, 0);
        assertEquals(2, d.size());
        assertEquals(4, d.classes());
        float[] x = new float[4];
        d.sample(0, x, 0);
        assertEquals(1 / 16f, x[0]);
        assertEquals(4 / 16f, x[2]);
        assertEquals(1f, x[3]);
        assertEquals(3, d.label(0));
        Dataset viaSpec = Datasets.resolve(p + "?label=target&shape=4", 1);
        assertEquals(1, viaSpec.size());
        assertEquals(TensorShape.flat(4), viaSpec.sampleShape());
        viaSpec.sample(0, x, 0);
        assertEquals(16f, x[3], "CSV default preprocessing is none");
    }

    @Test
    void csvErrorsNameLineAndColumn() throws IOException {
        Path p = csv("a,b,label\n1,2,0\n1,x,1\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> DatasetReaders.readCsv("d", p, "label", null, Preprocessing.NONE, 0));
        assertEquals(p + ": line 3, column 'b': 'x' is not a number", e.getMessage());
        Path q = csv("a,b,label\n1,2\n");
        e = assertThrows(BadInputException.class, () -> DatasetReaders.readCsv("d", q, "label", null, Preprocessing.NONE, 0));
        assertEquals(q + ": line 2: has 2 fields, the header has 3", e.getMessage());
        Path r = csv("a,b,y\n1,2,0\n");
        e = assertThrows(BadInputException.class, () -> DatasetReaders.readCsv("d", r, "label", null, Preprocessing.NONE, 0));
        assertTrue(e.getMessage().startsWith(r + ": line 1: no column named 'label'"), e.getMessage());
        Path s = csv("a,b,label\n1,2,-1\n");
        e = assertThrows(BadInputException.class, () -> DatasetReaders.readCsv("d", s, "label", null, Preprocessing.NONE, 0));
        assertEquals(s + ": line 2, column 'label': label '-1' is not a non-negative integer", e.getMessage());
    }

    @Test
    void resolveErrors() {
        BadInputException e = assertThrows(BadInputException.class, () -> Datasets.resolve("cifar-100", 0));
        assertEquals("workload.dataset: 'cifar-100' is neither a shipped dataset (fashion-mnist, digits, digits-test) nor an existing file",
                e.getMessage());
        e = assertThrows(BadInputException.class, () -> Datasets.resolve("digits?preprocess=zscore", 0));
        assertTrue(e.getMessage().contains("preprocess=zscore"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> Datasets.resolve("digits?colour=red", 0));
        assertTrue(e.getMessage().contains("unknown option 'colour'"), e.getMessage());
    }

    @Test
    void top1AndCompatibility() throws IOException {
        // a 2-feature "network" that predicts class = argmax of the input
        NetworkBuilder b = new NetworkBuilder("id", TensorShape.flat(2));
        b.dense("fc", 0, 2, new float[] {1, 0, 0, 1}, null);
        Network net = b.build();
        Path p = csv("x0,x1,label\n1,0,0\n0,1,1\n2,1,1\n0,3,1\n");
        Dataset d = DatasetReaders.readCsv("d", p, "label", null, Preprocessing.NONE, 0);
        assertEquals(0.75, Datasets.top1(new FloatForward(net), d, 0, 3), 1e-12);
        assertEquals(1.0, Datasets.top1(new FloatForward(net), d, 2, 3), 1e-12);
        Path wide = csv("x0,x1,x2,label\n1,0,0,0\n");
        Dataset w = DatasetReaders.readCsv("w", wide, "label", null, Preprocessing.NONE, 0);
        BadInputException e = assertThrows(BadInputException.class, () -> Datasets.checkCompatible(net, w));
        assertEquals("workload.dataset: dataset w has samples of 3 (3 values), network id expects 2 (2 values)", e.getMessage());
        Path many = csv("x0,x1,label\n1,0,5\n");
        Dataset m = DatasetReaders.readCsv("m", many, "label", null, Preprocessing.NONE, 0);
        assertThrows(BadInputException.class, () -> Datasets.checkCompatible(net, m));
    }

    /** Runs when the shipped files are present (they are committed under traces/datasets/). */
    @Test
    void shippedDatasets() {
        assumeTrue(RepoFiles.find(Datasets.FASHION_IMAGES) != null && RepoFiles.find(Datasets.DIGITS_CSV) != null,
                "shipped datasets not present");
        Dataset f = Datasets.resolve("fashion-mnist", 0);
        assertEquals(10000, f.size());
        assertEquals(TensorShape.chw(1, 28, 28), f.sampleShape());
        int[] perClass = new int[10];
        double s = 0;
        double sq = 0;
        float[] x = new float[784];
        for (int i = 0; i < f.size(); i++) {
            perClass[f.label(i)]++;
            f.sample(i, x, 0);
            for (float v : x) {
                s += v;
                sq += v * v;
            }
        }
        for (int c : perClass) {
            assertEquals(1000, c);
        }
        double mean = s / (10000.0 * 784);
        double std = Math.sqrt(sq / (10000.0 * 784) - mean * mean);
        assertEquals(0.0, mean, 0.01, "normalized with the training mean");
        assertEquals(1.0, std, 0.02, "normalized with the training std");

        Dataset d = Datasets.resolve("digits", 0);
        assertEquals(1797, d.size());
        assertEquals(10, d.classes());
        assertEquals(TensorShape.chw(1, 8, 8), d.sampleShape());
        float[] y = new float[64];
        d.sample(0, y, 0);
        assertEquals(5 / 16f, y[2]);
        assertEquals(0, d.label(0));
    }
}
