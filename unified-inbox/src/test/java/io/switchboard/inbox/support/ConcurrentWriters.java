package io.switchboard.inbox.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Runs one writer per thread at once and waits for all of them (the H2 durability tests). */
final class ConcurrentWriters {

    interface Writer {
        void write(int thread) throws Exception;
    }

    private ConcurrentWriters() {
    }

    /** Returns what the writers threw; empty when every one finished. */
    static List<Throwable> run(int threads, Writer writer) throws InterruptedException {
        List<Thread> running = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    writer.write(thread);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            running.add(worker);
            worker.start();
        }
        for (Thread worker : running) {
            worker.join();
        }
        return failures;
    }
}
