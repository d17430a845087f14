package leaderlab.cluster.config;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Effective configuration, immutable: cluster-wide values plus per-topic overrides. Each node holds
 * the version it learned from the metadata log, so a broker can act on stale configuration.
 */
public final class Configs {

    private final EnumMap<ConfigKey, Object> cluster;
    private final Map<String, Map<ConfigKey, Object>> topics;

    private Configs(EnumMap<ConfigKey, Object> cluster, Map<String, Map<ConfigKey, Object>> topics) {
        this.cluster = cluster;
        this.topics = topics;
    }

    public static Configs defaults(boolean kafkaTimings) {
        EnumMap<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            values.put(key, key.defaultValue(kafkaTimings));
        }
        return new Configs(values, Map.of());
    }

    /** A copy with one value set: cluster-wide when {@code topic} is null, else for that topic. */
    public Configs with(ConfigKey key, Object value, String topic) {
        if (topic == null) {
            EnumMap<ConfigKey, Object> values = new EnumMap<>(cluster);
            values.put(key, value);
            return new Configs(values, topics);
        }
        Map<String, Map<ConfigKey, Object>> copy = new HashMap<>(topics);
        EnumMap<ConfigKey, Object> overrides = new EnumMap<>(ConfigKey.class);
        overrides.putAll(topics.getOrDefault(topic, Map.of()));
        overrides.put(key, value);
        copy.put(topic, overrides);
        return new Configs(cluster, copy);
    }

    public Object get(ConfigKey key, String topic) {
        if (topic != null) {
            Map<ConfigKey, Object> overrides = topics.get(topic);
            if (overrides != null && overrides.containsKey(key)) {
                return overrides.get(key);
            }
        }
        return cluster.get(key);
    }

    public long getLong(ConfigKey key) {
        return ((Number) cluster.get(key)).longValue();
    }

    public int getInt(ConfigKey key, String topic) {
        return ((Number) get(key, topic)).intValue();
    }

    public boolean getBoolean(ConfigKey key, String topic) {
        return (Boolean) get(key, topic);
    }

    public String getString(ConfigKey key) {
        return String.valueOf(cluster.get(key));
    }

    /** A topic's overrides in key order, as kafka-topics prints them under "Configs:". */
    public Map<String, String> topicOverrides(String topic) {
        Map<String, String> out = new TreeMap<>();
        topics.getOrDefault(topic, Map.of()).forEach((k, v) -> out.put(k.key(), String.valueOf(v)));
        return out;
    }
}
