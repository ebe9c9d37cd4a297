/**
 * Published figures beside the dropped-in export's, per year: a published figure that would go
 * down, or a year that disappears, usually means records were lost from the export.
 */
export interface YearFigures {
	year: number;
	beneficiaries: number;
	/** People with a disability, of the people whose status is known: the share is shown by the display rules. */
	disability: { yes: number; known: number };
	nationalities: number;
}

export interface ComparisonRow {
	year: number;
	published: YearFigures | null;
	dropped: YearFigures | null;
	warnings: ('fewer-people' | 'year-missing' | 'new-year')[];
}

export function compareYears(published: YearFigures[], dropped: YearFigures[]): ComparisonRow[] {
	const years = [...new Set([...published, ...dropped].map((f) => f.year))].sort((a, b) => a - b);
	return years.map((year) => {
		const before = published.find((f) => f.year === year) ?? null;
		const after = dropped.find((f) => f.year === year) ?? null;
		const warnings: ComparisonRow['warnings'] = [];
		if (before && !after) warnings.push('year-missing');
		else if (!before && after) warnings.push('new-year');
		else if (before && after && after.beneficiaries < before.beneficiaries) warnings.push('fewer-people');
		return { year, published: before, dropped: after, warnings };
	});
}
