package leaderlab.cluster.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import leaderlab.cluster.config.Configs;
import leaderlab.cluster.view.PersistentArray;

/**
 * One node's metadata, built only by replaying the metadata log in order. Owned by a single node
 * thread; {@link #view()} hands readers an immutable copy that shares structure with earlier ones.
 */
public final class MetadataImage {

    private long offset;
    private SortedMap<Integer, BrokerRegistration> brokers = Collections.unmodifiableSortedMap(new TreeMap<>());
    private Map<String, TopicInfo> topics = Map.of();
    private final PersistentArray.Builder<PartitionRegistration> partitions = new PersistentArray.Builder<>();
    private Configs configs;
    private MetadataView view;

    public MetadataImage(Configs initialConfigs) {
        this.configs = initialConfigs;
    }

    /** Offset of the next record to replay: everything before it has been applied. */
    public long offset() {
        return offset;
    }

    public void replay(long recordOffset, MetadataRecord record) {
        requireNext(recordOffset);
        apply(record);
    }

    /**
     * Replays a fetched batch. When the delta holds the partition table after it, the image takes that
     * table and replays only the other records; otherwise it replays every record.
     */
    public void replay(long baseOffset, List<MetadataRecord> records, MetadataDelta delta) {
        requireNext(baseOffset);
        if (delta.partitionsAfter() == null) {
            records.forEach(this::apply);
            return;
        }
        delta.otherRecords().forEach(this::apply);
        partitions.reset(delta.partitionsAfter());
        offset = baseOffset + records.size();
        view = null;
    }

    private void requireNext(long recordOffset) {
        if (recordOffset != offset) {
            throw new IllegalStateException("replaying offset " + recordOffset + " but expected " + offset);
        }
    }

    private void apply(MetadataRecord record) {
        if (record instanceof MetadataRecord.RegisterBroker r) {
            putBroker(r.registration());
        } else if (record instanceof MetadataRecord.BrokerStateChange c) {
            putBroker(brokers.get(c.brokerId()).withState(c.state()));
        } else if (record instanceof MetadataRecord.BrokerDemotion d) {
            putBroker(brokers.get(d.brokerId()).withDemoted(d.demoted()));
        } else if (record instanceof MetadataRecord.Topic t) {
            Map<String, TopicInfo> copy = new LinkedHashMap<>(topics);
            copy.put(t.topic().name(), t.topic());
            topics = Collections.unmodifiableMap(copy);
        } else if (record instanceof MetadataRecord.Partition p) {
            partitions.set(p.registration().id(), p.registration());
        } else if (record instanceof MetadataRecord.PartitionChange c) {
            partitions.set(c.registration().id(), c.registration());
        } else if (record instanceof MetadataRecord.Config c) {
            configs = configs.with(c.key(), c.value(), c.topic());
        }
        offset++;
        view = null;
    }

    private void putBroker(BrokerRegistration registration) {
        TreeMap<Integer, BrokerRegistration> copy = new TreeMap<>(brokers);
        copy.put(registration.id(), registration);
        brokers = Collections.unmodifiableSortedMap(copy);
    }

    public BrokerRegistration broker(int id) {
        return brokers.get(id);
    }

    public SortedMap<Integer, BrokerRegistration> brokers() {
        return brokers;
    }

    public TopicInfo topic(String name) {
        return topics.get(name);
    }

    public Map<String, TopicInfo> topics() {
        return topics;
    }

    public PartitionRegistration partition(int id) {
        return partitions.get(id);
    }

    /** A partition by topic name and index, or null if there is no such partition. */
    public PartitionRegistration partition(String topic, int index) {
        TopicInfo info = topics.get(topic);
        return info == null || index < 0 || index >= info.partitionCount()
                ? null
                : partitions.get(info.partitionId(index));
    }

    /** The partition table as it stands, immutable. */
    public PersistentArray<PartitionRegistration> partitions() {
        return partitions.freeze();
    }

    public int partitionCount() {
        return partitions.size();
    }

    public Configs configs() {
        return configs;
    }

    public MetadataView view() {
        if (view == null) {
            view = new MetadataView(offset, brokers, topics, partitions.freeze(), configs);
        }
        return view;
    }
}
