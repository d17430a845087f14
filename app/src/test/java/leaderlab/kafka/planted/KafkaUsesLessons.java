package leaderlab.kafka.planted;

import leaderlab.lessons.Lesson;

/** Breaks KAFKA_KNOWS_NEITHER_LESSONS_NOR_APP: the Kafka bridge reaching up to the lessons. */
public final class KafkaUsesLessons {

    public Lesson planted;
}
