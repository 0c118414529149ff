create table prisoner (
	id uuid primary key,
	external_ref varchar(100) unique,
	name_latin varchar(200) not null,
	name_russian varchar(200) not null,
	name_belarusian varchar(200),
	story jsonb not null default '{}',
	birth_date date,
	detained_since date,
	charges jsonb not null default '[]',
	status varchar(20) not null,
	status_since date,
	status_reason varchar(500),
	write_in jsonb not null,
	postcards_sent bigint not null default 0,
	letters_sent bigint not null default 0,
	last_card_at timestamptz,
	version bigint not null default 0,
	created_at timestamptz not null,
	updated_at timestamptz not null,
	removed_at timestamptz
);

-- prisoners are moved between pre-trial prisons and colonies: an address is never overwritten
create table prisoner_address (
	id bigserial primary key,
	prisoner_id uuid not null references prisoner (id),
	recipient varchar(200) not null,
	street varchar(200) not null,
	postcode varchar(20) not null,
	city varchar(100) not null,
	country varchar(100) not null,
	institution varchar(200),
	valid_from timestamptz not null,
	valid_until timestamptz
);

create unique index prisoner_address_current on prisoner_address (prisoner_id) where valid_until is null;
create index prisoner_address_history on prisoner_address (prisoner_id, valid_from);

-- one row per reported assignment: a redelivered card-sent event finds its row and counts nothing
create table card_report (
	assignment_id uuid primary key,
	prisoner_id uuid not null references prisoner (id),
	item varchar(10) not null,
	from_country char(2),
	reported_at timestamptz not null
);

create index card_report_prisoner on card_report (prisoner_id);
