-- The content of the seed campaign page (Human Rights Day postcard campaign for political prisoners in Belarus).
insert into campaign (id, name, hashtag, starts_on, contact, destination_country)
values ('human-rights-day', 'Postcards for political prisoners in Belarus', '#WeStandBYyou', date '2020-12-10', null, 'BY');

insert into message_template (campaign_id, kind, position) values ('human-rights-day', 'GENERAL', 1);

insert into template_text (template_id, language, text)
select id, 'ru', 'Я пишу вам, чтобы вы знали, что о вас не забывают, о вас помнят. Люди во всем мире смотрят на Беларусь, внимательно следят за событиями в Беларуси и переживают за белорусов, за всех вас. Держитесь, сил вам и мужества! Надеюсь, что очень скоро наступят лучшие времена!'
from message_template where campaign_id = 'human-rights-day' and position = 1;

insert into template_text (template_id, language, text)
select id, 'be', 'Пішу вам з тым каб вы ведалі, што пра вас не забываюцца, пра вас памятаюць. Людзі ўсяго свету глядзяць на Беларусь, уважліва сочаць за падзеямі ў краіне і перажываюць за беларусаў. Трымайцеся, сіл вам і моцы. Спадзяюся, што вельмі хутка прыйдуць лепшыя часы!'
from message_template where campaign_id = 'human-rights-day' and position = 1;

insert into template_text (template_id, language, text)
select id, 'en', 'I write you to let you know that you are not forgotten. People all over the world are looking at Belarus, following what is happening there and caring about people like you. Please keep strong, I am hoping that better times will soon arrive!'
from message_template where campaign_id = 'human-rights-day' and position = 1;

insert into template_text (template_id, language, text)
select id, 'de', 'Ich schreibe Ihnen, damit Sie wissen, dass Sie nicht vergessen sind. Menschen auf der ganzen Welt schauen auf Belarus, verfolgen, was dort geschieht, und sorgen sich um Menschen wie Sie. Bleiben Sie stark, ich hoffe, dass bald bessere Zeiten kommen!'
from message_template where campaign_id = 'human-rights-day' and position = 1;

insert into postage_rate (origin_country, destination_country, item, amount, currency, valid_from) values
	('DE', 'BY', 'POSTCARD', 0.95, 'EUR', date '2020-01-01'),
	('DE', 'BY', 'LETTER', 1.10, 'EUR', date '2020-01-01'),
	('CH', 'BY', 'POSTCARD', 1.50, 'CHF', date '2020-01-01'),
	('CH', 'BY', 'LETTER', 1.50, 'CHF', date '2020-01-01');

insert into writing_guideline (campaign_id, language, position, text) values
	('human-rights-day', 'en', 1, 'Please use the spelling of the address exactly as shown.'),
	('human-rights-day', 'en', 2, 'Write in Russian or Belarusian, otherwise the card will not reach the prisoner.'),
	('human-rights-day', 'en', 3, 'To give the card a personal touch, write by hand if possible.'),
	('human-rights-day', 'en', 4, 'Do not write about politics, the protests or the charges: a kind, personal message gets through.'),
	('human-rights-day', 'en', 5, 'It is not the grammar that counts, but the gesture: online translators and the templates below help, and a drawing says a lot.'),
	('human-rights-day', 'de', 1, 'Bitte schreiben Sie die Adresse genau so, wie sie angezeigt wird.'),
	('human-rights-day', 'de', 2, 'Schreiben Sie auf Russisch oder Belarussisch, sonst erreicht die Karte die Gefangenen nicht.'),
	('human-rights-day', 'de', 3, 'Schreiben Sie möglichst von Hand, das macht die Karte persönlich.'),
	('human-rights-day', 'de', 4, 'Schreiben Sie nicht über Politik, die Proteste oder die Anklage: eine freundliche, persönliche Nachricht kommt an.'),
	('human-rights-day', 'de', 5, 'Es zählt nicht die Grammatik, sondern die Geste: Online-Übersetzer und die Vorlagen helfen, und auch eine Zeichnung sagt viel.'),
	('human-rights-day', 'ru', 1, 'Пишите адрес точно так, как он указан.'),
	('human-rights-day', 'ru', 2, 'Пишите по-русски или по-белорусски, иначе открытка не дойдёт.'),
	('human-rights-day', 'ru', 3, 'По возможности пишите от руки: так открытка будет личной.'),
	('human-rights-day', 'ru', 4, 'Не пишите о политике, протестах или обвинении: доброе личное слово дойдёт.'),
	('human-rights-day', 'ru', 5, 'Важна не грамматика, а сам жест: помогут онлайн-переводчики и шаблоны, а рисунок скажет многое.');
