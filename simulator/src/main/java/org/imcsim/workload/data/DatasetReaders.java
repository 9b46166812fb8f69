package org.imcsim.workload.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.imcsim.config.BadInputException;
import org.imcsim.workload.TensorShape;

/**
 * Readers for the dataset file formats. Each reads at most {@code limit} samples (0 or negative =
 * all) and stops reading the file there; gzip is detected from the file's first two bytes. Bad
 * files throw {@link BadInputException} naming the file and what is wrong with it.
 */
public final class DatasetReaders {
    private static final int IDX_UBYTE_IMAGES = 0x00000803;
    private static final int IDX_UBYTE_LABELS = 0x00000801;
    private static final int CIFAR_RECORD = 1 + 3 * 32 * 32;

    private DatasetReaders() {
    }

    /**
     * IDX image and label files (MNIST / Fashion-MNIST format, LeCun et al.): big-endian magic
     * {@code 0x00000803} and dims {@code [n, rows, cols]} for images, {@code 0x00000801} and
     * {@code [n]} for labels, then unsigned bytes. Samples are {@code 1 × rows × cols}.
     */
    public static Dataset readIdx(String name, Path images, Path labels, Preprocessing pre, int limit) {
        int n;
        int rows;
        int cols;
        byte[] pixels;
        try (DataInputStream in = open(images)) {
            int magic = readInt(in, images, "magic number");
            if (magic != IDX_UBYTE_IMAGES) {
                throw new BadInputException(images.toString(), "header", String.format(
                        "magic number 0x%08x is not an IDX unsigned-byte 3-D image file (expected 0x%08x)", magic, IDX_UBYTE_IMAGES));
            }
            n = readInt(in, images, "image count");
            rows = readInt(in, images, "row count");
            cols = readInt(in, images, "column count");
            if (n <= 0 || rows <= 0 || cols <= 0) {
                throw new BadInputException(images.toString(), "header", "dimensions must be positive, got "
                        + n + " x " + rows + " x " + cols);
            }
            int take = take(n, limit);
            long bytes = (long) take * rows * cols;
            if (bytes > Integer.MAX_VALUE - 8) {
                throw new BadInputException(images.toString(), null, "too large to load (" + bytes
                        + " bytes); use a sample limit");
            }
            pixels = new byte[(int) bytes];
            readFully(in, pixels, images, "image data (" + take + " images of " + rows + "x" + cols + ")");
            n = take;
        } catch (IOException e) {
            throw new BadInputException(images.toString(), null, "cannot read: " + e.getMessage(), e);
        }
        int[] lab = new int[n];
        try (DataInputStream in = open(labels)) {
            int magic = readInt(in, labels, "magic number");
            if (magic != IDX_UBYTE_LABELS) {
                throw new BadInputException(labels.toString(), "header", String.format(
                        "magic number 0x%08x is not an IDX unsigned-byte 1-D label file (expected 0x%08x)", magic, IDX_UBYTE_LABELS));
            }
            int count = readInt(in, labels, "label count");
            if (count < n) {
                throw new BadInputException(labels.toString(), "header", "holds " + count + " labels, the image file "
                        + images.getFileName() + " needs " + n);
            }
            byte[] b = new byte[n];
            readFully(in, b, labels, "label data (" + n + " labels)");
            for (int i = 0; i < n; i++) {
                lab[i] = b[i] & 0xff;
            }
        } catch (IOException e) {
            throw new BadInputException(labels.toString(), null, "cannot read: " + e.getMessage(), e);
        }
        return new Dataset(name, images + " + " + labels, TensorShape.chw(1, rows, cols), pre, n, pixels, null, lab);
    }

    /**
     * CIFAR-10 binary batches ({@code data_batch_*.bin}, {@code test_batch.bin}; Krizhevsky 2009):
     * records of 1 label byte (0–9) and 3072 pixel bytes (1024 red, 1024 green, 1024 blue, row-major
     * 32×32). Files are read in the given order. Samples are {@code 3 × 32 × 32}.
     */
    public static Dataset readCifar10(String name, List<Path> files, Preprocessing pre, int limit) {
        List<byte[]> chunks = new ArrayList<>();
        List<int[]> labelChunks = new ArrayList<>();
        int total = 0;
        for (Path f : files) {
            if (limit > 0 && total >= limit) {
                break;
            }
            long len;
            try {
                len = Files.size(f);
            } catch (NoSuchFileException e) {
                throw new BadInputException(f.toString(), null, "file not found");
            } catch (IOException e) {
                throw new BadInputException(f.toString(), null, "cannot read: " + e.getMessage(), e);
            }
            boolean gz = isGzip(f);
            if (!gz && (len == 0 || len % CIFAR_RECORD != 0)) {
                throw new BadInputException(f.toString(), null, "size " + len + " bytes is not a positive multiple of the "
                        + CIFAR_RECORD + "-byte CIFAR-10 record (1 label + 3072 pixels)");
            }
            try (DataInputStream in = open(f)) {
                byte[] rec = new byte[CIFAR_RECORD];
                List<byte[]> px = new ArrayList<>();
                int count = 0;
                while (limit <= 0 || total + count < limit) {
                    int got = in.readNBytes(rec, 0, CIFAR_RECORD);
                    if (got == 0) {
                        break;
                    }
                    if (got < CIFAR_RECORD) {
                        throw new BadInputException(f.toString(), "record " + count, "truncated: " + got + " of "
                                + CIFAR_RECORD + " bytes");
                    }
                    int label = rec[0] & 0xff;
                    if (label > 9) {
                        throw new BadInputException(f.toString(), "record " + count, "label " + label
                                + " is not in 0..9 (not a CIFAR-10 binary file?)");
                    }
                    px.add(rec.clone());
                    count++;
                }
                byte[] pixels = new byte[count * (CIFAR_RECORD - 1)];
                int[] lab = new int[count];
                for (int i = 0; i < count; i++) {
                    byte[] r = px.get(i);
                    lab[i] = r[0] & 0xff;
                    System.arraycopy(r, 1, pixels, i * (CIFAR_RECORD - 1), CIFAR_RECORD - 1);
                }
                chunks.add(pixels);
                labelChunks.add(lab);
                total += count;
            } catch (IOException e) {
                throw new BadInputException(f.toString(), null, "cannot read: " + e.getMessage(), e);
            }
        }
        byte[] pixels = new byte[total * (CIFAR_RECORD - 1)];
        int[] lab = new int[total];
        int at = 0;
        for (int k = 0; k < chunks.size(); k++) {
            byte[] c = chunks.get(k);
            System.arraycopy(c, 0, pixels, at * (CIFAR_RECORD - 1), c.length);
            System.arraycopy(labelChunks.get(k), 0, lab, at, labelChunks.get(k).length);
            at += labelChunks.get(k).length;
        }
        return new Dataset(name, files.toString(), TensorShape.chw(3, 32, 32), pre, total, pixels, null, lab);
    }

