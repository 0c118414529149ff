-- each service owns its database; neither reads the other's
create database prisoners;
create database content;
