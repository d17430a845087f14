package leaderlab.cluster.protocol;

import leaderlab.cluster.runtime.Message;

/** Every message a client handles: the answers to its requests; see {@link ToBroker} for why it is sealed. */
public sealed interface ToClient extends Message
        permits ControllerApi.AdminResponse,
                ClientApi.MetadataResponse,
                ClientApi.ProduceResponse,
                ClientApi.ConsumerFetchResponse {}
