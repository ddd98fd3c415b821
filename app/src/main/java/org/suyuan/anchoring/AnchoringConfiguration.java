package org.suyuan.anchoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.suyuan.db.anchoring.AnchorOutbox;
import org.suyuan.db.anchoring.AnchorRepository;
import org.suyuan.db.anchoring.AnchoringLease;
import org.suyuan.ledger.Ledger;
import org.suyuan.ledger.embedded.EmbeddedLedger;
import org.suyuan.ledger.fabric.FabricLedger;

@Configuration(proxyBeanMethods = false)
class AnchoringConfiguration {

    /**
     * The ledger {@code suyuan.ledger.type} names; closed on shutdown (for Fabric this shuts the gRPC channel down,
     * which the Gateway SDK leaves open).
     */
    @Bean(destroyMethod = "close")
    Ledger ledger(LedgerProperties properties, DataSource dataSource, Clock clock) {
        return switch (properties.type()) {
            case EMBEDDED -> new EmbeddedLedger(dataSource, clock, properties.submitter());
            case FABRIC -> FabricLedger.connect(properties.fabricSettings());
        };
    }

    /** {@code suyuan.anchoring.ledger.replays}: anchors submitted again that the ledger already held. */
    @Bean
    MeterBinder ledgerReplays(Ledger ledger) {
        return registry -> FunctionCounter.builder("suyuan.anchoring.ledger.replays", ledger, Ledger::replays)
                .description("Anchors submitted again that the ledger already held; on Fabric each added a"
                        + " transaction that stored nothing")
                .register(registry);
    }

    @Bean(destroyMethod = "close")
    AnchoringWorker anchoringWorker(
            AnchorRepository anchors,
            AnchorOutbox outbox,
            AnchoringLease lease,
            Ledger ledger,
            PlatformTransactionManager transactionManager,
            AnchoringProperties properties,
            AnchoringMetrics metrics) {
        // The worker's own clock has sub-second resolution: it closes windows and measures lag, and hashes nothing.
        // Its ledger calls run on threads of their own (not a bean: an Executor bean would replace Boot's).
        AtomicInteger threads = new AtomicInteger();
        ExecutorService ledgerCalls = Executors.newFixedThreadPool(properties.maxInFlight(), runnable -> {
            Thread thread = new Thread(runnable, "anchoring-ledger-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new AnchoringWorker(
                anchors,
                outbox,
                lease,
                ledger,
                transactionManager,
                properties,
                metrics,
                Clock.systemUTC(),
                instanceName(),
                ledgerCalls);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "suyuan.anchoring.enabled", matchIfMissing = true)
    AnchoringLoop anchoringLoop(AnchoringWorker worker, AnchoringMetrics metrics, AnchoringProperties properties) {
        return new AnchoringLoop(worker, metrics, properties);
    }

    /** Unique per running instance, and recognisable in the lease row: host, process and a random suffix. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
