-- Each service owns its database through a role of its own, and no other role may connect to it:
-- "neither reads the other's database" holds in PostgreSQL itself, not only by convention.
-- Run once on an empty cluster, by compose/postgres-init.sh in the container and by ./run on its
-- embedded server; :'prisoners_password' and :'content_password' are psql variables.
create role prisoners login password :'prisoners_password';
create database prisoners owner prisoners;
revoke all on database prisoners from public;

create role content login password :'content_password';
create database content owner content;
revoke all on database content from public;
