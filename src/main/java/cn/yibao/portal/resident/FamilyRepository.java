package cn.yibao.portal.resident;

import cn.yibao.portal.resident.api.Relation;
import cn.yibao.portal.resident.domain.FamilyBinding;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class FamilyRepository {

    private final DatabaseClient database;

    FamilyRepository(DatabaseClient database) {
        this.database = database;
    }

    Flux<FamilyBinding> openBindingsOf(UUID residentId) {
        return database.sql("""
                        select id, owner_id, member_id, relation, status from family_binding
                        where (owner_id = :resident or member_id = :resident) and status in ('PENDING', 'ACTIVE')
                        order by created_at""")
                .bind("resident", residentId)
                .map(FamilyRepository::binding)
                .all();
    }

    Flux<FamilyBinding> openBindingsBetween(UUID one, UUID other) {
        return database.sql("""
                        select id, owner_id, member_id, relation, status from family_binding
                        where ((owner_id = :one and member_id = :other) or (owner_id = :other and member_id = :one))
                          and status in ('PENDING', 'ACTIVE')""")
                .bind("one", one)
                .bind("other", other)
                .map(FamilyRepository::binding)
                .all();
    }

    /** The last binding this owner ended with this member (解除绑定), for undoing it. */
    Mono<FamilyBinding> lastUnbound(UUID ownerId, UUID memberId) {
        return database.sql("""
                        select id, owner_id, member_id, relation, status from family_binding
                        where owner_id = :owner and member_id = :member and status = 'UNBOUND'
                        order by decided_at desc nulls last limit 1""")
                .bind("owner", ownerId)
                .bind("member", memberId)
                .map(FamilyRepository::binding)
                .one();
    }

    /** Inserts an open binding; the partial unique index turns a concurrent duplicate into no row. */
    Mono<Boolean> insert(UUID ownerId, UUID memberId, Relation relation, FamilyBinding.Status status, Instant now) {
        return database.sql("""
                        insert into family_binding (id, owner_id, member_id, relation, status, created_at, decided_at)
                        values (:id, :owner, :member, :relation, :status, :now, :decidedAt)
                        on conflict (owner_id, member_id) where status in ('PENDING', 'ACTIVE') do nothing""")
                .bind("id", UUID.randomUUID())
                .bind("owner", ownerId)
                .bind("member", memberId)
                .bind("relation", relation.name())
                .bind("status", status.name())
                .bind("now", now)
                .bind("decidedAt", Parameter.fromOrEmpty(status == FamilyBinding.Status.ACTIVE ? now : null, Instant.class))
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Moves a binding from one status to another; false when it was not in that status (any more). */
    Mono<Boolean> transition(UUID bindingId, FamilyBinding.Status from, FamilyBinding.Status to, Instant now) {
        return database.sql("""
                        update family_binding set status = :to, decided_at = :now
                        where id = :id and status = :from""")
                .bind("id", bindingId)
                .bind("from", from.name())
                .bind("to", to.name())
                .bind("now", now)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    private static FamilyBinding binding(Readable row) {
        return new FamilyBinding(row.get("id", UUID.class), row.get("owner_id", UUID.class),
                row.get("member_id", UUID.class), Relation.valueOf(row.get("relation", String.class)),
                FamilyBinding.Status.valueOf(row.get("status", String.class)));
    }
}
