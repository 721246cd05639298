package io.cdcsuite.sink.cassandra.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MembershipBucketsTest {
    /** The buckets are part of the stored format: tables written before must be read in the same partitions. */
    @Test
    void bucketsNeverChange() {
        assertThat(MembershipBuckets.of("1")).isEqualTo(951);
        assertThat(MembershipBuckets.of("{\"id\":42}")).isEqualTo(234);
        assertThat(MembershipBuckets.of("order-7")).isEqualTo(730);
    }

    @Test
    void spreadsKeysOverAllBuckets() {
        Set<Integer> seen = new HashSet<>();
        for (int id = 0; id < 100_000; id++) {
            int bucket = MembershipBuckets.of(Integer.toString(id));
            assertThat(bucket).isBetween(0, MembershipBuckets.COUNT - 1);
            seen.add(bucket);
        }
        assertThat(seen).hasSize(MembershipBuckets.COUNT);
    }
}
