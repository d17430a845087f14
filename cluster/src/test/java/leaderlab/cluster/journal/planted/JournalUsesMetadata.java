package leaderlab.cluster.journal.planted;

import leaderlab.cluster.metadata.TopicInfo;

/** Breaks JOURNAL_AND_CONFIG_ARE_LEAVES: the journal knowing about topics. */
public final class JournalUsesMetadata {

    public TopicInfo topic;
}
