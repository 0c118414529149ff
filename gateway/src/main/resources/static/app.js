// The campaign page: talks only to the public API of the gateway, loads nothing from elsewhere.
'use strict';

const TEXT = {
	en: {
		skip: 'Skip to the prisoner', language: 'Language', title: 'Write a postcard to a political prisoner',
		prisoners: 'prisoners', cardsSent: 'cards sent', yourPrisoner: 'Please write to',
		address: 'Address, exactly as the post needs it', copyAddress: 'Copy address', print: 'Print card',
		another: 'Another prisoner', writeIn: 'Write in', templates: 'A message you can copy',
		templatesIntro: 'Not fluent in Russian or Belarusian? Copy one of these; it is the gesture that counts.',
		rules: 'What to bear in mind', postage: 'Postage', postFrom: 'I post from', report: 'Sent it?',
		reportIntro: 'Tell us when your card is in the mailbox, so that every prisoner gets mail.',
		sentPostcard: 'I sent a postcard', sentLetter: 'I sent a letter', share: 'Share a photo of your card with',
		shareCampaign: 'Invite others to write', invitation: 'Write a postcard to a political prisoner: every prisoner should get mail.',
		privacy: 'Privacy: we store one functional cookie with a random token so that you are not given the same prisoner twice. No name, no address, no tracking, nothing loaded from other sites.',
		copy: 'Copy', copied: 'Copied', postcard: 'Postcard', letter: 'Letter', noRate: 'We do not know the postage from there yet; an international postcard stamp is usually right.',
		cardsForPrisoner: (n) => n === 0 ? 'Nobody has written yet: yours will be the first card.' : `${n} card${n === 1 ? '' : 's'} sent so far.`,
		thanks: 'Thank you! Your card is counted.', already: 'Already counted, thank you!',
		reportFailed: 'That did not work; please try again in a moment.', expired: 'This assignment has expired; thank you for writing all the same!',
		unavailable: 'We cannot hand out prisoners right now. Please try again in a few minutes; the rules and messages below still help you write.',
		about: 'About this campaign', organiser: (name) => `A campaign by ${name}.`, moreAt: 'More about the prisoners and the situation:', photoByMail: 'You can also send us the photo:',
		writing: 'Cards you are writing', writingIntro: 'Prisoners you were given before. Report your card for the one you wrote to.',
		sentState: 'Sent, thank you!', expiredState: 'This assignment has expired.',
		gotReply: 'I got a reply', cameBack: 'My card came back', answerThanks: 'Thank you for telling us: it helps us learn which cards arrive.',
		REPLY: 'You got a reply.', RETURN: 'Your card came back.',
		birthday: (date) => `Birthday on ${date}.`, postBy: (date, days) => `Post by ${date} from your country: a card takes about ${days} days.`,
		postNow: 'Post today: it may arrive a little late, and a late birthday card is still a joy.', postSoon: 'Post soon: cards take weeks to arrive.',
		addressChanged: (date) => `Address changed on ${date}: use this one.`,
		doNotPost: (why) => `Please do not post this card: ${why}.`, RELEASED: 'this prisoner has been released',
		WRITING_SUSPENDED: 'writing to this prisoner is suspended for now', REMOVED: 'this prisoner is no longer on the list',
		ru: 'Russian', be: 'Belarusian', ru_be: 'Russian or Belarusian',
		DE: 'Germany', CH: 'Switzerland', AT: 'Austria', FR: 'France', NL: 'Netherlands', PL: 'Poland', GB: 'United Kingdom'
	},
	de: {
		skip: 'Zur Person springen', language: 'Sprache', title: 'Schreib eine Postkarte an politische Gefangene',
		prisoners: 'Gefangene', cardsSent: 'Karten verschickt', yourPrisoner: 'Bitte schreib an',
		address: 'Adresse, genau so, wie die Post sie braucht', copyAddress: 'Adresse kopieren', print: 'Karte drucken',
		another: 'Andere Person', writeIn: 'Schreib auf', templates: 'Eine Nachricht zum Kopieren',
		templatesIntro: 'Du sprichst kein Russisch oder Belarussisch? Kopiere eine dieser Nachrichten; es zählt die Geste.',
		rules: 'Worauf du achten solltest', postage: 'Porto', postFrom: 'Ich verschicke aus', report: 'Verschickt?',
		reportIntro: 'Sag uns, wenn deine Karte im Briefkasten ist, damit alle Gefangenen Post bekommen.',
		sentPostcard: 'Ich habe eine Postkarte verschickt', sentLetter: 'Ich habe einen Brief verschickt', share: 'Teile ein Foto deiner Karte mit',
		shareCampaign: 'Andere zum Schreiben einladen', invitation: 'Schreib eine Postkarte an politische Gefangene: alle sollen Post bekommen.',
		privacy: 'Datenschutz: Wir speichern ein funktionales Cookie mit einer Zufallskennung, damit du nicht zweimal dieselbe Person bekommst. Kein Name, keine Adresse, kein Tracking, nichts wird von anderen Seiten geladen.',
		copy: 'Kopieren', copied: 'Kopiert', postcard: 'Postkarte', letter: 'Brief', noRate: 'Das Porto von dort kennen wir noch nicht; eine internationale Postkartenmarke passt meist.',
		cardsForPrisoner: (n) => n === 0 ? 'Noch hat niemand geschrieben: deine Karte wird die erste sein.' : `Bisher ${n} Karte${n === 1 ? '' : 'n'} verschickt.`,
		thanks: 'Danke! Deine Karte ist gezählt.', already: 'Schon gezählt, danke!',
		reportFailed: 'Das hat nicht geklappt; bitte versuch es gleich noch einmal.', expired: 'Diese Zuteilung ist abgelaufen; danke trotzdem fürs Schreiben!',
		unavailable: 'Gerade können wir keine Gefangenen zuteilen. Bitte versuch es in ein paar Minuten noch einmal; die Regeln und Nachrichten unten helfen dir schon beim Schreiben.',
		about: 'Über diese Aktion', organiser: (name) => `Eine Aktion von ${name}.`, moreAt: 'Mehr über die Gefangenen und die Lage:', photoByMail: 'Du kannst uns das Foto auch schicken:',
		writing: 'Karten, die du schreibst', writingIntro: 'Gefangene, die du vorher bekommen hast. Melde deine Karte bei der Person, der du geschrieben hast.',
		sentState: 'Verschickt, danke!', expiredState: 'Diese Zuteilung ist abgelaufen.',
		gotReply: 'Ich habe eine Antwort bekommen', cameBack: 'Meine Karte kam zurück', answerThanks: 'Danke! So lernen wir, welche Karten ankommen.',
		REPLY: 'Sie haben eine Antwort bekommen.', RETURN: 'Ihre Karte kam zurück.',
		birthday: (date) => `Geburtstag am ${date}.`, postBy: (date, days) => `Bitte bis ${date} abschicken: eine Karte braucht etwa ${days} Tage.`,
		postNow: 'Bitte heute abschicken: sie kommt vielleicht etwas später an, und auch eine späte Geburtstagskarte ist eine Freude.', postSoon: 'Bitte bald abschicken: Karten brauchen Wochen.',
		addressChanged: (date) => `Adresse geändert am ${date}: bitte diese verwenden.`,
		doNotPost: (why) => `Bitte diese Karte nicht abschicken: ${why}.`, RELEASED: 'die Person wurde freigelassen',
		WRITING_SUSPENDED: 'Post an diese Person ist vorerst ausgesetzt', REMOVED: 'die Person steht nicht mehr auf der Liste',
		ru: 'Russisch', be: 'Belarussisch', ru_be: 'Russisch oder Belarussisch',
		DE: 'Deutschland', CH: 'Schweiz', AT: 'Österreich', FR: 'Frankreich', NL: 'Niederlande', PL: 'Polen', GB: 'Vereinigtes Königreich'
	},
	ru: {
		skip: 'Перейти к заключённому', language: 'Язык', title: 'Напишите открытку политзаключённому',
		prisoners: 'заключённых', cardsSent: 'открыток отправлено', yourPrisoner: 'Пожалуйста, напишите',
		address: 'Адрес — точно так, как нужно почте', copyAddress: 'Скопировать адрес', print: 'Распечатать',
		another: 'Другой человек', writeIn: 'Пишите на', templates: 'Текст, который можно скопировать',
		templatesIntro: 'Можно скопировать один из текстов: важен сам жест.',
		rules: 'Что важно помнить', postage: 'Почтовый сбор', postFrom: 'Я отправляю из', report: 'Отправили?',
		reportIntro: 'Сообщите, когда открытка в почтовом ящике, чтобы письма получил каждый.',
		sentPostcard: 'Я отправил(а) открытку', sentLetter: 'Я отправил(а) письмо', share: 'Поделитесь фото открытки с хештегом',
		shareCampaign: 'Пригласить других написать', invitation: 'Напишите открытку политзаключённому: письма должен получить каждый.',
		privacy: 'Конфиденциальность: мы храним одно функциональное cookie со случайным токеном, чтобы вам не выпал тот же человек дважды. Без имени, без адреса, без слежки, ничего не загружается с других сайтов.',
		copy: 'Скопировать', copied: 'Скопировано', postcard: 'Открытка', letter: 'Письмо', noRate: 'Тариф из этой страны нам пока неизвестен; обычно подходит марка для международной открытки.',
		cardsForPrisoner: (n) => n === 0 ? 'Пока никто не написал: ваша открытка будет первой.' : `Отправлено открыток: ${n}.`,
		thanks: 'Спасибо! Открытка учтена.', already: 'Уже учтено, спасибо!',
		reportFailed: 'Не получилось; попробуйте ещё раз чуть позже.', expired: 'Срок этого назначения истёк; спасибо, что написали!',
		unavailable: 'Сейчас мы не можем назначить заключённого. Попробуйте через несколько минут; правила и тексты ниже уже помогут написать.',
		about: 'Об этой кампании', organiser: (name) => `Кампанию проводит ${name}.`, moreAt: 'Подробнее о заключённых и ситуации:', photoByMail: 'Фото можно также прислать нам:',
		writing: 'Открытки, которые вы пишете', writingIntro: 'Люди, которых вам назначили раньше. Сообщите об открытке тому, кому вы написали.',
		sentState: 'Отправлено, спасибо!', expiredState: 'Срок этого назначения истёк.',
		gotReply: 'Я получил(а) ответ', cameBack: 'Моя открытка вернулась', answerThanks: 'Спасибо! Так мы узнаём, какие открытки доходят.',
		REPLY: 'Вы получили ответ.', RETURN: 'Ваша открытка вернулась.',
		birthday: (date) => `День рождения ${date}.`, postBy: (date, days) => `Отправьте до ${date}: открытка идёт около ${days} дней.`,
		postNow: 'Отправьте сегодня: открытка может прийти чуть позже, но и поздравление с опозданием — радость.', postSoon: 'Отправьте поскорее: открытки идут неделями.',
		addressChanged: (date) => `Адрес изменился ${date}: используйте этот.`,
		doNotPost: (why) => `Пожалуйста, не отправляйте эту открытку: ${why}.`, RELEASED: 'этого человека освободили',
		WRITING_SUSPENDED: 'писать этому человеку пока нельзя', REMOVED: 'этого человека больше нет в списке',
		ru: 'русском', be: 'белорусском', ru_be: 'русском или белорусском',
		DE: 'Германия', CH: 'Швейцария', AT: 'Австрия', FR: 'Франция', NL: 'Нидерланды', PL: 'Польша', GB: 'Великобритания'
	}
};

