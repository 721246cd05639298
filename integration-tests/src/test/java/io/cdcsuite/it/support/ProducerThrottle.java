package io.cdcsuite.it.support;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;

import io.cdcsuite.it.env.TestEnvironment;

/**
 * A broker-side byte-rate quota on one producer {@code client.id}. A source connector whose producer has that id
 * (config {@code producer.override.client.id}) and a small {@code producer.override.buffer.memory} then reads its
 * source only as fast as the quota lets its records out, so that a test can stop or crash it reliably mid-read,
 * without sleeping. Closing removes the quota.
 */
public final class ProducerThrottle implements AutoCloseable {
    private static final String PRODUCER_BYTE_RATE = "producer_byte_rate";

    private final TestEnvironment env;
    private final ClientQuotaEntity entity;
    private boolean active;

    private ProducerThrottle(TestEnvironment env, String clientId) {
        this.env = env;
        this.entity = new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, clientId));
    }

    public static ProducerThrottle limit(TestEnvironment env, String clientId, long bytesPerSecond) {
        ProducerThrottle throttle = new ProducerThrottle(env, clientId);
        throttle.alter(new ClientQuotaAlteration.Op(PRODUCER_BYTE_RATE, (double) bytesPerSecond));
        throttle.active = true;
        return throttle;
    }

    /** The connector config entries that let the quota pace the connector's reading. */
    public static Map<String, String> producerOverrides(String clientId) {
        return Map.of("producer.override.client.id", clientId,
                // small enough that the task blocks in send() instead of buffering the table in memory
                "producer.override.buffer.memory", "65536");
    }

    @Override
    public void close() {
        if (active) {
            alter(new ClientQuotaAlteration.Op(PRODUCER_BYTE_RATE, null));
            active = false;
        }
    }

    private void alter(ClientQuotaAlteration.Op op) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(entity, List.of(op)))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("altering the quota of " + entity + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while altering a quota", e);
        }
    }
}
