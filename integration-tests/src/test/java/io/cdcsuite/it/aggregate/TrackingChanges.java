package io.cdcsuite.it.aggregate;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import io.cdcsuite.it.support.RandomChanges;

/**
 * Tracking events of {@code config/mysql/02-seed-tracking.sql} (seed 001): 8 jobs, 2 publishers, 2 campaigns, 2 groups,
 * each sometimes NULL, events over twelve hours; clicks carry a bid, the other kinds usually none. An update changes
 * the kind of event (which moves it between the FILTERed measures), the bid, the job or group, or the time.
 */
final class TrackingChanges implements RandomChanges.Rows {
    static final LocalDateTime FIRST_EVENT = LocalDateTime.of(2024, 5, 1, 6, 0);
    private static final long SPREAD_MILLIS = 12 * 3600 * 1000L;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("''yyyy-MM-dd HH:mm:ss.SSS''");

    @Override
    public Map<String, String> newRow(Random random) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("ts", time(random));
        row.put("job_id", RandomChanges.idOrNull(random, 8, 3));
        row.put("publisher_id", RandomChanges.idOrNull(random, 2, 2));
        row.put("campaign_id", RandomChanges.idOrNull(random, 2, 2));
        row.put("group_id", RandomChanges.idOrNull(random, 2, 10));
        String track = track(random);
        row.put("custom_track", track);
        row.put("bid", bid(random, track));
        return row;
    }

    @Override
    public Map<String, String> update(Random random) {
        Map<String, String> update = new LinkedHashMap<>();
        int kind = random.nextInt(100);
        if (kind < 30) {
            String track = track(random);
            update.put("custom_track", track);
            update.put("bid", bid(random, track));
        } else if (kind < 55) {
            update.put("bid", bid(random, "'click'"));
        } else if (kind < 70) {
            update.put("job_id", RandomChanges.idOrNull(random, 8, 3));
        } else if (kind < 80) {
            update.put("group_id", RandomChanges.idOrNull(random, 2, 10));
        } else {
            update.put("ts", time(random));
        }
        return update;
    }

    /** A literal read in the writing session's time zone (see the test: not UTC). */
    private static String time(Random random) {
        return FIRST_EVENT.plusNanos((long) (random.nextDouble() * SPREAD_MILLIS) * 1_000_000L).format(TIMESTAMP);
    }

    private static String track(Random random) {
        int kind = random.nextInt(100);
        return kind < 50 ? "'click'" : kind < 65 ? "'conversion'" : kind < 75 ? "'qualified'"
                : kind < 85 ? "'unqualified'" : "NULL";
    }

    /** Clicks have a bid (sometimes none); other events mostly none. */
    private static String bid(Random random, String track) {
        boolean none = "'click'".equals(track) ? random.nextInt(20) == 0 : random.nextInt(5) != 0;
        return none ? "NULL" : RandomChanges.amount(random, 2);
    }
}
