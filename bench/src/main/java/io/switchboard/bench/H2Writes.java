package io.switchboard.bench;

import java.util.Locale;

/**
 * The hub's H2 group commit: commits that wrote, and the checkpoints (file writes) that made them durable, from
 * its {@code switchboard_h2_commits_total} and {@code switchboard_h2_file_writes_total}. Zero on PostgreSQL.
 */
record H2Writes(long commits, long fileWrites) {

    static H2Writes fromPrometheus(String scrape) {
        return new H2Writes((long) PrometheusScrape.sum(scrape, "switchboard_h2_commits_total"),
                (long) PrometheusScrape.sum(scrape, "switchboard_h2_file_writes_total"));
    }

    H2Writes since(H2Writes before) {
        return new H2Writes(commits - before.commits, fileWrites - before.fileWrites);
    }

    /** Commits that shared one file write, on average; 0 without any. */
    double commitsPerFileWrite() {
        return fileWrites == 0 ? 0 : (double) commits / fileWrites;
    }

    @Override
    public String toString() {
        return fileWrites == 0 ? "none" : String.format(Locale.ROOT, "%d commits in %d file writes (%.1f each)",
                commits, fileWrites, commitsPerFileWrite());
    }
}
