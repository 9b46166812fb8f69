package org.imcsim.arch;

import java.util.Arrays;
import org.imcsim.component.StatWriter;

/**
 * Per-image progress of a chip's dataflow, shared by {@link DataflowController} and
 * {@link StageController}: when each layer first issued and completed each image, how many layers
 * of an image are complete (and how many in order from the first), and when each image finished.
 * Times in ps; −1 means "not yet". Not thread-safe (one per simulation).
 */
final class ImageProgress {
    private final int layers;
    private final int images;
    private final long[][] firstIssuePs;
    private final long[][] layerDonePs;
    private final int[] layersComplete;
    private final int[] leadingComplete;
    private final long[] imageDonePs;
    private int imagesDone;

    ImageProgress(int layers, int images) {
        this.layers = layers;
        this.images = images;
        firstIssuePs = new long[layers][images];
        layerDonePs = new long[layers][images];
        for (int l = 0; l < layers; l++) {
            Arrays.fill(firstIssuePs[l], -1);
            Arrays.fill(layerDonePs[l], -1);
        }
        layersComplete = new int[images];
        leadingComplete = new int[images];
        imageDonePs = new long[images];
        Arrays.fill(imageDonePs, -1);
    }

    /** Records that layer {@code l} issued work of image {@code img} at {@code nowPs} (the first time counts). */
    void issued(int l, int img, long nowPs) {
        if (firstIssuePs[l][img] < 0) {
            firstIssuePs[l][img] = nowPs;
        }
    }

    /** Whether layer {@code l} has completed image {@code img}. */
    boolean layerDone(int l, int img) {
        return layerDonePs[l][img] >= 0;
    }

    /**
     * Records that layer {@code l} completed image {@code img} at {@code nowPs}.
     *
     * @return true when this completed the last layer of the last image
     */
    boolean completeLayer(int l, int img, long nowPs) {
        layerDonePs[l][img] = nowPs;
        layersComplete[img]++;
        while (leadingComplete[img] < layers && layerDonePs[leadingComplete[img]][img] >= 0) {
            leadingComplete[img]++;
        }
        if (layersComplete[img] == layers) {
            imageDonePs[img] = nowPs;
            return ++imagesDone == images;
        }
        return false;
    }

    /** Layers of image {@code img} complete in order from the first. */
    int leadingComplete(int img) {
        return leadingComplete[img];
    }

    long imageDonePs(int i) {
        return imageDonePs[i];
    }

    long firstIssuePs(int l, int i) {
        return firstIssuePs[l][i];
    }

    long layerDonePs(int l, int i) {
        return layerDonePs[l][i];
    }

    int imagesDone() {
        return imagesDone;
    }

    void reportStats(StatWriter out) {
        out.put("imagesDone", imagesDone);
        for (int i = 0; i < images; i++) {
            out.put("image" + i + "DonePs", imageDonePs[i]);
        }
    }
}
