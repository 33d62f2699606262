package cn.yibao.portal.assist;

import cn.yibao.portal.assist.domain.AssistAction;
import cn.yibao.portal.assist.domain.AssistSession;
import cn.yibao.portal.assist.domain.AssistStatus;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class AssistRepository {

    private final DatabaseClient database;

    AssistRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<Void> insert(AssistSession session, byte[] codeHash) {
        return database.sql("""
                        insert into assist_session (id, staff_id, staff_name_masked, service_point, staff_region, resident_id,
                                                    consent, status, one_time_code_hash, created_at, request_expires_at,
                                                    started_at, expires_at)
                        values (:id, :staffId, :staffName, :servicePoint, :region, :resident, :consent, :status, :codeHash,
                                :createdAt, :requestExpiresAt, :startedAt, :expiresAt)""")
                .bind("id", session.id()).bind("staffId", session.staffId())
                .bind("staffName", session.staffNameMasked())
                .bind("servicePoint", Parameter.fromOrEmpty(session.servicePoint(), String.class))
                .bind("region", session.staffRegion()).bind("resident", session.residentId())
                .bind("consent", session.consent()).bind("status", session.status().name())
                .bind("codeHash", Parameter.fromOrEmpty(codeHash, byte[].class))
                .bind("createdAt", session.createdAt()).bind("requestExpiresAt", session.requestExpiresAt())
                .bind("startedAt", Parameter.fromOrEmpty(session.startedAt(), Instant.class))
                .bind("expiresAt", Parameter.fromOrEmpty(session.expiresAt(), Instant.class))
                .then();
    }

    Mono<AssistSession> find(UUID id) {
        return database.sql("select * from assist_session where id = :id").bind("id", id)
                .map(AssistRepository::session).one();
    }

    Mono<byte[]> codeHash(UUID id) {
        return database.sql("select one_time_code_hash from assist_session where id = :id").bind("id", id)
                .map(row -> row.get("one_time_code_hash", byte[].class)).one();
    }

    Mono<Integer> countFailedTry(UUID id) {
        return database.sql("update assist_session set failed_code_tries = failed_code_tries + 1 where id = :id returning failed_code_tries")
                .bind("id", id).map(row -> row.get(0, Integer.class)).one();
    }

    Flux<AssistSession> ofResident(UUID residentId) {
        return database.sql("select * from assist_session where resident_id = :resident order by created_at desc limit 100")
                .bind("resident", residentId).map(AssistRepository::session).all();
    }

    /** Marks the resident's sessions whose time ran out unnoticed as EXPIRED, all in one statement. */
    Mono<Long> expireRunOutOf(UUID residentId, Instant now) {
        return database.sql("""
                        update assist_session set status = 'EXPIRED', ended_at = :now, ended_by = 'TIMEOUT',
                               one_time_code_hash = null, version = version + 1
                        where resident_id = :resident
                          and (status = 'ACTIVE' and expires_at <= :now
                               or status = 'AWAITING_RESIDENT' and request_expires_at <= :now)""")
                .bind("resident", residentId).bind("now", now)
                .fetch().rowsUpdated();
    }

    /** The resident's requests still waiting for their answer. */
    Flux<AssistSession> awaitingResident(UUID residentId, Instant now) {
        return database.sql("""
                        select * from assist_session where resident_id = :resident and status = 'AWAITING_RESIDENT'
                          and request_expires_at > :now order by created_at desc""")
                .bind("resident", residentId).bind("now", now).map(AssistRepository::session).all();
    }

    Flux<AssistSession> openOfStaff(String staffId) {
        return database.sql("select * from assist_session where staff_id = :staff and status in ('AWAITING_RESIDENT', 'ACTIVE')")
                .bind("staff", staffId).map(AssistRepository::session).all();
    }

    /** Guarded by status and version: false when someone else changed the session first. */
    Mono<Boolean> activate(AssistSession session, Instant now, Instant expiresAt) {
        return database.sql("""
                        update assist_session set status = 'ACTIVE', started_at = :now, expires_at = :expiresAt,
                               one_time_code_hash = null, version = version + 1
                        where id = :id and version = :version and status = 'AWAITING_RESIDENT'""")
                .bind("now", now).bind("expiresAt", expiresAt).bind("id", session.id()).bind("version", session.version())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Boolean> end(AssistSession session, AssistStatus to, String endedBy, Instant now) {
        return database.sql("""
                        update assist_session set status = :to, ended_at = :now, ended_by = :endedBy,
                               one_time_code_hash = null, version = version + 1
                        where id = :id and version = :version and status in ('AWAITING_RESIDENT', 'ACTIVE')""")
                .bind("to", to.name()).bind("now", now)
                .bind("endedBy", Parameter.fromOrEmpty(endedBy, String.class))
                .bind("id", session.id()).bind("version", session.version())
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<Void> action(UUID sessionId, Instant now, String action, String objectId, String objectKind,
                      String objectNumber, boolean success) {
        return database.sql("""
                        insert into assist_action (session_id, occurred_at, action, object_id, object_kind, object_number,
                                                   outcome)
                        values (:session, :now, :action, :objectId, :objectKind, :objectNumber, :outcome)""")
                .bind("session", sessionId).bind("now", now).bind("action", action)
                .bind("objectId", Parameter.fromOrEmpty(objectId, String.class))
                .bind("objectKind", Parameter.fromOrEmpty(objectKind, String.class))
                .bind("objectNumber", Parameter.fromOrEmpty(objectNumber, String.class))
                .bind("outcome", success ? "SUCCESS" : "FAILURE")
                .then();
    }

    /** The actions of several sessions in one query, by session, each in the order they happened. */
    Mono<Map<UUID, List<AssistAction>>> actions(Collection<UUID> sessionIds) {
        return database.sql("select * from assist_action where session_id = any(:sessions) order by id")
                .bind("sessions", sessionIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("session_id", UUID.class), new AssistAction(
                        row.get("occurred_at", Instant.class), row.get("action", String.class),
                        row.get("object_id", String.class), row.get("outcome", String.class),
                        row.get("object_kind", String.class), row.get("object_number", String.class))))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static AssistSession session(Readable row) {
        return new AssistSession(row.get("id", UUID.class), row.get("staff_id", String.class),
                row.get("staff_name_masked", String.class), row.get("service_point", String.class),
                row.get("staff_region", String.class), row.get("resident_id", UUID.class),
                row.get("consent", String.class), AssistStatus.valueOf(row.get("status", String.class)),
                row.get("created_at", Instant.class), row.get("request_expires_at", Instant.class),
                row.get("started_at", Instant.class), row.get("expires_at", Instant.class),
                row.get("ended_at", Instant.class), row.get("ended_by", String.class),
                row.get("version", Integer.class));
    }
}