const state = { lang: 'en', assignment: null, bundle: null, stats: null, mine: [] };
// the ids this browser was given: the server lists them too, these stay if it ever cannot
const KEPT = 'sp_assignments';
// one page can run any active campaign: /?campaign=birthdays
const campaign = new URLSearchParams(location.search).get('campaign');
// a birthday campaign: /?occasion=birthdays&withinDays=28 gives the prisoners whose birthday comes up
const occasion = new URLSearchParams(location.search).get('occasion');
const withinDays = new URLSearchParams(location.search).get('withinDays');
const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[state.lang][key] ?? TEXT.en[key] ?? key;

function chooseLanguage() {
	const stored = localStorage.getItem('sp_lang');
	if (stored && TEXT[stored]) return stored;
	for (const language of navigator.languages || [navigator.language || 'en']) {
		const code = language.slice(0, 2).toLowerCase();
		if (TEXT[code]) return code;
	}
	return 'en';
}

async function api(path, options = {}) {
	const response = await fetch(path, { credentials: 'same-origin', headers: { 'Accept': 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) }, ...options });
	const body = await response.json().catch(() => null);
	return { status: response.status, ok: response.ok, body };
}

function translatePage() {
	document.documentElement.lang = state.lang;
	document.querySelectorAll('[data-i18n]').forEach((element) => { element.textContent = t(element.dataset.i18n); });
	$('language').value = state.lang;
}

