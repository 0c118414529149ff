// The organisers' page: statistics and delivery health from the registry, behind the admins' login.
// The session token stays in this tab (sessionStorage) and goes only to this site's own API.
'use strict';

const SESSION = 'sp_admin_session';

function session() {
	try {
		const saved = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
		return saved && new Date(saved.expiresAt) > new Date() ? saved : null;
	} catch (e) {
		return null;
	}
}

async function api(path, accept) {
	const current = session();
	if (!current) {
		showLogin();
		throw new Error('Not logged in');
	}
	const response = await fetch(path, { headers: { Authorization: 'Bearer ' + current.token, Accept: accept || 'application/json' } });
	if (response.status === 401) {
		sessionStorage.removeItem(SESSION);
		showLogin('Your session ended. Please log in again.');
		throw new Error('Session ended');
	}
	if (!response.ok) {
		let detail = response.statusText;
		try {
			detail = (await response.json()).detail || detail;
		} catch (e) { /* not a problem document */ }
		throw new Error(detail);
	}
	return response;
}

function showLogin(problem) {
	document.getElementById('login').hidden = false;
	document.getElementById('dashboard').hidden = true;
	document.getElementById('logout').hidden = true;
	const shown = document.getElementById('login-problem');
	shown.hidden = !problem;
	shown.textContent = problem || '';
}

async function logIn(event) {
	event.preventDefault();
	const user = document.getElementById('user').value;
	const password = document.getElementById('password').value;
	const response = await fetch('/api/admin/sessions', {
		method: 'POST',
		headers: { Authorization: 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password))) }
	});
	if (!response.ok) {
		showLogin(response.status === 429 ? 'Too many attempts. Please wait a minute.' : 'Name or password not accepted.');
		return;
	}
	sessionStorage.setItem(SESSION, JSON.stringify(await response.json()));
	document.getElementById('password').value = '';
	showDashboard();
}

function period() {
	const days = Number(document.getElementById('days').value);
	const to = new Date();
	const from = new Date(to.getTime() - (days - 1) * 86400000);
	return 'from=' + from.toISOString().slice(0, 10) + '&to=' + to.toISOString().slice(0, 10);
}

async function chart(id, path) {
	const text = await (await api(path, 'image/svg+xml')).text();
	const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
	document.getElementById(id).replaceChildren(document.importNode(svg, true));
}

function cell(row, text, number) {
	const td = document.createElement('td');
	td.textContent = text === null || text === undefined ? '–' : String(text);
	if (number) {
		td.className = 'number';
	}
	row.appendChild(td);
}

async function health() {
	const institutions = (await (await api('/api/admin/delivery/institutions')).json()).institutions;
	const rows = institutions.map((institution) => {
		const row = document.createElement('tr');
		if (institution.estimate.alerts.length) {
			row.className = 'blocked';
		}
		cell(row, institution.institution);
		cell(row, institution.prisoners.total, true);
		cell(row, institution.cards.sent, true);
		cell(row, institution.cards.replies, true);
		cell(row, institution.cards.returns, true);
		cell(row, institution.dates.daysSinceLastReply, true);
		cell(row, Math.round(institution.estimate.lossLikelihood * 100) + ' %', true);
		return row;
	});
	document.querySelector('#health tbody').replaceChildren(...rows);
	const alerts = institutions.filter((institution) => institution.estimate.alerts.length).map((institution) => {
		const item = document.createElement('li');
		const reasons = institution.estimate.alerts.map((alert) => alert === 'NO_REPLY'
			? 'no reply for weeks while ' + institution.cards.unanswered + ' cards were sent'
			: institution.cards.returns + (institution.cards.returns === 1 ? ' card came back' : ' cards came back'));
		const open = institution.prisoners.openForLetters;
		item.textContent = institution.institution + ': ' + reasons.join('; ') + ' (' + open
			+ (open === 1 ? ' prisoner' : ' prisoners') + ' still open for letters)'
			+ (institution.notes.length ? '. Note: ' + institution.notes[0].note : '');
		return item;
	});
	if (!alerts.length) {
		const none = document.createElement('li');
		none.textContent = 'None right now.';
		alerts.push(none);
	}
	document.getElementById('alerts').replaceChildren(...alerts);
}

async function unwritten() {
	const days = document.getElementById('unwritten-days').value;
	const prisoners = (await (await api('/api/admin/statistics/unwritten?limit=200&days=' + days)).json()).prisoners;
	document.querySelector('#unwritten tbody').replaceChildren(...prisoners.map((prisoner) => {
		const row = document.createElement('tr');
		cell(row, prisoner.name);
		cell(row, prisoner.institution);
		cell(row, prisoner.cardsSent, true);
		cell(row, prisoner.lastCardAt ? prisoner.lastCardAt.slice(0, 10) : 'never');
		return row;
	}));
}

async function refresh() {
	const status = document.getElementById('status');
	status.textContent = 'Loading…';
	const range = period();
	try {
		await Promise.all([
			chart('chart-total', '/api/admin/statistics/cards-per-day?by=TOTAL&format=svg&' + range),
			chart('chart-campaign', '/api/admin/statistics/cards-per-day?by=CAMPAIGN&format=svg&' + range),
			chart('chart-country', '/api/admin/statistics/cards-per-day?by=COUNTRY&format=svg&' + range),
			chart('chart-institution', '/api/admin/statistics/cards-per-day?by=INSTITUTION&format=svg&' + range),
			chart('chart-health', '/api/admin/delivery/institutions?format=svg'),
			health(),
			unwritten()
		]);
		status.textContent = 'Updated ' + new Date().toLocaleTimeString();
	} catch (e) {
		status.textContent = 'Could not load everything: ' + e.message;
	}
}

async function download(event) {
	const button = event.currentTarget;
	let path = button.dataset.csv + '&format=csv';
	if (path.includes('cards-per-day')) {
		path += '&' + period();
	} else if (path.includes('unwritten')) {
		path += '&limit=100000&days=' + document.getElementById('unwritten-days').value;
	}
	const blob = await (await api(path, 'text/csv')).blob();
	const link = document.createElement('a');
	link.href = URL.createObjectURL(blob);
	link.download = button.dataset.name || path.split('?')[0].split('/').pop() + '.csv';
	document.body.appendChild(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function showDashboard() {
	document.getElementById('login').hidden = true;
	document.getElementById('dashboard').hidden = false;
	document.getElementById('logout').hidden = false;
	refresh();
}

document.addEventListener('DOMContentLoaded', () => {
	document.getElementById('login').addEventListener('submit', logIn);
	document.getElementById('logout').addEventListener('click', () => {
		sessionStorage.removeItem(SESSION);
		showLogin();
	});
	document.getElementById('days').addEventListener('change', refresh);
	document.getElementById('unwritten-days').addEventListener('change', refresh);
	document.querySelectorAll('button.download').forEach((button) => button.addEventListener('click', download));
	if (session()) {
		showDashboard();
	} else {
		showLogin();
	}
});
