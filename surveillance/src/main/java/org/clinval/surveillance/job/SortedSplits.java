package org.clinval.surveillance.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.assigners.FileSplitAssigner;

/**
 * Hands the events folder's files out in name order ({@code 2026-01.jsonl} before {@code
 * 2026-02.jsonl}), so that a folder read by one reader arrives in time order and the watermark
 * never overtakes a file not yet read.
 */
final class SortedSplits implements FileSplitAssigner {

    private final TreeSet<FileSourceSplit> splits =
            new TreeSet<>(
                    Comparator.comparing((FileSourceSplit s) -> s.path().toString())
                            .thenComparingLong(FileSourceSplit::offset));

    SortedSplits(Collection<FileSourceSplit> initial) {
        splits.addAll(initial);
    }

    @Override
    public Optional<FileSourceSplit> getNext(String hostname) {
        return Optional.ofNullable(splits.pollFirst());
    }

    @Override
    public void addSplits(Collection<FileSourceSplit> more) {
        splits.addAll(more);
    }

    @Override
    public Collection<FileSourceSplit> remainingSplits() {
        return new ArrayList<>(splits);
    }
}
