package io.cdcsuite.it.support;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Orders of {@code config/mysql/01-demo-shop.sql}: 50 customers, event times ({@code created_at}, a DATETIME) spread
 * over four hours, so 48 five-minute windows per customer. An update changes the amount, moves the order to another
 * customer or another window, changes its status, or several of these at once. With {@code guests}, some orders have
 * no customer (NULL): they belong to no group.
 */
public final class OrderChanges implements RandomChanges.Rows {
    public static final int CUSTOMERS = 50;
    public static final LocalDateTime FIRST_ORDER = LocalDateTime.of(2024, 3, 10, 9, 0);
    private static final long SPREAD_MILLIS = 4 * 3600 * 1000L;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("''yyyy-MM-dd HH:mm:ss.SSS''");
    private static final String[] STATUSES = {"new", "paid", "shipped"};

    private final int guestPercent;

    /** @param guestPercent how often an order has no customer */
    public OrderChanges(int guestPercent) {
        this.guestPercent = guestPercent;
    }

    @Override
    public Map<String, String> newRow(Random random) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("customer_id", customer(random));
        row.put("amount", RandomChanges.amount(random, 5_000));
        row.put("status", status(random));
        row.put("created_at", createdAt(random));
        return row;
    }

    @Override
    public Map<String, String> update(Random random) {
        int kind = random.nextInt(100);
        Map<String, String> update = new LinkedHashMap<>();
        if (kind < 40 || kind >= 90) {
            update.put("amount", RandomChanges.amount(random, 5_000));
        }
        if ((kind >= 40 && kind < 60) || kind >= 90) {
            update.put("customer_id", customer(random));
        }
        if ((kind >= 60 && kind < 80) || kind >= 95) {
            update.put("created_at", createdAt(random));
        }
        if (kind >= 80 && kind < 90) {
            update.put("status", status(random));
        }
        return update;
    }

    private String customer(Random random) {
        return RandomChanges.idOrNull(random, CUSTOMERS, guestPercent);
    }

    private static String status(Random random) {
        return "'" + STATUSES[random.nextInt(STATUSES.length)] + "'";
    }

    private static String createdAt(Random random) {
        return FIRST_ORDER.plusNanos((long) (random.nextDouble() * SPREAD_MILLIS) * 1_000_000L).format(DATETIME);
    }
}
