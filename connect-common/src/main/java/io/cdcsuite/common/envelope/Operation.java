package io.cdcsuite.common.envelope;

import org.apache.kafka.connect.errors.DataException;

/** The change operations of a Debezium envelope, with their one-letter codes in the {@code op} field. */
public enum Operation {
    READ("r"),
    CREATE("c"),
    UPDATE("u"),
    DELETE("d"),
    TRUNCATE("t"),
    MESSAGE("m");

    private final String code;

    Operation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True for the operations whose {@code after} holds the new row state. */
    public boolean carriesRowState() {
        return this == READ || this == CREATE || this == UPDATE;
    }

    public static Operation forCode(String code) {
        for (Operation op : values()) {
            if (op.code.equals(code)) {
                return op;
            }
        }
        throw new DataException("Unknown envelope operation code '" + code + "'");
    }
}
