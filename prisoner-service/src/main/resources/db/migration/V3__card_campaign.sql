-- a card is counted for the campaign whose page the visitor used; older reports named none
alter table card_report add column campaign varchar(50);

create index card_report_campaign on card_report (campaign) where campaign is not null;
