package io.cdcsuite.sink.cassandra.cql;

import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.ColumnDefinitions;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;

/** A prepared statement with the codec of each of its variables, looked up once rather than per bound value. */
public final class TypedPrepared {
    private final PreparedStatement statement;
    private final TypeCodec<Object>[] codecs;

    @SuppressWarnings("unchecked")
    public TypedPrepared(PreparedStatement statement, CodecRegistry registry) {
        this.statement = statement;
        ColumnDefinitions variables = statement.getVariableDefinitions();
        this.codecs = new TypeCodec[variables.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = registry.codecFor(variables.get(i).getType());
        }
    }

    public BoundStatementBuilder builder() {
        return statement.boundStatementBuilder();
    }

    /** Binds a non-null value to variable {@code index} with that variable's codec. */
    public void set(BoundStatementBuilder builder, int index, Object value) {
        builder.set(index, value, codecs[index]);
    }
}
