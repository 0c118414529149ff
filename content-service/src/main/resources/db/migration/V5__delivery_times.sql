-- How long a card takes from the origin country to the prisoners' country: the page tells a visitor writing for a
-- birthday the day to post by. Edited with the postage rates; none where nobody has said.
alter table postage_rate add column delivery_days smallint check (delivery_days between 1 and 120);

-- the seeded rates: an editors' cautious estimate for cards to Belarusian prisons (the post plus the prison's
-- censorship), to be corrected from experience
update postage_rate set delivery_days = 21
where destination_country = 'BY' and origin_country in ('DE', 'CH') and delivery_days is null;
