-- An institution is named by the address's institution (up to 200 characters) or, without one, by its street and city
-- (200 + 2 + 100): varchar(300) refused the longest valid addresses, and their cards went to the dead letters. Text has
-- no length of its own; the address's limits bound it. Changing varchar to text rewrites nothing.
alter table card_report alter column institution type text;
alter table delivery_report alter column institution type text;
alter table institution_note alter column institution type text;
