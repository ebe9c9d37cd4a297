/**
 * The levels a release publishes (DESIGN.md, "Privacy and accuracy"): every period — the whole
 * period, each grant period, each year — crossed with every scope depth — all organisations,
 * each organisation, each programme of an organisation… A row group is one period × one scope
 * node; the relations say which row groups are sums of which others (the linked tables).
 */
import { ALL, type ScopeField } from '$lib/types';

export const SEP = '\u0000';

export interface PeriodNode {
	/** The release's `year`: "2024", "2023-2025" or ALL. */
	key: string;
	kind: 'all' | 'grant' | 'year';
	years: number[];
}

export interface ScopeNode {
	key: string;
	depth: number;
	/** One value per scope field: ALL from `depth` on. */
	values: string[];
	/** The finest scope cells under it (their keys). */
	finest: string[];
}

export interface RowGroup {
	key: string;
	period: PeriodNode;
	scope: ScopeNode;
}

/** A row group that is the sum of others (along the period or the scope). */
export interface Relation {
	parent: string;
	children: string[];
}

export interface Levels {
	years: number[];
	periods: PeriodNode[];
	scopes: ScopeNode[];
	groups: Map<string, RowGroup>;
	relations: Relation[];
	depth: number;
}

export const groupKey = (period: string, scope: string) => `${period}${SEP}${scope}`;

/**
 * `finest`: the keys of the finest scope cells present (scope values joined by SEP);
 * `grants`: the grant periods of the settings (one equal to the whole period is not repeated,
 * one without any year of the data is left out).
 */
export function buildLevels(years: number[], finest: string[], scope: readonly ScopeField[], grants: { from: number; to: number }[]): Levels {
	const sorted = [...years].sort((a, b) => a - b);
	const whole: PeriodNode = { key: ALL, kind: 'all', years: sorted };
	const grantNodes: PeriodNode[] = [];
	for (const { from, to } of grants) {
		const inside = sorted.filter((y) => y >= from && y <= to);
		const key = `${from}-${to}`;
		if (inside.length === 0 || inside.length === sorted.length || grantNodes.some((g) => g.key === key)) continue;
		grantNodes.push({ key, kind: 'grant', years: inside });
	}
	const yearNodes: PeriodNode[] = sorted.map((y) => ({ key: String(y), kind: 'year', years: [y] }));
	const periods = [whole, ...grantNodes, ...yearNodes];

	const depth = scope.length;
	const scopes: ScopeNode[] = [];
	for (let d = 0; d <= depth; d++) {
		const byKey = new Map<string, ScopeNode>();
		for (const cell of finest) {
			const parts = cell.split(SEP);
			const values = parts.map((v, i) => (i < d ? v : ALL));
			const key = values.join(SEP);
			const node = byKey.get(key) ?? { key, depth: d, values, finest: [] };
			node.finest.push(cell);
			byKey.set(key, node);
		}
		scopes.push(...[...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)));
	}

	const groups = new Map<string, RowGroup>();
	for (const period of periods) for (const s of scopes) groups.set(groupKey(period.key, s.key), { key: groupKey(period.key, s.key), period, scope: s });

	const relations: Relation[] = [];
	for (const s of scopes) {
		for (const parent of [whole, ...grantNodes])
			relations.push({ parent: groupKey(parent.key, s.key), children: parent.years.map((y) => groupKey(String(y), s.key)) });
		// The whole period minus a grant period is the years outside it.
		for (const grant of grantNodes)
			relations.push({
				parent: groupKey(ALL, s.key),
				children: [groupKey(grant.key, s.key), ...sorted.filter((y) => !grant.years.includes(y)).map((y) => groupKey(String(y), s.key))]
			});
	}
	for (const period of periods)
		for (const s of scopes.filter((s) => s.depth < depth)) {
			const prefix = s.values.slice(0, s.depth).join(SEP);
			const children = scopes.filter((c) => c.depth === s.depth + 1 && c.values.slice(0, s.depth).join(SEP) === prefix);
			relations.push({ parent: groupKey(period.key, s.key), children: children.map((c) => groupKey(period.key, c.key)) });
		}
	return { years: sorted, periods, scopes, groups, relations, depth };
}
