package org.notifyhub.receipts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A batch of receipts split into rounds in which each notification appears at most once, in the order they came:
 * two receipts for one message in one poll (pending, then delivered) are applied one after the other, as they would
 * have been one by one.
 */
final class ReceiptRounds {

    private ReceiptRounds() {
    }

    static <T, K> List<List<T>> of(List<T> receipts, Function<T, K> notification) {
        List<List<T>> rounds = new ArrayList<>();
        Map<K, Integer> seen = new HashMap<>();
        for (T receipt : receipts) {
            int round = seen.merge(notification.apply(receipt), 0, (before, ignored) -> before + 1);
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(receipt);
        }
        return rounds;
    }
}
