package io.cdcsuite.sink.cassandra.aggregate;

/** The {@code aggregates} setting does not parse; the message says where and why. */
public class AggregateSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public AggregateSyntaxException(String message) {
        super(message);
    }
}
