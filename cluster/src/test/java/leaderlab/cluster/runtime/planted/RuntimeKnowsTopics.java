package leaderlab.cluster.runtime.planted;

import leaderlab.cluster.metadata.TopicInfo;

/** Breaks RUNTIME_KNOWS_ONLY_THE_JOURNAL: a runtime class that knows what a topic is. */
public final class RuntimeKnowsTopics {

    public TopicInfo topic;
}
