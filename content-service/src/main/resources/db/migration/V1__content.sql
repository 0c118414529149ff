create table campaign (
	id varchar(50) primary key,
	name varchar(200) not null,
	hashtag varchar(100),
	starts_on date,
	ends_on date,
	contact varchar(200),
	-- where the cards go: postage is per origin and this destination
	destination_country char(2) not null,
	active boolean not null default true
);

create table message_template (
	id bigserial primary key,
	campaign_id varchar(50) not null references campaign (id),
	kind varchar(20) not null,
	position int not null,
	retired boolean not null default false
);

-- the text of a template in one language: the ones letters are written in, and translations for the visitor
create table template_text (
	template_id bigint not null references message_template (id),
	language varchar(2) not null,
	text varchar(4000) not null,
	primary key (template_id, language)
);

create table postage_rate (
	id bigserial primary key,
	origin_country char(2) not null,
	destination_country char(2) not null,
	item varchar(10) not null,
	amount numeric(8, 2) not null,
	currency char(3) not null,
	-- a price change is a new row from its date on, never an overwrite
	valid_from date not null,
	unique (origin_country, destination_country, item, valid_from)
);

create table writing_guideline (
	id bigserial primary key,
	campaign_id varchar(50) not null references campaign (id),
	language varchar(2) not null,
	position int not null,
	text varchar(1000) not null
);
