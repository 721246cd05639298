package io.cdcsuite.sink.cassandra.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

import io.cdcsuite.sink.cassandra.TestRecords;
import io.cdcsuite.sink.cassandra.config.CassandraSinkConfig.TimestampSource;

class WriteTimestampPolicyTest {
    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    /**
     * Stamps a sequence of record times (µs) of one partition, from its first record. A {@link
     * WriteTimestampPolicy#NO_TIME} entry is a tombstone, whose Kafka timestamp runs on another clock.
     */
    private static List<WriteTimestampPolicy.Stamp> stampAll(List<Long> naturalMicros) {
        WriteTimestampPolicy policy = new WriteTimestampPolicy(TimestampSource.EVENT);
        List<WriteTimestampPolicy.Stamp> stamps = new ArrayList<>();
        naturalMicros.forEach(t -> stamps.add(policy.next(P0, t, KAFKA_CLOCK)));
        return stamps;
    }

    private static final long KAFKA_CLOCK = 1_800_000_000_000_000L;

    /**
     * Random record times with ties, second-precision runs and backward jumps, like real capture clocks, and
     * now and then a tombstone.
     */
    private static List<Long> messyClock(Random random, int size) {
        List<Long> times = new ArrayList<>();
        long t = 1_700_000_000_000_000L;
        for (int i = 0; i < size; i++) {
            switch (random.nextInt(6)) {
                case 0 -> { } // same microsecond as before
                case 1 -> t += 1_000 * random.nextInt(3); // millisecond clock
                case 2 -> t = (t / 1_000_000) * 1_000_000; // second-precision clock
                case 3 -> t -= random.nextInt(5_000_000); // snapshot after stream, clock step back
                case 4 -> {
                    times.add(WriteTimestampPolicy.NO_TIME);
                    continue;
                }
                default -> t += random.nextInt(2_000_000);
            }
            times.add(t);
        }
        return times;
    }

