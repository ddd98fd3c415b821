package org.suyuan.ledger.fabric;

import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The faults a test has switched on; the gateway service consults them on every call. */
final class EmulatorFaults {

    private volatile Instant unavailableUntil;
    private final Map<GatewayEmulator.Rpc, Duration> delays = new ConcurrentHashMap<>();
    private final AtomicBoolean crashAfterNextSubmit = new AtomicBoolean();

    void unavailableUntil(Instant until) {
        unavailableUntil = until;
    }

    void delay(GatewayEmulator.Rpc rpc, Duration delay) {
        if (delay.isZero()) {
            delays.remove(rpc);
        } else {
            delays.put(rpc, delay);
        }
    }

    void clearDelays() {
        delays.clear();
    }

    void crashAfterNextSubmit() {
        crashAfterNextSubmit.set(true);
    }

    boolean takeCrashAfterSubmit() {
        return crashAfterNextSubmit.getAndSet(false);
    }

    /** Fails the call as an unreachable peer would, or holds it for the configured delay. */
    void beforeHandling(GatewayEmulator.Rpc rpc) {
        Instant until = unavailableUntil;
        if (until != null && Instant.now().isBefore(until)) {
            throw Status.UNAVAILABLE
                    .withDescription("gateway emulator: the peer is unreachable")
                    .asRuntimeException();
        }
        Duration delay = delays.get(rpc);
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
            }
        }
    }
}
