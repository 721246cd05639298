package io.cdcsuite.stack.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's workload on {@code shop.orders}: inserts, updates (amount and status, or a move to another customer)
 * and deletes at a steady rate, committed every tick (100 ms). Deletes are soft ({@code is_deleted = 1}), the only
 * kind both capture paths see.
 */
public final class OrdersWorkload implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(OrdersWorkload.class);
    private static final int TICKS_PER_SECOND = 10;
    private static final List<String> STATUSES = List.of("new", "paid", "shipped", "returned");

    private final Supplier<Connection> connections;
    private final int changesPerSecond;
    private final Random random = new Random();
    private final AtomicLong changes = new AtomicLong();
    private final List<Integer> live = new ArrayList<>();
    private volatile boolean running = true;

    public OrdersWorkload(Supplier<Connection> connections, int changesPerSecond) {
        this.connections = connections;
        this.changesPerSecond = changesPerSecond;
    }

    /** Changes committed so far. */
    public long changes() {
        return changes.get();
    }

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        try (Connection connection = connections.get()) {
            connection.setAutoCommit(false);
            loadLiveIds(connection);
            long tickNanos = 1_000_000_000L / TICKS_PER_SECOND;
            long next = System.nanoTime();
            double carry = 0;
            while (running) {
                carry += (double) changesPerSecond / TICKS_PER_SECOND;
                int count = (int) carry;
                carry -= count;
                for (int i = 0; i < count; i++) {
                    change(connection);
                }
                connection.commit();
                changes.addAndGet(count);
                next += tickNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        } catch (SQLException e) {
            LOG.error("The workload stopped: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loadLiveIds(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM shop.orders WHERE is_deleted = 0")) {
            while (rows.next()) {
                live.add(rows.getInt(1));
            }
        }
        connection.commit();
    }

    private void change(Connection connection) throws SQLException {
        int dice = random.nextInt(100);
        if (live.size() < 50 || dice < 40) {
            insert(connection);
        } else if (dice < 90) {
            update(connection, live.get(random.nextInt(live.size())));
        } else {
            softDelete(connection, live.remove(random.nextInt(live.size())));
        }
    }

    private void insert(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO shop.orders (customer_id, amount, status) VALUES (?, ?, 'new')",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setInt(1, 1 + random.nextInt(50));
            insert.setBigDecimal(2, amount());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                live.add(keys.getInt(1));
            }
        }
    }

    private void update(Connection connection, int id) throws SQLException {
        if (random.nextInt(10) == 0) {
            try (PreparedStatement move = connection.prepareStatement(
                    "UPDATE shop.orders SET customer_id = ? WHERE id = ?")) {
                move.setInt(1, 1 + random.nextInt(50));
                move.setInt(2, id);
                move.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE shop.orders SET amount = ?, status = ? WHERE id = ?")) {
            update.setBigDecimal(1, amount());
            update.setString(2, STATUSES.get(random.nextInt(STATUSES.size())));
            update.setInt(3, id);
            update.executeUpdate();
        }
    }

    private void softDelete(Connection connection, int id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("UPDATE shop.orders SET is_deleted = 1 WHERE id = ?")) {
            delete.setInt(1, id);
            delete.executeUpdate();
        }
    }

    private BigDecimal amount() {
        return BigDecimal.valueOf(100 + random.nextInt(500_000), 2).setScale(2, RoundingMode.UNNECESSARY);
    }
}