    @Test
    void tiesAndBackwardClocksStillGiveStrictlyIncreasingTimestamps() {
        List<WriteTimestampPolicy.Stamp> stamps = stampAll(List.of(5_000L, 5_000L, 5_000L, 4_000L, 9_000L, 9_000L));
        assertThat(stamps).extracting(WriteTimestampPolicy.Stamp::micros)
                .containsExactly(5_000L, 5_001L, 5_002L, 5_003L, 9_000L, 9_001L);
        assertThat(stamps).extracting(WriteTimestampPolicy.Stamp::clean)
                .containsExactly(true, false, false, false, true, false);
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            List<WriteTimestampPolicy.Stamp> messy = stampAll(messyClock(random, 200));
            for (int i = 1; i < messy.size(); i++) {
                assertThat(messy.get(i).micros()).isGreaterThan(messy.get(i - 1).micros());
            }
        }
    }

    @Test
    void timestampsNeverRunBehindTheRecordsOwnTime() {
        List<Long> times = messyClock(new Random(3), 1_000);
        List<WriteTimestampPolicy.Stamp> stamps = stampAll(times);
        for (int i = 0; i < times.size(); i++) {
            assertThat(stamps.get(i).micros()).isGreaterThanOrEqualTo(times.get(i));
            boolean tombstone = times.get(i) == WriteTimestampPolicy.NO_TIME;
            assertThat(stamps.get(i).clean()).isEqualTo(!tombstone && (i == 0 || stamps.get(i).micros() == times.get(i)
                    && times.get(i) > stamps.get(i - 1).micros()));
            if (i > 0 && times.get(i) == WriteTimestampPolicy.NO_TIME) {
                assertThat(stamps.get(i).micros()).as("a tombstone follows its predecessor")
                        .isEqualTo(stamps.get(i - 1).micros() + 1);
            }
        }
    }

    @Test
    void replayFromACleanRecordReproducesEveryTimestamp() {
        Random random = new Random(11);
        for (int run = 0; run < 100; run++) {
            List<Long> times = messyClock(random, 300);
            List<WriteTimestampPolicy.Stamp> original = stampAll(times);
            for (int start = 0; start < times.size(); start++) {
                if (!original.get(start).clean()) {
                    continue;
                }
                List<WriteTimestampPolicy.Stamp> replay = stampAll(times.subList(start, times.size()));
                for (int i = 0; i < replay.size(); i++) {
                    assertThat(replay.get(i).micros()).isEqualTo(original.get(start + i).micros());
                }
            }
        }
    }

    /** A replay from a tombstone stamps it by its Kafka time: tasks never resume there (it is never clean). */
    @Test
    void replayFromAnyOffsetNeverStampsHigherAndConvergesAtTheFirstCleanRecord() {
        Random random = new Random(13);
        for (int run = 0; run < 100; run++) {
            List<Long> times = messyClock(random, 200);
            List<WriteTimestampPolicy.Stamp> original = stampAll(times);
            int start = random.nextInt(times.size());
            while (times.get(start) == WriteTimestampPolicy.NO_TIME) {
                start = random.nextInt(times.size());
            }
            List<WriteTimestampPolicy.Stamp> replay = stampAll(times.subList(start, times.size()));
            boolean converged = false;
            for (int i = 0; i < replay.size(); i++) {
                long replayed = replay.get(i).micros();
                long first = original.get(start + i).micros();
                assertThat(replayed).isLessThanOrEqualTo(first);
                converged |= original.get(start + i).clean();
                if (converged) {
                    assertThat(replayed).isEqualTo(first);
                }
            }
        }
    }

    @Test
    void partitionsAreIndependentAndForgetting() {
        WriteTimestampPolicy policy = new WriteTimestampPolicy(TimestampSource.EVENT);
        long none = WriteTimestampPolicy.NO_TIME;
        assertThat(policy.next(P0, 100, 9_999).micros()).isEqualTo(100);
        assertThat(policy.next(P1, 50, 9_999).micros()).isEqualTo(50);
        assertThat(policy.next(P0, 100, 9_999).micros()).isEqualTo(101);
        policy.forget(List.of(P0));
        assertThat(policy.next(P0, 100, 9_999)).isEqualTo(new WriteTimestampPolicy.Stamp(100, true));
        assertThat(policy.next(P1, none, 9_999)).as("a tombstone").isEqualTo(new WriteTimestampPolicy.Stamp(51, false));
        WriteTimestampPolicy fresh = new WriteTimestampPolicy(TimestampSource.EVENT);
        assertThat(fresh.next(P0, none, 9_999)).as("a first tombstone takes its Kafka time, and is no place to resume")
                .isEqualTo(new WriteTimestampPolicy.Stamp(9_999, false));
        WriteTimestampPolicy empty = new WriteTimestampPolicy(TimestampSource.EVENT);
        assertThat(empty.next(P0, none, none).hasTime()).isFalse();
        assertThat(empty.next(P0, 7, 9_999).micros()).as("a record without any time leaves no trace").isEqualTo(7);
    }

    /**
     * The end-to-end claim: one key's changes (upserts, deletes, re-inserts) stamped by the policy and
     * written in any order, with any number of duplicates and replays, leave the row as the last change in
     * offset order left it. Cassandra's reconciliation is modelled by {@link CassandraCellModel}.
     */
    @Test
    void anyArrivalOrderAndAnyReplayLeavesTheLastChange() {
        Random random = new Random(17);
        for (int run = 0; run < 300; run++) {
            int size = 2 + random.nextInt(12);
            List<Long> times = messyClock(random, size);
            List<Boolean> deletes = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                deletes.add(times.get(i) == WriteTimestampPolicy.NO_TIME || random.nextInt(3) == 0);
            }
            List<WriteTimestampPolicy.Stamp> stamps = stampAll(times);
            List<Integer> arrivals = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                arrivals.add(i);
            }
            // a replay from a clean record (as after a restart at a committed offset) repeats a suffix
            int replayFrom = random.nextInt(size);
            while (replayFrom > 0 && !stamps.get(replayFrom).clean()) {
                replayFrom--;
            }
            for (int i = replayFrom; i < size; i++) {
                arrivals.add(i);
            }
            Collections.shuffle(arrivals, random);
            CassandraCellModel table = new CassandraCellModel();
            for (int i : arrivals) {
                if (deletes.get(i)) {
                    table.delete("k", stamps.get(i).micros());
                } else {
                    table.insert("k", Map.of("v", "value-" + (char) ('a' + (size - i) % 26)), stamps.get(i).micros());
                }
            }
            int last = size - 1;
            Map<String, String> expected = deletes.get(last) ? null : Map.of("v", "value-" + (char) ('a' + (size - last) % 26));
            assertThat(table.read("k")).as("run %d, deletes %s, times %s", run, deletes, times).isEqualTo(expected);
        }
    }

    @Test
    void deleteThenReinsertInTheSameMillisecondKeepsTheRow() {
        // insert, delete, re-insert all captured within one millisecond: the record clock ties
        List<WriteTimestampPolicy.Stamp> stamps = stampAll(List.of(1_000_000L, 1_000_000L, 1_000_000L));
        CassandraCellModel table = new CassandraCellModel();
        table.insert("k", Map.of("v", "b"), stamps.get(2).micros()); // the re-insert lands first
        table.delete("k", stamps.get(1).micros());
        table.insert("k", Map.of("v", "a"), stamps.get(0).micros());
        assertThat(table.read("k")).isEqualTo(Map.of("v", "b"));
        // stamped with the tied clock alone, the delete would win: the trap the policy avoids
        CassandraCellModel tied = new CassandraCellModel();
        tied.insert("k", Map.of("v", "b"), 1_000_000L);
        tied.delete("k", 1_000_000L);
        assertThat(tied.read("k")).isNull();
    }

    @Test
    void naturalTimeComesFromTheConfiguredSourceWithKafkaFallback() {
        SinkRecord envelope = TestRecords.upsert(3, 1, "1.00", 1_000L); // ts_us 1_000_000, source ts_us 1_000_000
        Struct value = (Struct) envelope.value();
        value.put("ts_us", 2_000_123L);
        WriteTimestampPolicy event = new WriteTimestampPolicy(TimestampSource.EVENT);
        WriteTimestampPolicy source = new WriteTimestampPolicy(TimestampSource.SOURCE);
        WriteTimestampPolicy kafka = new WriteTimestampPolicy(TimestampSource.KAFKA);
        assertThat(event.naturalMicros(envelope, value, envelope.valueSchema())).isEqualTo(2_000_123L);
        assertThat(source.naturalMicros(envelope, value, envelope.valueSchema())).isEqualTo(1_000_000L);
        assertThat(kafka.naturalMicros(envelope, value, envelope.valueSchema())).isEqualTo(envelope.timestamp() * 1000);
        value.put("ts_us", null);
        assertThat(event.naturalMicros(envelope, value, envelope.valueSchema())).as("ts_ms").isEqualTo(1_000_000L);

        Schema flat = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA)
                .field("__source_ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();
        Struct row = new Struct(flat).put("id", 1).put("__source_ts_ms", 5L);
        SinkRecord unwrapped = new SinkRecord("t", 0, null, null, flat, row, 9, 77L, org.apache.kafka.common.record.TimestampType.CREATE_TIME);
        assertThat(source.naturalMicros(unwrapped, row, flat)).isEqualTo(5_000L);
        assertThat(event.naturalMicros(unwrapped, row, flat)).as("no __ts_ms: Kafka").isEqualTo(77_000L);
        SinkRecord noTime = new SinkRecord("t", 0, null, null, null, null, 9);
        assertThat(event.naturalMicros(noTime, null, null)).isEqualTo(WriteTimestampPolicy.NO_TIME);
        assertThat(WriteTimestampPolicy.kafkaMicros(unwrapped)).isEqualTo(77_000L);
    }
}
