package io.switchboard.inbox.crm;

import static io.switchboard.inbox.support.Sql.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Takes due deliveries for this node by setting a lease on them, so several hub nodes never send
 * the same delivery at once and a node that dies mid-send lets another take over when the lease
 * ends. On PostgreSQL the candidates are locked with {@code FOR UPDATE SKIP LOCKED} (concurrent
 * pollers pass each other by); elsewhere (H2) each row is claimed with an atomic conditional UPDATE.
 */
class DeliveryClaims {

    private final JdbcClient jdbc;
    private final TransactionOperations tx;
    private final boolean skipLocked;

    DeliveryClaims(JdbcClient jdbc, TransactionOperations tx, boolean skipLocked) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.skipLocked = skipLocked;
    }

    /** @return ids of the deliveries now leased to this node until {@code leaseUntil} */
    List<Long> claim(Instant now, Instant leaseUntil, int limit) {
        return skipLocked ? claimSkipLocked(now, leaseUntil, limit) : claimConditional(now, leaseUntil, limit);
    }

    private List<Long> claimSkipLocked(Instant now, Instant leaseUntil, int limit) {
        return tx.execute(status -> {
            List<Long> ids = jdbc.sql("SELECT id FROM webhook_delivery WHERE " + DeliveryRepository.DUE
                            + " ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED")
                    .param("now", ts(now)).param("limit", limit).query(Long.class).list();
            if (!ids.isEmpty()) {
                jdbc.sql("UPDATE webhook_delivery SET lease_until = :until WHERE id IN (:ids)")
                        .param("until", ts(leaseUntil)).param("ids", ids).update();
            }
            return ids;
        });
    }

    private List<Long> claimConditional(Instant now, Instant leaseUntil, int limit) {
        List<Long> candidates = jdbc.sql("SELECT id FROM webhook_delivery WHERE " + DeliveryRepository.DUE
                        + " ORDER BY next_attempt_at FETCH FIRST :limit ROWS ONLY")
                .param("now", ts(now)).param("limit", limit).query(Long.class).list();
        List<Long> claimed = new ArrayList<>();
        for (long id : candidates) {
            int taken = jdbc.sql("UPDATE webhook_delivery SET lease_until = :until WHERE id = :id AND status = 'pending'"
                            + " AND (lease_until IS NULL OR lease_until < :now)")
                    .param("until", ts(leaseUntil)).param("id", id).param("now", ts(now)).update();
            if (taken == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }
}
