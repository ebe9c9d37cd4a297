/**
 * Generated registers in the sample's columns, seeded: shapes the sample does not have, where a
 * release must choose what to hide. Each person is written once or more (repeat visits, later
 * dates, the same attributes), as case registers write them.
 */
import { random } from '../../scripts/random.mjs';

export interface RegisterShape {
	seed: number;
	people: number;
	years: [number, number];
	/** Organisation → relative size. */
	organisations: [string, number][];
	/** Nationality (ISO, 'stateless' or '' unknown) → relative size. */
	nationalities: [string, number][];
}

const GROUPS: [string, number][] = [['Survivor of domestic violence', 40], ['Trafficking survivor', 20], ['Labour migrant', 15], ['Refugee', 12], ['Child without parental care', 13]];
const REGIONS: [string, number][] = [['Bishkek', 30], ['Chuy', 18], ['Osh city', 12], ['Osh', 10], ['Jalal-Abad', 9], ['Issyk-Kul', 8], ['Naryn', 6], ['Talas', 4], ['Batken', 3], ['', 2]];

const HEADER = 'case_id,registration_date,organisation,programme,beneficiary_group,sex,age,nationality,disability,oblast';

export function generateRegister(shape: RegisterShape): string {
	const next = random(shape.seed);
	const pick = (weights: [string, number][]) => {
		let x = next() * weights.reduce((s, [, w]) => s + w, 0);
		for (const [v, w] of weights) if ((x -= w) < 0) return v;
		return weights.at(-1)![0];
	};
	const [from, to] = shape.years;
	const lines = [HEADER];
	for (let i = 1; i <= shape.people; i++) {
		const organisation = pick(shape.organisations);
		const year = from + Math.floor(next() * (to - from + 1));
		const day = Math.floor(next() * 365);
		const age = next() < 0.03 ? '' : String(next() < 0.3 ? Math.floor(next() * 18) : 18 + Math.floor(next() * 62));
		const attributes = [
			organisation,
			`${organisation} programme`,
			pick(GROUPS),
			next() < 0.02 ? '' : next() < 0.7 ? 'F' : 'M',
			age,
			pick(shape.nationalities),
			next() < 0.1 ? '' : next() < 0.17 ? 'yes' : 'no',
			pick(REGIONS)
		];
		const id = `G-${String(i).padStart(6, '0')}`;
		const visits = next() < 0.2 ? 1 + Math.floor(next() * 2) : 0;
		for (let v = 0; v <= visits; v++) {
			const date = new Date(Date.UTC(year, 0, 1 + day + v * 40));
			// A repeat visit stays in the person's first year or the next, never past the export.
			if (date.getUTCFullYear() > to) break;
			lines.push([id, date.toISOString().slice(0, 10), ...attributes].map((c) => (/[",]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','));
		}
	}
	return lines.join('\n') + '\n';
}

/** One big country and a long tail of small ones: 3,000 people, four organisations. */
export const SKEWED: RegisterShape = {
	seed: 20261206,
	people: 3000,
	years: [2019, 2025],
	organisations: [['Umut', 35], ['Bereke', 30], ['Kelechek', 20], ['Jashtyk', 15]],
	nationalities: [
		['KG', 800], ['UZ', 40], ['TJ', 30], ['AF', 25], ['KZ', 18], ['RU', 14], ['PK', 10], ['IN', 8], ['SY', 6], ['TR', 5], ['CN', 4],
		['IR', 3], ['UA', 3], ['BY', 2], ['AZ', 2], ['GE', 2], ['AM', 1], ['MN', 1], ['DE', 1], ['US', 1], ['stateless', 10], ['', 15]
	]
};

/** One organisation with few people among bigger ones: 2,400 people, one organisation of about 80. */
export const SMALL_ORGANISATION: RegisterShape = {
	seed: 7,
	people: 2400,
	years: [2019, 2025],
	organisations: [['Alpha', 40], ['Beta', 30], ['Gamma', 26.5], ['Epsilon', 3.5]],
	nationalities: [['KG', 70], ['UZ', 9], ['TJ', 6], ['AF', 4], ['KZ', 3], ['RU', 2], ['PK', 1.5], ['SY', 1], ['stateless', 1.5], ['', 2]]
};
