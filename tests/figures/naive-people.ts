/**
 * The truth, counted naively from an export written in the sample's columns: PapaParse, a Map of
 * ids, the earliest record of each person deciding (ties: the first in the file), and plain
 * filters. Deliberately shares nothing with the code under test.
 */
import Papa from 'papaparse';

export interface NaivePerson {
	year: number;
	organisation: string;
	group: string;
	region: string;
	/** ISO code as written, 'stateless', or '' when unknown. */
	nationality: string;
	/** 'yes', 'no' or ''. */
	disability: string;
	/** 'female', 'male' or '' (F, M as written). */
	sex: string;
	/** Age in years, NaN when unknown. */
	age: number;
}

export function naivePeople(csv: string): NaivePerson[] {
	const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
	const first = new Map<string, Record<string, string>>();
	for (const row of rows) {
		const seen = first.get(row.case_id);
		if (!seen || row.registration_date < seen.registration_date) first.set(row.case_id, row);
	}
	return [...first.values()].map((r) => ({
		year: Number(r.registration_date.slice(0, 4)),
		organisation: r.organisation,
		group: r.beneficiary_group.trim(),
		region: (r.oblast ?? '').trim(),
		nationality: r.nationality.trim(),
		disability: r.disability.trim(),
		sex: { F: 'female', M: 'male' }[r.sex.trim()] ?? '',
		age: r.age.trim() === '' ? NaN : Number(r.age)
	}));
}

export interface Selection {
	from: number;
	to: number;
	organisation?: string;
}

export const selected = (people: NaivePerson[], s: Selection) =>
	people.filter((p) => p.year >= s.from && p.year <= s.to && (s.organisation === undefined || p.organisation === s.organisation));

/** The age band the release counts a person in. */
export function band(age: number): string {
	if (Number.isNaN(age)) return '';
	return age <= 4 ? '0-4' : age <= 11 ? '5-11' : age <= 17 ? '12-17' : age <= 59 ? '18-59' : '60+';
}
