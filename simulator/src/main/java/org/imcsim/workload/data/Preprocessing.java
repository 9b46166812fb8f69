package org.imcsim.workload.data;

import java.util.Arrays;

/**
 * How raw sample values become network inputs: {@code x = (raw · scale − mean[c]) / std[c]} for
 * channel {@code c} (one mean/std for all channels when the arrays have length 1). The shipped
 * datasets use the preprocessing their training scripts used (docs/workloads.md).
 */
public record Preprocessing(String name, double scale, float[] mean, float[] std) {

    /** Fashion-MNIST: pixels /255, then mean 0.2860, std 0.3530 (the training scripts' transform). */
    public static final Preprocessing FASHION_MNIST = new Preprocessing("fashion-mnist", 1.0 / 255,
            new float[] {0.2860f}, new float[] {0.3530f});
    /** MNIST: pixels /255, then the customary mean 0.1307, std 0.3081. */
    public static final Preprocessing MNIST = new Preprocessing("mnist", 1.0 / 255,
            new float[] {0.1307f}, new float[] {0.3081f});
    /** CIFAR-10: pixels /255, then per-channel mean (0.4914, 0.4822, 0.4465), std (0.2470, 0.2435, 0.2616) of the training set. */
    public static final Preprocessing CIFAR10 = new Preprocessing("cifar10", 1.0 / 255,
            new float[] {0.4914f, 0.4822f, 0.4465f}, new float[] {0.2470f, 0.2435f, 0.2616f});
    /** sklearn 8×8 digits: values 0..16 divided by 16, no normalization. */
    public static final Preprocessing DIGITS = new Preprocessing("digits", 1.0 / 16, new float[] {0f}, new float[] {1f});
    /** Pixels /255 only. */
    public static final Preprocessing UNIT = new Preprocessing("unit", 1.0 / 255, new float[] {0f}, new float[] {1f});
    /** Raw values unchanged. */
    public static final Preprocessing NONE = new Preprocessing("none", 1.0, new float[] {0f}, new float[] {1f});

    public Preprocessing {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need the same positive length");
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("std must be positive, got " + Arrays.toString(std));
            }
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite, got " + scale);
        }
        mean = mean.clone();
        std = std.clone();
    }

    /** The named presets: fashion-mnist, mnist, cifar10, digits, unit, none; null if unknown. */
    public static Preprocessing named(String name) {
        return switch (name) {
            case "fashion-mnist" -> FASHION_MNIST;
            case "mnist" -> MNIST;
            case "cifar10" -> CIFAR10;
            case "digits" -> DIGITS;
            case "unit" -> UNIT;
            case "none" -> NONE;
            default -> null;
        };
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    /** Number of channels it distinguishes (1 = same for all). */
    public int channels() {
        return mean.length;
    }

    /** The preprocessed value of raw value {@code raw} in channel {@code c}. */
    public float apply(double raw, int c) {
        int i = mean.length == 1 ? 0 : c;
        return (float) ((raw * scale - mean[i]) / std[i]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && name.equals(p.name) && scale == p.scale
                && Arrays.equals(mean, p.mean) && Arrays.equals(std, p.std);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(mean);
    }

    @Override
    public String toString() {
        return name + " (x·" + scale + " − " + Arrays.toString(mean) + ") / " + Arrays.toString(std);
    }
}
