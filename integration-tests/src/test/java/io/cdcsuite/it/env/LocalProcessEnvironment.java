package io.cdcsuite.it.env;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import io.cdcsuite.stack.CassandraNode;
import io.cdcsuite.stack.ConnectRestClient;
import io.cdcsuite.stack.LocalStack;
import io.cdcsuite.stack.MySqlServer;
import io.cdcsuite.stack.StackOptions;

/** Real servers as local child processes (the default; the only choice without a Docker engine). */
final class LocalProcessEnvironment implements TestEnvironment {
    private final LocalStack stack;

    LocalProcessEnvironment(List<Path> pluginDirs) {
        this.stack = LocalStack.start(StackOptions.defaults().withPluginDirs(pluginDirs));
    }

    LocalStack stack() {
        return stack;
    }

    @Override
    public String name() {
        return "local processes" + (stack.reused() ? " (reused stack)" : "");
    }

    @Override
    public Connection mysqlRoot(String database) throws SQLException {
        return stack.mysql().connect(database);
    }

    @Override
    public String kafkaBootstrap() {
        return stack.kafka().bootstrapServers();
    }

    @Override
    public ConnectRestClient connect() {
        return stack.connect().rest();
    }

    @Override
    public CqlSession cassandra() {
        return stack.cassandra().session();
    }

    @Override
    public ConnectView connectView() {
        return new ConnectView("127.0.0.1", stack.mysql().port(), MySqlServer.CDC_USER, MySqlServer.CDC_PASSWORD,
                stack.kafka().bootstrapServers(), "127.0.0.1", stack.cassandra().port(), CassandraNode.LOCAL_DATACENTER);
    }

    @Override
    public void killConnectWorker() {
        stack.connect().kill();
    }

    @Override
    public void startConnectWorker() {
        // the plugin.path the stack assembled for the plugin dirs it was given (see PluginPath)
        stack.connect().start(stack.kafka().bootstrapServers(), stack.dir().resolve("plugins"));
    }

    @Override
    public void stopCassandra() {
        stack.cassandra().stop();
    }

    @Override
    public void startCassandra() {
        stack.cassandra().start();
    }

    @Override
    public void close() {
        stack.close();
    }
}
