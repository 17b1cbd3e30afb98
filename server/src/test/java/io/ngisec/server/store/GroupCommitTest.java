package io.ngisec.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    @Test
    void aLoneCallerWritesItsOwnItemAtOnce() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        GroupCommit<Integer> commit = new GroupCommit<>(batches::add, 10, "test-writer");
        commit.submit(1);
        commit.submit(2);
        assertThat(batches).containsExactly(List.of(1), List.of(2));
    }

    @Test
    void callersWaitingForAWriteShareTheNextOne() throws Exception {
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        CountDownLatch releaseFirstWrite = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        GroupCommit<Integer> commit = new GroupCommit<>(batch -> {
            if (batches.isEmpty()) {
                firstWriteStarted.countDown();
                await(releaseFirstWrite);
            }
            batches.add(batch);
        }, 100, "test-writer");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<?> first = pool.submit(() -> submit(commit, 0));
            assertThat(firstWriteStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<?>> others = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                int item = i;
                others.add(pool.submit(() -> submit(commit, item)));
            }
            // Let all twenty queue behind the write in progress before it ends.
            while (commit.queued() < 20) {
                Thread.sleep(5);
            }
            releaseFirstWrite.countDown();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> f : others) {
                f.get(10, TimeUnit.SECONDS);
            }
        }
        assertThat(batches.getFirst()).containsExactly(0);
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(21);
        assertThat(batches.size()).isLessThan(21);
    }

    @Test
    void batchesAreCappedAndEveryItemIsWrittenOnce() throws Exception {
        List<Integer> written = new CopyOnWriteArrayList<>();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        GroupCommit<Integer> commit = new GroupCommit<>(batch -> {
            sizes.add(batch.size());
            written.addAll(batch);
        }, 3, "test-writer");
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 500; i++) {
                int item = i;
                pool.submit(() -> submit(commit, item));
            }
        }
        assertThat(written).hasSize(500).doesNotHaveDuplicates();
        assertThat(sizes).allSatisfy(size -> assertThat(size).isBetween(1, 3));
    }

    @Test
    void everyCallerOfAFailedBatchHearsOfItAndLaterBatchesStillWork() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        GroupCommit<Integer> commit = new GroupCommit<>(batch -> {
            if (batch.contains(13)) {
                throw new StoreException(StoreException.Reason.UNAVAILABLE, "disk gone", null);
            }
            batches.add(batch);
        }, 10, "test-writer");
        assertThatThrownBy(() -> commit.submit(13)).isInstanceOf(StoreException.class).hasMessage("disk gone");
        commit.submit(14);
        assertThat(batches).containsExactly(List.of(14));
    }

    private static void submit(GroupCommit<Integer> commit, int item) {
        try {
            commit.submit(item);
        } catch (StoreException e) {
            throw new AssertionError(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void closingWritesWhatWasSubmittedAndRefusesMore() throws Exception {
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        GroupCommit<Integer> commit = new GroupCommit<>(batches::add, 10, "test-writer");
        commit.submit(1);
        commit.close();
        commit.close();
        assertThat(batches).containsExactly(List.of(1));
        assertThatThrownBy(() -> commit.submit(2)).isInstanceOf(StoreException.class);
    }
}
