package org.notifyhub.queues;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Group commit for one SQS queue: callers that arrive while a batch call is under way go together in the next one,
 * at most {@code maxEntries} entries and {@code maxBytes} bytes per call, at most {@code inFlight} calls at once.
 * A caller returns only when the call carrying its entry has succeeded, and sees that call's failure otherwise.
 *
 * <p>Nothing waits on a timer: a caller alone goes at once in a batch of one, so a quiet queue pays no latency; under
 * load the batches fill by themselves with whoever queued up during the previous call, which is what cuts the calls
 * (and their signing, HTTP and server work) per message. Whichever waiting caller gets a free slot sends the oldest
 * entries, its own or others'; a caller whose entry another has taken waits for that call.
 */
final class GroupCommit<T> {

    private final int maxEntries;
    private final int maxBytes;
    private final ToIntFunction<T> bytes;
    private final Consumer<List<T>> call;
    private final Semaphore inFlight;
    private final Queue<Pending<T>> waiting = new ArrayDeque<>();

    GroupCommit(int maxEntries, int maxBytes, int inFlight, ToIntFunction<T> bytes, Consumer<List<T>> call) {
        if (maxEntries < 1 || inFlight < 1) {
            throw new IllegalArgumentException("A batch needs room for one entry and one call in flight");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.bytes = bytes;
        this.call = call;
        this.inFlight = new Semaphore(inFlight);
    }

    /** Puts {@code entry} in the next batch and returns once that batch's call has succeeded. */
    void submit(T entry) {
        Pending<T> mine = new Pending<>(entry, bytes.applyAsInt(entry));
        synchronized (waiting) {
            waiting.add(mine);
        }
        while (!mine.done.isDone()) {
            inFlight.acquireUninterruptibly();
            List<Pending<T>> batch;
            try {
                batch = mine.done.isDone() ? List.of() : take();
                if (!batch.isEmpty()) {
                    send(batch);
                }
            } finally {
                inFlight.release();
            }
            if (batch.isEmpty()) {
                break;
            }
        }
        try {
            mine.done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private List<Pending<T>> take() {
        List<Pending<T>> batch = new ArrayList<>(maxEntries);
        int size = 0;
        synchronized (waiting) {
            while (batch.size() < maxEntries && !waiting.isEmpty()
                    && (batch.isEmpty() || size + waiting.peek().bytes <= maxBytes)) {
                Pending<T> next = waiting.poll();
                batch.add(next);
                size += next.bytes;
            }
        }
        return batch;
    }

    private void send(List<Pending<T>> batch) {
        try {
            call.accept(batch.stream().map(Pending::entry).toList());
            batch.forEach(pending -> pending.done.complete(null));
        } catch (RuntimeException | Error e) {
            batch.forEach(pending -> pending.done.completeExceptionally(e));
        }
    }

    private record Pending<T>(T entry, int bytes, CompletableFuture<Void> done) {
        Pending(T entry, int bytes) {
            this(entry, bytes, new CompletableFuture<>());
        }
    }
}
