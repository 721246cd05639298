package io.cdcsuite.sink.cassandra.json;

/**
 * The fast path does not read this record the way JsonConverter would be sure to; JsonConverter reads it.
 * Thrown per record, so it carries no stack trace.
 */
class NotHandled extends Exception {
    NotHandled(String reason) {
        super(reason, null, false, false);
    }
}
