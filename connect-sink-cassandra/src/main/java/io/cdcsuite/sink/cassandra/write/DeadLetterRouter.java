package io.cdcsuite.sink.cassandra.write;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cdcsuite.sink.cassandra.mapping.RecordMappingException;

/**
 * Deals with a record that can never be written. Under {@code errors.tolerance=all} it goes to the
 * dead-letter queue through the framework's errant record reporter (or, without a DLQ topic or error log, is
 * logged and skipped); otherwise the task fails with a message naming topic, partition, offset and column.
 * Runs on the task thread only.
 */
public final class DeadLetterRouter {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterRouter.class);

    private final ErrantRecordReporter reporter;
    private final boolean tolerateAll;

    /** @param reporter the framework's reporter, null when the worker offers none */
    public DeadLetterRouter(ErrantRecordReporter reporter, boolean tolerateAll) {
        this.reporter = reporter;
        this.tolerateAll = tolerateAll;
    }

    /** Whether reports hand records to the framework, so positions must keep their records. */
    public boolean needsRecords() {
        return tolerateAll && reporter != null;
    }

    /** Reports the position's record, or throws a ConnectException that fails the task. */
    public void report(RecordPosition position, Throwable error) {
        String message = describe(position, error);
        if (!tolerateAll) {
            throw new ConnectException(message + " (set errors.tolerance=all and errors.deadletterqueue.topic.name "
                    + "to route such records to a dead-letter queue)", error);
        }
        if (reporter == null) {
            LOG.warn("Skipping record: {}", message);
            return;
        }
        LOG.debug("Dead-lettering record: {}", message);
        try {
            reporter.report(position.record(), new ConnectException(message, error));
        } catch (RuntimeException e) {
            throw new ConnectException("Cannot report a failed record to the dead-letter queue: " + message, e);
        }
    }

    /** "Cannot write record topic=demo.shop.orders partition=0 offset=42: column 'price': ...". */
    static String describe(RecordPosition position, Throwable error) {
        String reason = error instanceof RecordMappingException
                ? error.getMessage() : error.getClass().getSimpleName() + ": " + error.getMessage();
        return "Cannot write record topic=" + position.partition().topic() + " partition="
                + position.partition().partition() + " offset=" + position.offset() + ": " + reason;
    }
}