function showStats() {
	if (!state.stats) return;
	$('count-prisoners').textContent = state.stats.prisoners.toLocaleString(state.lang);
	$('count-cards').textContent = state.stats.cardsSent.toLocaleString(state.lang);
}

async function loadStats() {
	// a campaign's own page counts the cards sent from it
	const stats = await api(campaign ? `/api/stats?campaign=${encodeURIComponent(campaign)}` : '/api/stats').catch(() => ({ ok: false }));
	if (stats.ok) {
		// the registry counts a report a moment after it is made: never show fewer than this visitor has seen
		const seen = state.stats ? state.stats.cardsSent : 0;
		state.stats = { ...stats.body, cardsSent: Math.max(stats.body.cardsSent, seen) };
		showStats();
	}
}

function showPrisoner() {
	const assignment = state.assignment;
	if (!assignment) return;
	const prisoner = assignment.prisoner;
	$('prisoner-unavailable').hidden = true;
	$('prisoner-details').hidden = false;
	$('name-latin').textContent = prisoner.name.latin;
	$('name-cyrillic').textContent = [prisoner.name.russian, prisoner.name.belarusian].filter(Boolean).join(' · ');
	$('story').textContent = prisoner.stories?.[state.lang] || prisoner.story || '';
	$('address').textContent = prisoner.address.lines.join('\n');
	$('write-in').textContent = (prisoner.writeIn || []).map((code) => t(code)).join(', ');
	$('cards-for-prisoner').textContent = TEXT[state.lang].cardsForPrisoner(prisoner.cardsSent);
	showOccasion();
}

