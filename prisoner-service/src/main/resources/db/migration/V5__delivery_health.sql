-- What became of the cards: a reply, or a card that came back. From visitors (one of each per assignment) and
-- from the organisation's mailbox (no assignment). A redelivered event finds its row and counts nothing.
create table delivery_report (
	event_id uuid primary key,
	prisoner_id uuid not null references prisoner (id),
	assignment_id uuid,
	outcome varchar(10) not null,
	happened_on date,
	reported_at timestamptz not null,
	source varchar(10) not null,
	-- where the prisoner was held when it was reported: delivery health is a prison's, and prisoners are moved
	institution varchar(300) not null
);

create unique index delivery_report_once on delivery_report (assignment_id, outcome) where assignment_id is not null;
create index delivery_report_institution on delivery_report (institution, outcome, reported_at);
create index delivery_report_prisoner on delivery_report (prisoner_id);

-- a card is counted for the institution the prisoner was held at when it was reported (the institution's name, or
-- the street and city of an address without one)
alter table card_report add column institution varchar(300);

update card_report r set institution = coalesce(a.institution, a.street || ', ' || a.city)
from prisoner_address a
where a.prisoner_id = r.prisoner_id and a.valid_from <= r.reported_at
	and (a.valid_until is null or r.reported_at < a.valid_until);

update card_report r set institution = coalesce(a.institution, a.street || ', ' || a.city)
from prisoner_address a
where r.institution is null and a.prisoner_id = r.prisoner_id and a.valid_until is null;

create index card_report_institution on card_report (institution, reported_at);
create index card_report_reported_at on card_report (reported_at);

-- what human-rights groups report about a prison's mail ("letters withheld since March"), kept for good
create table institution_note (
	id bigserial primary key,
	institution varchar(300) not null,
	note varchar(1000) not null,
	since date,
	recorded_at timestamptz not null,
	actor varchar(100) not null
);

create index institution_note_institution on institution_note (institution, recorded_at desc);

-- the delivery rate last announced to the pool (the share of cards that reach the prisoner's institution)
alter table prisoner add column delivery_rate numeric(4, 3);
