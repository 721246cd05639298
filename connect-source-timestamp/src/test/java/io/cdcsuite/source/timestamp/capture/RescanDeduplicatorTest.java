package io.cdcsuite.source.timestamp.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class RescanDeduplicatorTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2024, 5, 1, 10, 0);

    @Test
    void anEmittedStateIsRecognisedAndANewStateIsNot() {
        RescanDeduplicator dedup = new RescanDeduplicator(10);
        dedup.remember(List.of(1L), T0, 111);

        assertThat(dedup.isUnchanged(List.of(1L), 111)).isTrue();
        assertThat(dedup.isUnchanged(List.of(1L), 112)).isFalse();
        assertThat(dedup.isUnchanged(List.of(2L), 111)).isFalse();
        dedup.remember(List.of(1L), T0.plusSeconds(1), 112);
        assertThat(dedup.isUnchanged(List.of(1L), 112)).isTrue();
        assertThat(dedup.size()).isEqualTo(1);
    }

    @Test
    void memoryIsBoundedByForgettingTheOldestFirst() {
        RescanDeduplicator dedup = new RescanDeduplicator(3);
        for (long i = 0; i < 5; i++) {
            dedup.remember(List.of(i), T0.plusSeconds(i), i);
        }
        assertThat(dedup.size()).isEqualTo(3);
        assertThat(dedup.isUnchanged(List.of(0L), 0)).isFalse();
        assertThat(dedup.isUnchanged(List.of(1L), 1)).isFalse();
        assertThat(dedup.isUnchanged(List.of(4L), 4)).isTrue();
    }

    @Test
    void rowsThatLeftTheWindowAreForgotten() {
        RescanDeduplicator dedup = new RescanDeduplicator(10);
        dedup.remember(List.of(1L), T0, 1);
        dedup.remember(List.of(2L), T0.plusSeconds(5), 2);

        dedup.forgetBefore(T0.plusSeconds(1));

        assertThat(dedup.size()).isEqualTo(1);
        assertThat(dedup.isUnchanged(List.of(2L), 2)).isTrue();
    }

    @Test
    void rowHashesSeeEveryValueAndItsBoundaries() {
        assertThat(RowHasher.hash(List.of("ab", "c"))).isNotEqualTo(RowHasher.hash(List.of("a", "bc")));
        assertThat(RowHasher.hash(Arrays.asList("a", null))).isNotEqualTo(RowHasher.hash(List.of("a", "")));
        assertThat(RowHasher.hash(List.of(new byte[] {1, 2}))).isEqualTo(RowHasher.hash(List.of(new byte[] {1, 2})));
        assertThat(RowHasher.hash(List.of(1L, 2L))).isEqualTo(RowHasher.hash(List.of(1L, 2L)));
    }
}
