package org.imcsim.sweep;

import org.imcsim.config.BadInputException;

/**
 * A deterministic 1/N slice of a sweep: shard {@code i} of {@code n} runs the points whose index is
 * {@code i} modulo {@code n}. Indices are 0-based, as Slurm's {@code SLURM_ARRAY_TASK_ID} (with
 * {@code --array=0-(N-1)}) and Kubernetes' {@code JOB_COMPLETION_INDEX} are.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new BadInputException("--shard", null, "expected i/N with 0 <= i < N, got " + index + "/" + count);
        }
    }

    /** Parses {@code i/N}. */
    public static Shard parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        try {
            if (slash > 0) {
                return new Shard(Integer.parseInt(s.substring(0, slash).strip()), Integer.parseInt(s.substring(slash + 1).strip()));
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new BadInputException("--shard", null, "expected i/N (e.g. 0/4: the first of four shards), got \"" + text + "\"");
    }

    /** True if point {@code pointIndex} belongs to this shard. */
    public boolean contains(int pointIndex) {
        return pointIndex % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
