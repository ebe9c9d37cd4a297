/**
 * What withholding one more published category costs, so that secondary suppression hides what
 * loses least (#22, item 5). Hiding a category in one row group is rarely the whole cost: along a
 * relation ("all organisations = each one", "a period = its years") a category shown everywhere
 * else and hidden in one row group is the others' difference, so the rule (protect.ts, nextHide)
 * then hides a partner too. Measured on a generated register (8,000 people, one organisation of
 * 74): filling the small organisation's "Withheld" with its Kyrgyzstan (16) instead of its "Other"
 * (19, countries already unknown one by one) made the next-smallest organisation hide its
 * Kyrgyzstan of 156 people; the smallest node alone is not the cheapest.
 *
 * The loss counts first the named counts of at least 2k people lost — a country, a sex and age
 * band: what the site promises to keep exact at every level where k allows (docs/privacy.md) —
 * then people: a count between k and 2k is hidden before a bigger one, "Other nationalities" (its
 * countries already unknown one by one) before a named country, and among equals the fewest
 * people go (tau-Argus' and sdcTable's default cost, the cell's value). protect.ts uses it where
 * a breakdown has a choice (which node joins "Withheld", which member of a relation is hidden),
 * index.ts for the repairs read off the audit's LP. A look-ahead along the chain of partners, each
 * chosen by size, not an optimum (no search over the choices): the audit stays the judge.
 */
import type { Relation } from './levels';

export interface Loss {
	/** Published counts of one category (not "Other"), of at least 2k people, that stop being published. */
	big: number;
	people: number;
}

export const compareLoss = (a: Loss, b: Loss) => a.big - b.big || a.people - b.people;

/** `counts`: what stops being published; `named`: a count of one category (not "Other"). */
export const lossOf = (counts: { n: number; named: boolean }[], k: number): Loss => ({
	big: counts.filter((c) => c.named && c.n >= 2 * k).length,
	people: counts.reduce((s, c) => s + c.n, 0)
});

/** What one hide withholds: its count, whether it is one category's, the categories it holds; `undo` shows it again. */
export interface Hidden {
	n: number;
	named: boolean;
	categories: readonly string[];
	undo: () => void;
}

/** The state the look-ahead reads: the relations of a row group, and the rule's next hide under the current state. */
export interface Rule {
	relationsOf: (group: string) => readonly Relation[];
	/** Category sets a relation is checked for that hold any of these categories (a country; a sex's children). */
	setsOf: (categories: readonly string[]) => readonly (readonly string[])[];
	/** The member the rule hides next in a relation for a category set, if any. */
	pick: (rel: Relation, members: readonly string[]) => string | undefined;
	/** Hides in a group what the rule hides there for a category set. */
	hide: (group: string, members: readonly string[]) => Hidden | undefined;
}

/** A bound on the look-ahead's work: a longer chain of partners is costed as far as this. */
const MAX_PARTNERS = 24;

/**
 * What hiding `first` in `group` withholds: itself, then the partners the rule asks for, one after
 * the other (a partner's partners too: a year hidden as a partner is alone in "the grant period =
 * its years" and asks for another year), beyond what it asked for before. Everything is shown
 * again after.
 */
export function withheldAfter(rule: Rule, group: string, categories: readonly string[], first: () => Hidden): Hidden[] {
	const pending = new Set<string>();
	for (const rel of rule.relationsOf(group))
		for (const members of rule.setsOf(categories)) {
			const pick = rule.pick(rel, members);
			if (pick) pending.add(`${pick}\u0000${members.join()}`);
		}
	const out: Hidden[] = [];
	try {
		out.push(first());
		const queue: [string, readonly string[]][] = [[group, categories]];
		for (let at = 0; at < queue.length && out.length <= MAX_PARTNERS; at++) {
			const [g, of] = queue[at];
			for (const rel of rule.relationsOf(g))
				for (const members of rule.setsOf(of)) {
					const pick = rule.pick(rel, members);
					if (!pick || pending.has(`${pick}\u0000${members.join()}`)) continue;
					const hidden = rule.hide(pick, members);
					if (!hidden) continue;
					out.push(hidden);
					queue.push([pick, hidden.categories]);
				}
		}
	} finally {
		for (const h of [...out].reverse()) h.undo();
	}
	return out;
}