// the day to post by: the birthday less the days a card takes from the visitor's country (the editors' figure)
function showOccasion() {
	const shown = state.assignment?.occasion;
	$('occasion').hidden = !shown;
	if (!shown) return;
	const birthday = new Date(shown.date + 'T12:00:00Z');
	const days = (state.bundle?.postage?.rates || []).map((rate) => rate.deliveryDays).filter(Boolean);
	const texts = TEXT[state.lang];
	let text = texts.birthday(formatDate(shown.date + 'T12:00:00Z'));
	if (days.length) {
		const postBy = new Date(birthday.getTime() - Math.max(...days) * 86400000);
		const today = new Date();
		text += ' ' + (postBy.toISOString().slice(0, 10) < today.toISOString().slice(0, 10)
			? texts.postNow : texts.postBy(formatDate(postBy.toISOString()), Math.max(...days)));
	} else {
		text += ' ' + texts.postSoon;
	}
	$('occasion').textContent = text;
}

async function drawPrisoner() {
	const forOccasion = occasion ? `&occasion=${encodeURIComponent(occasion)}${withinDays ? `&withinDays=${encodeURIComponent(withinDays)}` : ''}` : '';
	const result = await api(`/api/assignments?lang=${state.lang}${forOccasion}`, { method: 'POST' }).catch(() => ({ ok: false }));
	if (result.ok) {
		state.assignment = result.body;
		keep(result.body.id);
		showPrisoner();
		$('report-result').textContent = '';
		loadMine();
	} else {
		$('prisoner-details').hidden = true;
		$('prisoner-unavailable').hidden = false;
		$('prisoner-unavailable').textContent = t('unavailable');
	}
}

