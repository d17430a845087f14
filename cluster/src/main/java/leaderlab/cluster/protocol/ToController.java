package leaderlab.cluster.protocol;

import leaderlab.cluster.runtime.Message;

/** Every message the controller handles; see {@link ToBroker} for why it is sealed. */
public sealed interface ToController extends Message
        permits ControllerApi.BrokerRegistrationRequest,
                ControllerApi.BrokerHeartbeatRequest,
                ControllerApi.MetadataFetchRequest,
                ControllerApi.AlterPartitionRequest,
                ControllerApi.AdminRequest,
                RaftApi.VoteRequest,
                RaftApi.VoteResponse,
                RaftApi.BeginQuorumEpochRequest,
                RaftApi.EndQuorumEpochRequest,
                RaftApi.QuorumFetchRequest,
                RaftApi.QuorumFetchResponse {}
