/**
 * The synthetic sample: invented organisations and people, modelled on what Kyrgyz NGOs publish.
 * Seeded, so the same options always give the same bytes.
 */
import { createWriteStream } from 'node:fs';
import { random } from './random.mjs';

const weighted = (rand, pairs) => {
	const total = pairs.reduce((s, [, w]) => s + w, 0);
	let r = rand() * total;
	for (const [value, w] of pairs) if ((r -= w) < 0) return value;
	return pairs[pairs.length - 1][0];
};

export const ORGANISATIONS = [
	{ name: 'Sezim Crisis Centre', programmes: ['Rehabilitation of violence survivors', 'Assistance to trafficking survivors'], weight: 4 },
	{ name: 'Tunuk Foundation', programmes: ['Refugee and migrant support', 'Assistance to trafficking survivors'], weight: 3 },
	{ name: "Ak Jol Children's Village", programmes: ['Retreat camp for girls', 'Rehabilitation of violence survivors'], weight: 3 }
];
const GROUP_BY_PROGRAMME = {
	'Assistance to trafficking survivors': [['Trafficking survivor', 8], ['Labour migrant', 2]],
	'Rehabilitation of violence survivors': [['Survivor of domestic violence', 7], ['Child without parental care', 2]],
	'Refugee and migrant support': [['Refugee', 5], ['Labour migrant', 5]],
	'Retreat camp for girls': [['Child without parental care', 6], ['Survivor of domestic violence', 4]]
};
const NATIONALITIES = [
	['KG', 72], ['UZ', 7], ['TJ', 5], ['KZ', 3], ['RU', 2], ['AF', 4], ['PK', 1.5], ['IN', 1], ['SY', 1], ['stateless', 1.5], ['', 2]
];
const OBLASTS = [['Bishkek', 30], ['Chuy', 18], ['Osh city', 12], ['Osh', 10], ['Jalal-Abad', 10], ['Issyk-Kul', 7], ['Naryn', 5], ['Talas', 4], ['Batken', 4]];

export const COLUMNS = ['case_id', 'registration_date', 'organisation', 'programme', 'beneficiary_group', 'sex', 'age', 'nationality', 'disability', 'oblast'];

function person(rand, id, year, org, programme) {
	const camp = programme === 'Retreat camp for girls';
	const sex = camp ? 'F' : weighted(rand, [['F', 78], ['M', 21], ['', 1]]);
	const child = camp || rand() < (org.name.startsWith('Ak Jol') ? 0.7 : 0.22);
	const age = camp ? 12 + Math.floor(rand() * 6) : child ? Math.floor(rand() * 18) : 18 + Math.floor(Math.pow(rand(), 1.6) * 55);
	const disability = weighted(rand, [['yes', 36], ['no', 54], ['', 10]]);
	const month = 1 + Math.floor(rand() * 12);
	const day = 1 + Math.floor(rand() * 28);
	return {
		case_id: `P-${String(id).padStart(6, '0')}`,
		registration_date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
		organisation: org.name,
		programme,
		beneficiary_group: weighted(rand, GROUP_BY_PROGRAMME[programme]),
		sex,
		age: String(age),
		nationality: weighted(rand, NATIONALITIES),
		disability,
		oblast: weighted(rand, OBLASTS)
	};
}

/**
 * Rows of the sample export: new people each year (growing), and about 10% of them coming back in
 * a later year with the same id (possibly to another programme) — so unique counting matters.
 */
export function* sampleRows({ seed = 42, fromYear = 2019, toYear = 2025, perYear = 400 } = {}) {
	const rand = random(seed);
	let id = 0;
	for (let year = fromYear; year <= toYear; year++) {
		const growth = 0.8 + (0.4 * (year - fromYear)) / Math.max(1, toYear - fromYear);
		const n = Math.round(perYear * growth * (0.9 + rand() * 0.2));
		for (let i = 0; i < n; i++) {
			const org = weighted(rand, ORGANISATIONS.map((o) => [o, o.weight]));
			const programme = weighted(rand, org.programmes.map((p, j) => [p, j === 0 ? 2 : 1]));
			const row = person(rand, ++id, year, org, programme);
			yield row;
			if (year < toYear && rand() < 0.1) {
				const later = year + 1 + Math.floor(rand() * (toYear - year));
				const other = weighted(rand, org.programmes.map((p) => [p, 1]));
				yield { ...row, registration_date: `${later}${row.registration_date.slice(4)}`, programme: other === 'Retreat camp for girls' && row.sex !== 'F' ? programme : other };
			}
		}
	}
}

const quote = (value) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const line = (row) => COLUMNS.map((c) => quote(row[c])).join(',') + '\n';

export function sampleCsv(options) {
	let text = COLUMNS.join(',') + '\n';
	for (const row of sampleRows(options)) text += line(row);
	return text;
}

/** Write a (possibly very large) export in chunks: a 1M-row file never exists as one string. */
export async function writeSampleCsv(path, options) {
	const out = createWriteStream(path);
	let chunk = COLUMNS.join(',') + '\n';
	let rows = 0;
	for (const row of sampleRows(options)) {
		chunk += line(row);
		rows++;
		if (chunk.length > 1 << 20) {
			if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
			chunk = '';
		}
	}
	out.end(chunk);
	await new Promise((resolve, reject) => (out.on('finish', resolve), out.on('error', reject)));
	return rows;
}