function kept() {
	try {
		return JSON.parse(localStorage.getItem(KEPT) || '[]');
	} catch {
		return [];
	}
}

function keep(id) {
	localStorage.setItem(KEPT, JSON.stringify([id, ...kept().filter((known) => known !== id)].slice(0, 50)));
}

// "cards you are writing": everything this visitor was given before, as the prisoner is now
async function loadMine() {
	const listed = await api(`/api/assignments?lang=${state.lang}`).catch(() => ({ ok: false }));
	const mine = listed.ok ? listed.body.assignments : [];
	const known = new Set(mine.map((assignment) => assignment.id));
	for (const id of kept().filter((id) => !known.has(id)).slice(0, 10)) {
		const one = await api(`/api/assignments/${encodeURIComponent(id)}?lang=${state.lang}`).catch(() => ({ ok: false }));
		if (one.ok) mine.push(one.body);
	}
	state.mine = mine.filter((assignment) => assignment.state !== 'EXPIRED');
	showMine();
}

function formatDate(instant) {
	return new Date(instant).toLocaleDateString(state.lang, { year: 'numeric', month: 'long', day: 'numeric' });
}

function showMine() {
	const current = state.assignment?.id;
	const earlier = state.mine.filter((assignment) => assignment.id !== current);
	$('my-cards').hidden = earlier.length === 0;
	$('my-cards-list').replaceChildren(...earlier.map((assignment) => {
		const prisoner = assignment.prisoner;
		const item = document.createElement('li');
		const name = document.createElement('p');
		name.className = 'names';
		const latin = document.createElement('span');
		latin.className = 'latin';
		latin.textContent = prisoner.name.latin;
		name.append(latin);
		item.append(name);
		if (assignment.state === 'REPORTED') {
			const sent = document.createElement('p');
			sent.className = 'sent';
			sent.textContent = t('sentState');
			item.append(sent);
			item.append(answers(assignment));
			return item;
		}
		if (!prisoner.openForLetters) {
			const warning = document.createElement('p');
			warning.className = 'warning';
			warning.textContent = TEXT[state.lang].doNotPost(t(prisoner.status || 'REMOVED'))
				+ (prisoner.statusReason ? ' ' + prisoner.statusReason : '');
			item.append(warning);
			return item;
		}
		if (assignment.addressChanged) {
			const changed = document.createElement('p');
			changed.className = 'notice';
			changed.textContent = TEXT[state.lang].addressChanged(formatDate(assignment.addressChanged.knownSince));
			item.append(changed);
		}
		const address = document.createElement('pre');
		address.className = 'address';
		address.lang = 'ru';
		address.textContent = prisoner.address.lines.join('\n');
		const actions = document.createElement('div');
		actions.className = 'actions';
		const copy = document.createElement('button');
		copy.type = 'button';
		copy.textContent = t('copyAddress');
		copy.addEventListener('click', () => copyText(address.textContent, copy));
		// the print view lays out the prisoner shown at the top: show this one while printing
		const print = document.createElement('button');
		print.type = 'button';
		print.textContent = t('print');
		print.addEventListener('click', () => {
			const shown = state.assignment;
			state.assignment = assignment;
			showPrisoner();
			window.print();
			state.assignment = shown;
			showPrisoner();
		});
		actions.append(copy, print);
		const result = document.createElement('p');
		result.setAttribute('role', 'status');
		for (const [kind, label] of [['POSTCARD', 'sentPostcard'], ['LETTER', 'sentLetter']]) {
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'report';
			button.textContent = t(label);
			button.addEventListener('click', () => reportEarlier(assignment, kind, result));
			actions.append(button);
		}
		item.append(address, actions, result);
		return item;
	}));
}

// what the visitor told us came of a card they sent, kept in this browser only so that the buttons say so
const ANSWERED = 'sp_answered';

function answered() {
	try {
		return JSON.parse(localStorage.getItem(ANSWERED) || '{}');
	} catch (e) {
		return {};
	}
}

