package leaderlab.kafka.planted;

import javafx.scene.canvas.Canvas;

/** Breaks NO_JAVAFX_BELOW_THE_APP: the Kafka bridge drawing with JavaFX. */
public final class KafkaUsesJavaFx {

    public Canvas planted;
}
