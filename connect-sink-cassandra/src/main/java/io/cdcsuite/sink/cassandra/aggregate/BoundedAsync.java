package io.cdcsuite.sink.cassandra.aggregate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Runs an async operation over items with at most {@code parallelism} in flight; fails with the first failure. */
final class BoundedAsync {
    private BoundedAsync() {
    }

    static <T, R> CompletableFuture<List<R>> map(List<T> items, int parallelism, Function<T, CompletionStage<R>> operation) {
        List<R> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            results.add(null);
        }
        Iterator<Integer> indexes = java.util.stream.IntStream.range(0, items.size()).iterator();
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int lane = 0; lane < Math.min(parallelism, items.size()); lane++) {
            lanes.add(next(items, indexes, results, operation));
        }
        return CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).thenApply(done -> results);
    }

    private static <T, R> CompletableFuture<Void> next(List<T> items, Iterator<Integer> indexes, List<R> results,
                                                       Function<T, CompletionStage<R>> operation) {
        int index;
        synchronized (indexes) {
            if (!indexes.hasNext()) {
                return CompletableFuture.completedFuture(null);
            }
            index = indexes.next();
        }
        return operation.apply(items.get(index)).toCompletableFuture().thenCompose(result -> {
            synchronized (results) {
                results.set(index, result);
            }
            return next(items, indexes, results, operation);
        });
    }
}