function answers(assignment) {
	const box = document.createElement('div');
	const known = answered()[assignment.id];
	const result = document.createElement('p');
	result.setAttribute('role', 'status');
	if (known) {
		result.textContent = t(known);
		box.append(result);
		return box;
	}
	const actions = document.createElement('div');
	actions.className = 'actions';
	for (const [outcome, label] of [['REPLY', 'gotReply'], ['RETURN', 'cameBack']]) {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'answer';
		button.dataset.outcome = outcome;
		button.textContent = t(label);
		button.addEventListener('click', async () => {
			const answer = await api(`/api/assignments/${encodeURIComponent(assignment.id)}/delivery`, { method: 'POST', body: JSON.stringify({ outcome }) }).catch(() => ({ status: 0 }));
			if (answer.status === 202) {
				const all = answered();
				all[assignment.id] = outcome;
				localStorage.setItem(ANSWERED, JSON.stringify(all));
				result.textContent = t('answerThanks');
				actions.remove();
			} else {
				result.textContent = t('reportFailed');
			}
		});
		actions.append(button);
	}
	box.append(actions, result);
	return box;
}

async function reportEarlier(assignment, item, result) {
	const answer = await sendReport(assignment.id, item);
	result.textContent = reportMessage(answer.status);
	if (answer.status === 202 || answer.status === 200) {
		assignment.state = 'REPORTED';
		setTimeout(showMine, 1500);
	}
}

function showContent() {
	const bundle = state.bundle;
	if (!bundle) return;
	// the day to post by depends on the country posted from
	showOccasion();
	if (bundle.campaign) {
		$('hashtag').textContent = bundle.campaign.hashtag || '';
		$('share-hashtag').textContent = bundle.campaign.hashtag || '';
		const contact = bundle.campaign.contact;
		$('photo-contact').hidden = !contact || !contact.includes('@');
		if (contact && contact.includes('@')) {
			$('photo-mail').textContent = contact;
			$('photo-mail').href = `mailto:${contact}`;
		}
	}
	showCampaignPage(bundle.page);
	showCountries(bundle.postage?.countries);
	const templates = $('templates');
	templates.replaceChildren(...bundle.templates.map((template) => {
		const block = document.createElement('div');
		block.className = 'template';
		for (const [language, text] of Object.entries(template.messages)) {
			const heading = document.createElement('h3');
			heading.textContent = t(language);
			const quote = document.createElement('blockquote');
			quote.lang = language;
			quote.textContent = text;
			const copy = document.createElement('button');
			copy.type = 'button';
			copy.textContent = `${t('copy')} (${t(language)})`;
			copy.addEventListener('click', () => copyText(text, copy));
			block.append(heading, quote, copy);
		}
		if (template.translation) {
			const translation = document.createElement('p');
			translation.className = 'translation';
			translation.lang = template.translation.language;
			translation.textContent = template.translation.text;
			block.append(translation);
		}
		return block;
	}));
	// the print view puts the first message beside the address, as on an A6 card
	const first = bundle.templates[0];
	$('print-template').textContent = first ? (first.messages.ru || Object.values(first.messages)[0] || '') : '';
	$('rules').replaceChildren(...bundle.guidelines.map((rule) => {
		const item = document.createElement('li');
		item.textContent = rule;
		return item;
	}));
	showPostage();
}

// the campaign's own words, as its editors wrote them
function showCampaignPage(page) {
	$('organiser').textContent = page?.organiser ? TEXT[state.lang].organiser?.(page.organiser) ?? TEXT.en.organiser(page.organiser) : '';
	$('introduction').textContent = page?.introduction || '';
	$('any-card').textContent = page?.anyCard || '';
	if (page?.photo) $('photo').textContent = page.photo;
	const partner = page?.partnerUrl?.startsWith('https://') ? page.partnerUrl : null;
	$('partner').hidden = !partner;
	if (partner) {
		$('partner-link').href = partner;
		$('partner-link').textContent = page.partnerName || partner;
	}
}

