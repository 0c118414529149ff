-- What a campaign's page says about itself, per language, edited without a release.
create table campaign_text (
	campaign_id varchar(50) not null references campaign (id),
	language varchar(5) not null,
	organiser varchar(200),
	introduction varchar(4000),
	any_card varchar(1000),
	photo varchar(1000),
	partner_name varchar(200),
	partner_url varchar(500),
	primary key (campaign_id, language)
);

-- the seed page's texts (Libereco's Human Rights Day campaign, partner Viasna), in its words
insert into campaign_text (campaign_id, language, organiser, introduction, any_card, photo, partner_name, partner_url)
values ('human-rights-day', 'en', 'Libereco',
	'On the occasion of Human Rights Day on 10 December, Libereco launches a postcard campaign for all political prisoners in Belarus. The campaign shows the political prisoners that we are thinking about them, and every postcard sends a signal that human rights violations in Belarus are closely watched abroad. So that each of them receives mail, every visitor is given a different prisoner to write to.',
	'Anyone can send a postcard to Belarus. Take one that you already have at home or buy one, for example from your city. We keep hearing that this gesture is very important for the prisoners and gives them courage.',
	'Take a selfie while writing the card or before you drop it in the mailbox, and share it with the hashtag.',
	'Viasna', 'https://spring96.org'),
('human-rights-day', 'de', 'Libereco',
	'Zum Tag der Menschenrechte am 10. Dezember startet Libereco eine Postkartenaktion für alle politischen Gefangenen in Belarus. Sie zeigt den Gefangenen, dass wir an sie denken, und jede Karte sendet das Signal, dass Menschenrechtsverletzungen in Belarus im Ausland genau verfolgt werden. Damit alle Post bekommen, erhält jede Besucherin und jeder Besucher eine andere Person.',
	'Jede Postkarte geht: Nimm eine, die du zu Hause hast, oder kauf eine, zum Beispiel aus deiner Stadt. Wir hören immer wieder, wie wichtig diese Geste für die Gefangenen ist und wie viel Mut sie ihnen gibt.',
	'Mach ein Selfie beim Schreiben oder vor dem Briefkasten und teile es mit dem Hashtag.',
	'Viasna', 'https://spring96.org'),
('human-rights-day', 'ru', 'Libereco',
	'Ко Дню прав человека 10 декабря Libereco начинает кампанию открыток для всех политзаключённых Беларуси. Она показывает заключённым, что о них думают, а каждая открытка — знак, что за нарушениями прав человека в Беларуси внимательно следят из-за рубежа. Чтобы письма получил каждый, каждому участнику назначается другой человек.',
	'Подойдёт любая открытка: та, что есть дома, или купленная, например, с видом вашего города. Мы снова и снова слышим, как важен этот жест для заключённых и сколько сил он им даёт.',
	'Сделайте селфи, когда пишете открытку или опускаете её в почтовый ящик, и поделитесь им с хештегом.',
	'Вясна', 'https://spring96.org');
