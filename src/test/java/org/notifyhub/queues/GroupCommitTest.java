package org.notifyhub.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Callers that queue up while a call is under way share the next one; each returns only when its entry is sent. */
class GroupCommitTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(40);
    private final List<List<Integer>> calls = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void aCallerAloneGoesAtOnceInABatchOfOne() {
        GroupCommit<Integer> lane = new GroupCommit<>(10, 1000, 2, i -> 1, calls::add);

        lane.submit(7);
        lane.submit(8);

        assertThat(calls).containsExactly(List.of(7), List.of(8));
    }

    @Test
    void callersQueuedDuringACallShareTheNextAndEveryEntryGoesOnce() throws Exception {
        CountDownLatch firstCallStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstCall = new CountDownLatch(1);
        AtomicInteger inCall = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        GroupCommit<Integer> lane = new GroupCommit<>(10, 1000, 1, i -> 1, batch -> {
            mostAtOnce.accumulateAndGet(inCall.incrementAndGet(), Math::max);
            firstCallStarted.countDown();
            await(releaseFirstCall);
            calls.add(batch);
            inCall.decrementAndGet();
        });
        Future<?> first = callers.submit(() -> lane.submit(0));
        await(firstCallStarted);
        List<Future<?>> queued = IntStream.rangeClosed(1, 25)
                .<Future<?>>mapToObj(i -> callers.submit(() -> lane.submit(i))).toList();
        Thread.sleep(200);
        assertThat(queued).noneMatch(Future::isDone);

        releaseFirstCall.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (Future<?> caller : queued) {
            caller.get(5, TimeUnit.SECONDS);
        }

        assertThat(calls.stream().flatMap(List::stream).sorted().toList())
                .isEqualTo(IntStream.rangeClosed(0, 25).boxed().toList());
        assertThat(calls).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(10));
        assertThat(calls).hasSizeLessThanOrEqualTo(4);
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void anEntryOverTheByteLimitStillGoesAlone() {
        GroupCommit<String> lane = new GroupCommit<>(10, 10, 1, String::length, batch -> calls.add(List.of(batch.size())));

        lane.submit("x".repeat(25));

        assertThat(calls).containsExactly(List.of(1));
    }

    @Test
    void everyCallerOfAFailedCallSeesTheFailureAndLaterCallsGoOn() throws Exception {
        CountDownLatch firstCallStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstCall = new CountDownLatch(1);
        AtomicInteger callNumber = new AtomicInteger();
        GroupCommit<Integer> lane = new GroupCommit<>(10, 1000, 1, i -> 1, batch -> {
            if (callNumber.incrementAndGet() == 1) {
                firstCallStarted.countDown();
                await(releaseFirstCall);
                return;
            }
            if (batch.contains(-1)) {
                throw new IllegalStateException("refused");
            }
            calls.add(batch);
        });
        Future<?> first = callers.submit(() -> lane.submit(0));
        await(firstCallStarted);
        List<Future<?>> failing = IntStream.of(-1, 1, 2)
                .<Future<?>>mapToObj(i -> callers.submit(() -> lane.submit(i))).toList();
        Thread.sleep(200);
        releaseFirstCall.countDown();
        first.get(5, TimeUnit.SECONDS);

        for (Future<?> caller : failing) {
            assertThatThrownBy(() -> caller.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("refused");
        }
        lane.submit(3);
        assertThat(calls).containsExactly(List.of(3));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
