package leaderlab.shell.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.runtime.Address;

/**
 * One seed's randomized test, as ordinary shell commands: a randomly chosen configuration (swarm
 * testing) and a schedule of faults and load drawn from the seed up front, so that any failure is a
 * script anyone can replay with {@code leaderlab --seed S --brokers B --script FILE}.
 */
public record ChaosPlan(long seed, int brokers, List<String> setup, List<String> steps, String description) {

    static final String TOPIC = "chaos";

    /** The quorum every chaos run has (ChaosRunner's cluster): the default controllers, ids 101... */
    private static final int CONTROLLERS = ClusterOptions.DEFAULT_CONTROLLERS;

    private static final int FIRST_CONTROLLER = Address.FIRST_CONTROLLER_ID;

    static ChaosPlan generate(long seed, boolean unsafe, int stepCount) {
        Random random = new Random(seed * 7919 + 17);
        int brokers = 3 + random.nextInt(3);
        int partitions = 1 + random.nextInt(4);
        int replication = unsafe ? 2 + random.nextInt(2) : 3;
        int minIsr = unsafe ? 1 + random.nextInt(2) : 2;
        boolean unclean = unsafe && random.nextBoolean();
        String acks = unsafe && random.nextBoolean() ? "1" : "all";
        List<String> setup = new ArrayList<>();
        setup.add("create topic " + TOPIC + " --partitions " + partitions + " --replication-factor " + replication
                + " --config min.insync.replicas=" + minIsr + " --config unclean.leader.election.enable=" + unclean);
        setup.add("config set acks " + acks);
        if (random.nextBoolean()) {
            setup.add("config set auto.leader.rebalance.enable false");
        }
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < stepCount; i++) {
            steps.add(step(random, brokers, partitions, replication, unsafe));
        }
        String description = brokers + " brokers, " + partitions + " partition(s), RF " + replication
                + ", min.insync.replicas " + minIsr + ", acks=" + acks + ", unclean " + (unclean ? "on" : "off");
        return new ChaosPlan(seed, brokers, List.copyOf(setup), List.copyOf(steps), description);
    }

    private static String step(Random random, int brokers, int partitions, int replication, boolean unsafe) {
        int broker = 1 + random.nextInt(brokers);
        int other = 1 + (broker + random.nextInt(brokers - 1)) % brokers;
        int partition = random.nextInt(partitions);
        int dice = random.nextInt(100);
        if (dice < 28) {
            return "produce " + TOPIC + " --partition " + partition + " --count " + (1 + random.nextInt(8))
                    + (unsafe && random.nextInt(4) == 0 ? " --acks 1" : "");
        } else if (dice < 32) {
            return "consume " + TOPIC + " --partition " + partition;
        } else if (dice < 41) {
            return "kill " + broker;
        } else if (dice < 51) {
            return "restart " + broker;
        } else if (dice < 55) {
            return "shutdown " + broker;
        } else if (dice < 63) {
            String[] from = {"all", "clients", "controller", "brokers", "brokers:" + other};
            return "isolate " + broker + " --from " + from[random.nextInt(from.length)];
        } else if (dice < 67) {
            return "link " + broker + " " + other
                    + (random.nextBoolean()
                            ? " --cut"
                            : " --drop 0." + (1 + random.nextInt(5)) + " --delay " + (10 + random.nextInt(200)) + "ms");
        } else if (dice < 70) {
            return "partition " + broker + " / " + other;
        } else if (dice < 78) {
            return "heal";
        } else if (dice < 81) {
            return "elect preferred --all";
        } else if (dice < 83) {
            // An operator's unclean election is unsafe by definition: only in unsafe runs.
            return unsafe ? "elect unclean --all" : "elect preferred --all";
        } else if (dice < 86) {
            return "reassign " + TOPIC + "-" + partition + " --replicas " + replicaList(random, brokers, replication);
        } else if (dice < 94) {
            return controllerFault(random, broker);
        } else {
            return "wait " + (50 + random.nextInt(2500)) + "ms";
        }
    }

    /**
     * A fault on the controller quorum: a crash or restart, a pause, or a cut among the controllers or
     * between one and the brokers. Losing the quorum is allowed: no partition fails over until it is back.
     */
    private static String controllerFault(Random random, int broker) {
        int controller = FIRST_CONTROLLER + random.nextInt(CONTROLLERS);
        int other =
                FIRST_CONTROLLER + (controller - FIRST_CONTROLLER + 1 + random.nextInt(CONTROLLERS - 1)) % CONTROLLERS;
        return switch (random.nextInt(7)) {
            case 0 -> "kill " + (random.nextBoolean() ? "controller" : Integer.toString(controller));
            case 1 -> "restart " + (random.nextBoolean() ? "controllers" : Integer.toString(controller));
            case 2 -> "stall " + controller + " " + (100 + random.nextInt(1500)) + "ms";
            case 3 -> "isolate " + controller + " --from " + (random.nextBoolean() ? "controller" : "brokers");
            case 4 -> "partition " + controller + " / " + other;
            case 5 -> "partition " + controller + "," + broker + " / " + other;
            default -> "link " + controller + " " + broker + " --cut" + (random.nextBoolean() ? " --both" : "");
        };
    }

    private static String replicaList(Random random, int brokers, int count) {
        List<Integer> ids = new ArrayList<>();
        for (int id = 1; id <= brokers; id++) {
            ids.add(id);
        }
        java.util.Collections.shuffle(ids, random);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return out.toString();
    }

    /** Heal everything and let the cluster settle, so the final checks see a repaired cluster. */
    List<String> repair() {
        List<String> repair = new ArrayList<>();
        repair.add("heal");
        repair.add("restart controllers");
        for (int round = 0; round < 2; round++) {
            for (int id = 1; id <= brokers; id++) {
                repair.add("restart " + id);
            }
            repair.add("wait 3s");
        }
        return repair;
    }

    /** The whole thing as a script file. */
    public String script(List<String> chosenSteps) {
        StringBuilder out = new StringBuilder();
        out.append("# leaderlab chaos seed ")
                .append(seed)
                .append(": ")
                .append(description)
                .append('\n');
        out.append("# replay: ./leaderlab --no-gui --seed ")
                .append(seed)
                .append(" --brokers ")
                .append(brokers)
                .append(" --script FILE\n");
        setup.forEach(line -> out.append(line).append('\n'));
        chosenSteps.forEach(line -> out.append(line).append('\n'));
        repair().forEach(line -> out.append(line).append('\n'));
        out.append("expect violations is 0\n");
        return out.toString();
    }
}
