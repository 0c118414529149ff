-- who changed which piece of content, and how: kept for good
create table content_audit (
	id bigserial primary key,
	at timestamptz not null,
	actor varchar(100) not null,
	action varchar(40) not null,
	subject varchar(100) not null,
	details jsonb not null default '{}'
);

create index content_audit_at on content_audit (at desc);
