package leaderlab.shell.commands;

import leaderlab.shell.command.CommandRegistry;

/** The core command language: everything the shell, scripts and lessons share. */
public final class CoreCommands {

    private CoreCommands() {}

    public static CommandRegistry registry() {
        CommandRegistry registry = new CommandRegistry();
        TopicCommands.register(registry);
        ClientCommands.register(registry);
        BrokerCommands.register(registry);
        NetworkCommands.register(registry);
        GrayFailureCommands.register(registry);
        AdminCommands.register(registry);
        PriorityCommands.register(registry);
        CheckCommands.register(registry);
        InspectCommands.register(registry);
        WhyCommand.register(registry);
        SafetyCommands.register(registry);
        TimeCommands.register(registry);
        InfoCommands.register(registry);
        SessionCommands.register(registry);
        BundleCommands.register(registry);
        ExportCommands.register(registry);
        ForkCommands.register(registry);
        SplitCommands.register(registry);
        KafkaTools.register(registry);
        FeatureCommands.register(registry);
        QuorumCommands.register(registry);
        return registry;
    }
}
