package cn.yibao.portal.audit;

import cn.yibao.portal.audit.api.AuditEntry;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Appends audit rows. There is deliberately no way to change or remove one: the application's database role may
 * only insert and read, and a trigger refuses changes even to the owner. The same insert trigger chains the row
 * (id, recorded_at, prev_hash, row_hash; see {@link AuditChain}). Insert audit rows last in a transaction: the chain
 * lock it takes is held until commit.
 */
@Service
public class AuditTrail {

    private final DatabaseClient database;

    AuditTrail(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Void> record(AuditEntry entry) {
        return database.sql("""
                        insert into audit_event (occurred_at, actor_type, actor_id, resident_id, action, outcome,
                                                 client_address, user_agent, detail, object_id, request_id,
                                                 assist_session_id)
                        values (:occurredAt, :actorType, :actorId, :residentId, :action, :outcome,
                                :clientAddress, :userAgent, :detail, :objectId, :requestId, :assistSessionId)""")
                .bind("occurredAt", entry.occurredAt())
                .bind("actorType", entry.actorType().name())
                .bind("actorId", Parameter.fromOrEmpty(entry.actorId(), String.class))
                .bind("residentId", Parameter.fromOrEmpty(entry.residentId(), UUID.class))
                .bind("action", entry.action())
                .bind("outcome", entry.outcome().name())
                .bind("clientAddress", Parameter.fromOrEmpty(entry.clientAddress(), String.class))
                .bind("userAgent", Parameter.fromOrEmpty(entry.userAgent(), String.class))
                .bind("detail", Parameter.fromOrEmpty(entry.detail(), String.class))
                .bind("objectId", Parameter.fromOrEmpty(entry.objectId(), String.class))
                .bind("requestId", Parameter.fromOrEmpty(entry.requestId(), String.class))
                .bind("assistSessionId", Parameter.fromOrEmpty(entry.assistSessionId(), UUID.class))
                .then();
    }
}