    /**
     * CSV with a header row, one sample per line: the column named {@code labelColumn} holds the
     * integer class (≥ 0), every other column a feature value, in header order. Samples take
     * {@code shape} (null = flat, one value per feature column), whose size must equal the number of
     * feature columns. Empty lines are skipped.
     */
    public static Dataset readCsv(String name, Path csv, String labelColumn, TensorShape shape, Preprocessing pre, int limit) {
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(openRaw(csv), StandardCharsets.UTF_8))) {
            String header = r.readLine();
            if (header == null || header.isBlank()) {
                throw new BadInputException(csv.toString(), "line 1", "empty file (expected a header row)");
            }
            String[] cols = split(header);
            int labelIdx = -1;
            for (int i = 0; i < cols.length; i++) {
                if (cols[i].equals(labelColumn)) {
                    if (labelIdx >= 0) {
                        throw new BadInputException(csv.toString(), "line 1", "label column '" + labelColumn + "' appears twice");
                    }
                    labelIdx = i;
                }
            }
            if (labelIdx < 0) {
                throw new BadInputException(csv.toString(), "line 1", "no column named '" + labelColumn
                        + "' (the label column); header has " + Arrays.toString(cols));
            }
            int features = cols.length - 1;
            if (features < 1) {
                throw new BadInputException(csv.toString(), "line 1", "no feature columns besides the label");
            }
            TensorShape s = shape == null ? TensorShape.flat(features) : shape;
            if (s.size() != features) {
                throw new BadInputException(csv.toString(), "line 1", features + " feature columns do not fill the sample shape "
                        + s + " (" + s.size() + " values)");
            }
            float[] data = new float[Math.max(16, limit > 0 ? Math.min(limit, 1 << 16) : 1024) * features];
            int[] lab = new int[data.length / features];
            int n = 0;
            int lineNo = 1;
            String line;
            while ((limit <= 0 || n < limit) && (line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] v = split(line);
                if (v.length != cols.length) {
                    throw new BadInputException(csv.toString(), "line " + lineNo, "has " + v.length + " fields, the header has "
                            + cols.length);
                }
                if ((n + 1) * features > data.length) {
                    data = Arrays.copyOf(data, data.length * 2);
                    lab = Arrays.copyOf(lab, lab.length * 2);
                }
                int f = 0;
                for (int i = 0; i < v.length; i++) {
                    if (i == labelIdx) {
                        try {
                            lab[n] = Integer.parseInt(v[i]);
                        } catch (NumberFormatException e) {
                            lab[n] = -1;
                        }
                        if (lab[n] < 0) {
                            throw new BadInputException(csv.toString(), "line " + lineNo + ", column '" + cols[i] + "'",
                                    "label '" + v[i] + "' is not a non-negative integer");
                        }
                    } else {
                        try {
                            data[n * features + f++] = Float.parseFloat(v[i]);
                        } catch (NumberFormatException e) {
                            throw new BadInputException(csv.toString(), "line " + lineNo + ", column '" + cols[i] + "'",
                                    "'" + v[i] + "' is not a number");
                        }
                    }
                }
                n++;
            }
            if (n == 0) {
                throw new BadInputException(csv.toString(), null, "no samples after the header");
            }
            return new Dataset(name, csv.toString(), s, pre, n, null, Arrays.copyOf(data, n * features), Arrays.copyOf(lab, n));
        } catch (IOException e) {
            throw new BadInputException(csv.toString(), null, "cannot read: " + e.getMessage(), e);
        }
    }

    private static String[] split(String line) {
        String[] p = line.split(",", -1);
        for (int i = 0; i < p.length; i++) {
            p[i] = p[i].trim();
        }
        return p;
    }

    private static int take(int available, int limit) {
        return limit > 0 ? Math.min(limit, available) : available;
    }

    private static boolean isGzip(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            return false;
        }
    }

    private static InputStream openRaw(Path p) throws IOException {
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new BadInputException(p.toString(), null, "file not found");
        }
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    private static DataInputStream open(Path p) throws IOException {
        return new DataInputStream(openRaw(p));
    }

    private static int readInt(DataInputStream in, Path p, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new BadInputException(p.toString(), "header", "file ends before the " + what);
        }
    }

    private static void readFully(DataInputStream in, byte[] b, Path p, String what) throws IOException {
        int got = in.readNBytes(b, 0, b.length);
        if (got < b.length) {
            throw new BadInputException(p.toString(), null, "truncated: " + what + " needs " + b.length
                    + " bytes, the file has " + got);
        }
    }
}
