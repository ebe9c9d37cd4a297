/**
 * The shapes every layer agrees on: contract fields, normalised people, release rows, filters.
 * Reserved tokens start with "~" so they can never collide with a value from an export
 * (a programme may well be called "Other"; an ISO code is upper case; a sex is a plain word).
 */

export const UNKNOWN = '~unknown';
export const OTHER = '~other';
export const WITHHELD = '~withheld';
/** A field summed over: a scope field outside the row's level, or the year of the whole period. */
export const ALL = '~all';
/** A person with more than one type of exploitation (or case type): counted once, under this. */
export const SEVERAL = '~several';

/** Fields of the data contract (DESIGN.md, "The data contract"). */
export const TEXT_FIELDS = ['organisation', 'programme', 'group', 'region'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const WG_DOMAINS = ['seeing', 'hearing', 'walking', 'remembering', 'self_care', 'communicating'] as const;
export type WgDomain = (typeof WG_DOMAINS)[number];

/**
 * CTDC's yes/no column for each type of exploitation (isSexualExploit, isForcedLabour, …; isSexAndLabour
 * is both): read together as the type of exploitation where an export has no typeOfExploitConcatenated.
 */
export const EXPLOIT_FLAGS = ['sexual', 'labour', 'sex_and_labour', 'marriage', 'slavery', 'military', 'organs', 'other'] as const;
export type ExploitFlag = (typeof EXPLOIT_FLAGS)[number];

export type Field =
	| 'year'
	| 'date'
	| 'id'
	| 'count'
	| TextField
	| 'sex'
	| 'age'
	/** Adult or minor only (CTDC's majorityStatus): the age group where the export gives no age. */
	| 'majority'
	| 'nationality'
	| 'disability'
	/** Type of exploitation (CTDC's typeOfExploitConcatenated) or a programme's own case type. */
	| 'exploitation'
	| `wg_${WgDomain}`
	| `exploit_${ExploitFlag}`;

export const SEXES = ['female', 'male', 'other'] as const;
export type Sex = (typeof SEXES)[number] | typeof UNKNOWN;

export const AGE_BANDS = ['0-4', '5-11', '12-17', '18-59', '60+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** A band, or only child/adult when that is all the export (or the release) knows. */
export type AgeGroup = AgeBand | 'child' | 'adult' | typeof UNKNOWN;

export type Disability = 'yes' | 'no' | typeof UNKNOWN;

/** ISO 3166-1 alpha-2 code (upper case), 'stateless', or UNKNOWN. */
export type Nationality = string;

/**
 * One normalised record: a person (n = 1) or, for pre-aggregated exports, n people who share
 * every attribute. Text fields hold the trimmed value from the export, or UNKNOWN.
 */
export interface PersonRow {
	year: number;
	organisation: string;
	programme: string;
	group: string;
	region: string;
	sex: Sex;
	age: AgeGroup;
	nationality: Nationality;
	disability: Disability;
	/** A type of exploitation code, a case type as the export writes it, SEVERAL, or UNKNOWN; absent = UNKNOWN. */
	exploitation?: string;
	n: number;
}

/** The scope fields a release may be cut by (year is always part of the scope). */
export const SCOPE_FIELDS = ['organisation', 'programme', 'group'] as const;
export type ScopeField = (typeof SCOPE_FIELDS)[number];

/** 'total' holds one row per scope cell (category ''); the others one row per category. */
export const VIEWS = ['total', 'nationality', 'disability', 'sex_age', 'group', 'region', 'exploitation'] as const;
export type ViewName = (typeof VIEWS)[number];

/**
 * One row of a published count table. `year` is the row's period: one year ("2024"), a grant
 * period ("2023-2025") or the whole period (ALL). A scope field summed over holds ALL (every field
 * of the level "all organisations"; the programme of the level "each organisation"). sex_age
 * categories are "sex|age" (e.g. "female|18-59", "male|child"); small countries and oblasts
 * are in OTHER; whatever else is hidden is in WITHHELD.
 */
export interface ReleaseRow {
	view: ViewName;
	year: string;
	organisation: string;
	programme: string;
	group: string;
	category: string;
	n: number;
}

export interface Filters {
	from?: number;
	to?: number;
	organisation?: string;
	programme?: string;
	group?: string;
}

export type Lang = 'en' | 'ru' | 'ky';
export const LANGS: readonly Lang[] = ['en', 'ru', 'ky'];

/** What every displayed figure needs to respect the display rules (DESIGN.md, Privacy). */
export interface DisplayContext {
	lang: Lang;
	/** Counts from 1 to k−1 are shown as "<k"; shares need a denominator of at least k. */
	k: number;
	/** Round displayed counts to this base (e.g. 5); 0 or undefined = off. */
	round?: number;
	/** Internal use on /upload only: show small numbers exactly. */
	exact?: boolean;
}

/**
 * What a figure is (DESIGN.md: every number true or visibly marked): the true figure, a lower
 * bound (some of its people are withheld from it), a count of 1..k−1 shown as "<k", or not
 * available ("—": a hidden count is never shown as 0).
 */
export type Bound = 'exact' | 'lower' | 'hidden' | 'none';

/**
 * Indicator results: what the SQL returns and the charts draw. `exact` false: a sum of published
 * rows that may lack people withheld from some of them (a lower bound); absent means exact.
 */
export interface TrendRow {
	year: number;
	/** Stack key (a programme or group), '' when not stacked. */
	key: string;
	n: number;
	exact?: boolean;
}
export interface DisabilityYearRow {
	year: number;
	yes: number;
	no: number;
	/** Status unknown (published as such). */
	unknown: number;
	/** Whether yes and no are the true counts (so the share is). */
	exact?: boolean;
	/** Whether `unknown` is the true count (no withheld person may be among them). */
	unknownExact?: boolean;
}
export interface CategoryRow {
	category: string;
	n: number;
	exact?: boolean;
}
export interface SexAgeRow {
	sex: string;
	age: string;
	n: number;
	exact?: boolean;
}
