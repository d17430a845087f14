package leaderlab.cluster.protocol;

import leaderlab.cluster.runtime.Message;

/**
 * Every message a broker handles. Sealed so that the set is written down once: the broker's dispatch
 * is checked against it (DispatchTest), and a new message type cannot be silently ignored.
 */
public sealed interface ToBroker extends Message
        permits ReplicaApi.FetchRequest,
                ReplicaApi.FetchResponse,
                ControllerApi.BrokerRegistrationResponse,
                ControllerApi.BrokerHeartbeatResponse,
                ControllerApi.MetadataFetchResponse,
                ControllerApi.AlterPartitionResponse,
                ControllerApi.NotControllerResponse,
                ClientApi.MetadataRequest,
                ClientApi.ProduceRequest,
                ClientApi.ConsumerFetchRequest {}
