-- who changed what, when: kept for good, also for removed prisoners
create table audit_entry (
	id bigserial primary key,
	at timestamptz not null,
	actor varchar(100) not null,
	action varchar(40) not null,
	prisoner_id uuid,
	details jsonb not null default '{}'
);

create index audit_entry_prisoner on audit_entry (prisoner_id, at desc);
create index audit_entry_at on audit_entry (at desc);

create index prisoner_search on prisoner (status, removed_at);
