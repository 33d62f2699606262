-- Family bindings: an owner acts for a member (pays, sees contributions). A minor in the same household is bound
-- directly; an adult only after they accept (PENDING -> ACTIVE or DECLINED). Unbinding keeps the row as UNBOUND.
create table family_binding (
    id          uuid primary key,
    owner_id    uuid        not null references resident (id),
    member_id   uuid        not null references resident (id),
    relation    varchar(16) not null check (relation in ('SPOUSE', 'CHILD', 'PARENT', 'OTHER')),
    status      varchar(16) not null check (status in ('PENDING', 'ACTIVE', 'DECLINED', 'UNBOUND')),
    created_at  timestamptz not null,
    decided_at  timestamptz,
    check (owner_id <> member_id)
);

-- At most one open binding (pending or active) between an owner and a member, enforced by the database.
create unique index family_binding_one_open on family_binding (owner_id, member_id)
    where status in ('PENDING', 'ACTIVE');
create index family_binding_member_idx on family_binding (member_id, status);