// the countries the editors entered rates for, named in the visitor's language
function showCountries(countries) {
	if (!countries?.length) return;
	const select = $('country');
	const chosen = select.value;
	const names = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames([state.lang], { type: 'region' }) : null;
	select.replaceChildren(...countries.map((code) => {
		const option = document.createElement('option');
		option.value = code;
		option.textContent = names?.of(code) ?? t(code);
		return option;
	}));
	select.value = countries.includes(chosen) ? chosen : countries[0];
}

function showPostage() {
	const postage = state.bundle?.postage;
	if (!postage) return;
	$('postage-rates').textContent = postage.known
		? postage.rates.map((rate) => `${t(rate.item === 'LETTER' ? 'letter' : 'postcard')}: ${Number(rate.amount).toLocaleString(state.lang, { style: 'currency', currency: rate.currency })}`).join(' · ')
		: t('noRate');
}

async function loadContent() {
	const country = $('country').value;
	const chosen = campaign ? `&campaign=${encodeURIComponent(campaign)}` : '';
	const bundle = await api(`/api/content/bundle?lang=${state.lang}&country=${country}${chosen}`).catch(() => ({ ok: false }));
	if (bundle.ok) {
		state.bundle = bundle.body;
		showContent();
	}
}

async function copyText(text, button) {
	try {
		await navigator.clipboard.writeText(text);
	} catch {
		const area = document.createElement('textarea');
		area.value = text;
		document.body.append(area);
		area.select();
		document.execCommand('copy');
		area.remove();
	}
	const label = button.textContent;
	button.textContent = t('copied');
	setTimeout(() => { button.textContent = label; }, 1500);
}

// the browser's own share sheet where there is one, else the invitation goes to the clipboard; no social
// network's script is ever loaded
async function shareCampaign(button) {
	const hashtag = state.bundle?.campaign?.hashtag || '';
	const text = `${t('invitation')} ${hashtag}`.trim();
	const url = location.origin + '/' + (campaign ? `?campaign=${encodeURIComponent(campaign)}` : '');
	if (navigator.share) {
		await navigator.share({ title: document.title, text, url }).catch(() => {});
	} else {
		await copyText(`${text} ${url}`, button);
	}
}

function sendReport(id, item) {
	const reportedFrom = campaign || state.bundle?.campaign?.id;
	return api(`/api/assignments/${encodeURIComponent(id)}/report`, { method: 'POST', body: JSON.stringify({ item, fromCountry: $('country').value, ...(reportedFrom ? { campaign: reportedFrom } : {}) }) }).catch(() => ({ status: 0 }));
}

function reportMessage(status) {
	return status === 202 ? t('thanks') : status === 200 ? t('already') : status === 410 ? t('expired') : t('reportFailed');
}

async function report(item) {
	if (!state.assignment) return;
	const result = await sendReport(state.assignment.id, item);
	$('report-result').textContent = reportMessage(result.status);
	if (result.status === 202) {
		state.assignment.prisoner.cardsSent = result.body.cardsSent ?? state.assignment.prisoner.cardsSent + 1;
		showPrisoner();
		if (state.stats) {
			state.stats.cardsSent += 1;
			showStats();
		}
	}
}

function start() {
	state.lang = chooseLanguage();
	translatePage();
	$('language').addEventListener('change', (event) => {
		state.lang = event.target.value;
		localStorage.setItem('sp_lang', state.lang);
		translatePage();
		showPrisoner();
		showMine();
		loadContent();
		showStats();
	});
	$('country').addEventListener('change', loadContent);
	$('copy-address').addEventListener('click', (event) => copyText($('address').textContent, event.target));
	$('print').addEventListener('click', () => window.print());
	$('share-campaign').addEventListener('click', (event) => shareCampaign(event.target));
	$('another').addEventListener('click', () => drawPrisoner().then(() => $('prisoner').focus()));
	document.querySelectorAll('button.report').forEach((button) => button.addEventListener('click', () => report(button.dataset.item)));
	loadStats();
	loadContent();
	drawPrisoner();
}

document.addEventListener('DOMContentLoaded', start);
