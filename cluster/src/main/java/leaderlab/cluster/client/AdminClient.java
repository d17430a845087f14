package leaderlab.cluster.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import leaderlab.cluster.protocol.AdminOperation;
import leaderlab.cluster.protocol.AdminResult;
import leaderlab.cluster.protocol.ControllerApi.AdminRequest;
import leaderlab.cluster.protocol.ControllerApi.AdminResponse;
import leaderlab.cluster.protocol.Errors;
import leaderlab.cluster.runtime.Address;

/**
 * The client's admin side, talking to the controllers (like {@code --bootstrap-controller}): it sends
 * to the controller it believes active, and finds the new one after a failover. Runs on the client
 * node's thread, through {@link ClientNode}'s requests.
 */
final class AdminClient {

    private final ClientNode client;
    /** The controllers admin requests may go to. */
    private final List<Integer> controllerIds;
    /** The one believed active: the last that answered, or the last NOT_CONTROLLER hint. */
    private int activeController;

    AdminClient(ClientNode client, List<Integer> controllerIds) {
        this.client = client;
        this.controllerIds = List.copyOf(controllerIds);
        this.activeController = controllerIds.get(0);
    }

    /**
     * A NOT_CONTROLLER answer names the active controller, or none during an election; a controller that
     * does not answer may be down: either way the next is tried, until request.timeout.ms has passed.
     */
    void send(AdminOperation operation, CompletableFuture<AdminResult> result) {
        send(operation, result, client.nowMs() + client.requestTimeoutMs());
    }

    private void send(AdminOperation operation, CompletableFuture<AdminResult> result, long deadlineMs) {
        long id = client.nextRequestId();
        long requestTimeoutMs = client.requestTimeoutMs();
        long attemptMs = Math.max(1, Math.min(deadlineMs - client.nowMs(), requestTimeoutMs / 4));
        Runnable retryOrGiveUp = () -> {
            if (client.nowMs() + ClientNode.METADATA_RETRY_BACKOFF_MS < deadlineMs) {
                client.schedule(ClientNode.METADATA_RETRY_BACKOFF_MS, () -> send(operation, result, deadlineMs));
            } else {
                result.complete(AdminResult.failed(
                        Errors.REQUEST_TIMED_OUT, "no active controller answered within " + requestTimeoutMs + " ms"));
            }
        };
        client.send(
                Address.controller(activeController),
                id,
                attemptMs,
                answer -> {
                    AdminResponse response = (AdminResponse) answer;
                    if (response.result().error() == Errors.NOT_CONTROLLER) {
                        nextController(response.activeControllerId());
                        retryOrGiveUp.run();
                    } else {
                        result.complete(response.result());
                    }
                },
                error -> {
                    nextController(-1);
                    retryOrGiveUp.run();
                },
                new AdminRequest(id, operation));
    }

    private void nextController(int hint) {
        activeController = hint >= 0
                ? hint
                : controllerIds.get((controllerIds.indexOf(activeController) + 1) % controllerIds.size());
    }
}
