-- The outbox: Spring Modulith's event publication registry (its schema version 2), kept by Flyway like every other
-- table rather than created by the library at start-up. "if not exists": installations from before this migration
-- already have it, created by the library with the same structure.
create table if not exists event_publication (
	id uuid not null primary key,
	listener_id text not null,
	event_type text not null,
	serialized_event text not null,
	publication_date timestamp with time zone not null,
	completion_date timestamp with time zone,
	status text,
	completion_attempts int,
	last_resubmission_date timestamp with time zone
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
