package io.cdcsuite.stack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void splitsOnSemicolonsAtLineEndsAndSkipsComments() {
        String script = """
                -- a comment
                CREATE DATABASE IF NOT EXISTS shop;

                CREATE TABLE shop.t (
                  id INT PRIMARY KEY, -- trailing comments stay inside the statement
                  note VARCHAR(10) DEFAULT 'a;b'
                );
                INSERT INTO shop.t VALUES (1, 'x')
                """;

        assertThat(SqlScript.statements(script)).containsExactly(
                "CREATE DATABASE IF NOT EXISTS shop",
                "CREATE TABLE shop.t (\n  id INT PRIMARY KEY, -- trailing comments stay inside the statement\n"
                        + "  note VARCHAR(10) DEFAULT 'a;b'\n)",
                "INSERT INTO shop.t VALUES (1, 'x')");
    }
}
