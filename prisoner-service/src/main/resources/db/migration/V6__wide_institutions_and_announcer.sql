-- An institution is named by the address's institution (up to 200 characters) or, without one, by its street and city
-- (200 + 2 + 100): varchar(300) refused the longest valid addresses, and their cards went to the dead letters. Text has
-- no length of its own; the address's limits bound it. Changing varchar to text rewrites nothing.
alter table card_report alter column institution type text;
alter table delivery_report alter column institution type text;
alter table institution_note alter column institution type text;

-- A prisoner's state is no longer sent as it was when changed (Spring Modulith's externalizer, Tombstones) but as it is
-- when sent (Announcer): publications Kafka had not taken yet are handed to the new listener, which sends the current
-- state.
update event_publication
set listener_id = 'org.solidaritypost.prisoners.registry.Announcer.on(org.solidaritypost.events.PrisonerChanged)'
where completion_date is null and event_type = 'org.solidaritypost.events.PrisonerChanged';
update event_publication
set listener_id = 'org.solidaritypost.prisoners.registry.Announcer.on(org.solidaritypost.prisoners.registry.PrisonerRemoved)'
where completion_date is null and event_type = 'org.solidaritypost.prisoners.registry.PrisonerRemoved';
