package io.cdcsuite.sink.cassandra.json;

/** The record's schema text is not cached yet: JsonConverter reads the record and its schema is remembered. */
final class SchemaMiss extends NotHandled {
    private final SchemaText schemaText;

    SchemaMiss(SchemaText schemaText) {
        super("schema not cached yet");
        this.schemaText = schemaText;
    }

    SchemaText schemaText() {
        return schemaText;
    }
}
