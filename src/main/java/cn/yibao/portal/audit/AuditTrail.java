package cn.yibao.portal.audit;

import cn.yibao.portal.audit.domain.AuditEntry;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Appends audit rows. There is deliberately no way to change or remove one (the database refuses it too). */
@Service
public class AuditTrail {

    private final DatabaseClient database;

    AuditTrail(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Void> record(AuditEntry entry) {
        return database.sql("""
                        insert into audit_event (occurred_at, actor_type, actor_id, resident_id, action, outcome,
                                                 client_address, user_agent, detail)
                        values (:occurredAt, :actorType, :actorId, :residentId, :action, :outcome,
                                :clientAddress, :userAgent, :detail)""")
                .bind("occurredAt", entry.occurredAt())
                .bind("actorType", entry.actorType().name())
                .bind("actorId", Parameter.fromOrEmpty(entry.actorId(), String.class))
                .bind("residentId", Parameter.fromOrEmpty(entry.residentId(), UUID.class))
                .bind("action", entry.action())
                .bind("outcome", entry.outcome().name())
                .bind("clientAddress", Parameter.fromOrEmpty(entry.clientAddress(), String.class))
                .bind("userAgent", Parameter.fromOrEmpty(entry.userAgent(), String.class))
                .bind("detail", Parameter.fromOrEmpty(entry.detail(), String.class))
                .then();
    }
}
