/**
 * ISO 3166-1 countries: the codes are written out here; names come from Intl.DisplayNames (en,
 * ru), from a table written from ICU for Kyrgyz (Chromium's Intl has none, and a dropped export
 * must read as it does at build time), plus the spellings and demonyms that case registers in
 * Central Asia actually contain, which ICU does not give.
 */
import kyNames from '$lib/i18n/country-names-ky';

/** alpha-2 + alpha-3 for every officially assigned ISO 3166-1 code (249). */
const ISO =
	'AD AND|AE ARE|AF AFG|AG ATG|AI AIA|AL ALB|AM ARM|AO AGO|AQ ATA|AR ARG|AS ASM|AT AUT|AU AUS|AW ABW|AX ALA|AZ AZE|' +
	'BA BIH|BB BRB|BD BGD|BE BEL|BF BFA|BG BGR|BH BHR|BI BDI|BJ BEN|BL BLM|BM BMU|BN BRN|BO BOL|BQ BES|BR BRA|BS BHS|' +
	'BT BTN|BV BVT|BW BWA|BY BLR|BZ BLZ|CA CAN|CC CCK|CD COD|CF CAF|CG COG|CH CHE|CI CIV|CK COK|CL CHL|CM CMR|CN CHN|' +
	'CO COL|CR CRI|CU CUB|CV CPV|CW CUW|CX CXR|CY CYP|CZ CZE|DE DEU|DJ DJI|DK DNK|DM DMA|DO DOM|DZ DZA|EC ECU|EE EST|' +
	'EG EGY|EH ESH|ER ERI|ES ESP|ET ETH|FI FIN|FJ FJI|FK FLK|FM FSM|FO FRO|FR FRA|GA GAB|GB GBR|GD GRD|GE GEO|GF GUF|' +
	'GG GGY|GH GHA|GI GIB|GL GRL|GM GMB|GN GIN|GP GLP|GQ GNQ|GR GRC|GS SGS|GT GTM|GU GUM|GW GNB|GY GUY|HK HKG|HM HMD|' +
	'HN HND|HR HRV|HT HTI|HU HUN|ID IDN|IE IRL|IL ISR|IM IMN|IN IND|IO IOT|IQ IRQ|IR IRN|IS ISL|IT ITA|JE JEY|JM JAM|' +
	'JO JOR|JP JPN|KE KEN|KG KGZ|KH KHM|KI KIR|KM COM|KN KNA|KP PRK|KR KOR|KW KWT|KY CYM|KZ KAZ|LA LAO|LB LBN|LC LCA|' +
	'LI LIE|LK LKA|LR LBR|LS LSO|LT LTU|LU LUX|LV LVA|LY LBY|MA MAR|MC MCO|MD MDA|ME MNE|MF MAF|MG MDG|MH MHL|MK MKD|' +
	'ML MLI|MM MMR|MN MNG|MO MAC|MP MNP|MQ MTQ|MR MRT|MS MSR|MT MLT|MU MUS|MV MDV|MW MWI|MX MEX|MY MYS|MZ MOZ|NA NAM|' +
	'NC NCL|NE NER|NF NFK|NG NGA|NI NIC|NL NLD|NO NOR|NP NPL|NR NRU|NU NIU|NZ NZL|OM OMN|PA PAN|PE PER|PF PYF|PG PNG|' +
	'PH PHL|PK PAK|PL POL|PM SPM|PN PCN|PR PRI|PS PSE|PT PRT|PW PLW|PY PRY|QA QAT|RE REU|RO ROU|RS SRB|RU RUS|RW RWA|' +
	'SA SAU|SB SLB|SC SYC|SD SDN|SE SWE|SG SGP|SH SHN|SI SVN|SJ SJM|SK SVK|SL SLE|SM SMR|SN SEN|SO SOM|SR SUR|SS SSD|' +
	'ST STP|SV SLV|SX SXM|SY SYR|SZ SWZ|TC TCA|TD TCD|TF ATF|TG TGO|TH THA|TJ TJK|TK TKL|TL TLS|TM TKM|TN TUN|TO TON|' +
	'TR TUR|TT TTO|TV TUV|TW TWN|TZ TZA|UA UKR|UG UGA|UM UMI|US USA|UY URY|UZ UZB|VA VAT|VC VCT|VE VEN|VG VGB|VI VIR|' +
	'VN VNM|VU VUT|WF WLF|WS WSM|YE YEM|YT MYT|ZA ZAF|ZM ZMB|ZW ZWE';

const PAIRS = ISO.split('|').map((pair) => pair.split(' ') as [string, string]);
const BY_ALPHA2 = new Map(PAIRS);
const BY_ALPHA3 = new Map(PAIRS.map(([a2, a3]) => [a3, a2]));

/**
 * What ICU does not say: local usage (in Kyrgyzstan the country is «Кыргызстан», «КР»), older
 * and ISO/UN formal names that drop-down lists in case registers use, and demonyms, read as
 * citizenship (Russian masculine and feminine, Kyrgyz). Words that name only an ethnicity
 * (Uighur, Dungan, Tatar, Kurd; «немец», «кореец» are mostly citizens of Kyrgyzstan) are
 * deliberately absent, so they are reported instead of guessed.
 */
const ALIASES: Record<string, string[]> = {
	KG: [
		'Kyrgyz Republic', 'Kirghizia', 'Kirgizia', 'Kyrgyzia', 'Kirgizstan', 'Kirghizstan', 'Kyrgystan', 'Kyrgyz', 'Kirghiz', 'Kirgiz',
		'Kyrgyzstani', 'Кыргызстан', 'Киргизстан', 'Киргизия', 'Кыргызская Республика', 'Киргизская Республика', 'КР', 'кыргыз',
		'кыргызка', 'киргиз', 'киргизка', 'кыргызстанец', 'кыргызстанка', 'Кыргыз Республикасы'
	],
	UZ: ['Uzbek', 'Uzbekistani', 'Uzbekiston', 'узбек', 'узбечка', 'РУз', 'өзбек'],
	TJ: ['Tajik', 'Tadjik', 'Tadzhik', 'Tajikistani', 'Tadjikistan', 'Tadzhikistan', 'таджик', 'таджичка', 'тажик'],
	KZ: ['Kazakh', 'Kazak', 'Kazakhstani', 'Kazakstan', 'Qazaqstan', 'казах', 'казашка', 'казахстанец', 'казахстанка', 'казак'],
	TM: ['Turkmen', 'Turkmenistani', 'Turkmenia', 'туркмен', 'туркменка', 'Туркмения', 'түркмөн'],
	RU: ['Russian', 'Russian Federation', 'русский', 'русская', 'россиянин', 'россиянка', 'Российская Федерация', 'РФ', 'орус', 'Орусия'],
	AF: ['Afghan', 'Afghani', 'Islamic Republic of Afghanistan', 'афганец', 'афганка', 'Исламская Республика Афганистан', 'ооган', 'Ооганстан'],
	PK: ['Pakistani', 'пакистанец', 'пакистанка'],
	IN: ['Indian', 'индиец', 'индианка'],
	SY: ['Syrian', 'Syrian Arab Republic', 'сириец', 'сирийка', 'Сирийская Арабская Республика'],
	IR: ['Iranian', 'Persia', 'Islamic Republic of Iran', 'Iran, Islamic Republic of', 'иранец', 'иранка', 'Исламская Республика Иран'],
	CN: ['Chinese', "People's Republic of China", 'PRC', 'китаец', 'китаянка', 'КНР', 'Китайская Народная Республика'],
	TR: ['Turkish', 'Turkey', 'Republic of Türkiye', 'турок', 'турчанка', 'түрк'],
	UA: ['Ukrainian', 'украинец', 'украинка'],
	BY: ['Belarusian', 'Belarussian', 'Byelorussian', 'Belorussia', 'Белоруссия', 'белорус', 'белоруска'],
	AZ: ['Azerbaijani', 'Azeri', 'азербайджанец', 'азербайджанка', 'Азербайджанская Республика'],
	AM: ['Armenian', 'армянин', 'армянка'],
	GE: ['Georgian', 'грузин', 'грузинка'],
	MD: ['Moldovan', 'Moldavia', 'Moldova, Republic of', 'Молдавия', 'молдаванин', 'молдаванка'],
	MN: ['Mongolian', 'монгол', 'монголка'],
	BD: ['Bangladeshi', 'бангладешец', 'бангладешка'],
	NP: ['Nepali', 'Nepalese', 'непалец', 'непалка'],
	LK: ['Sri Lankan'],
	YE: ['Yemeni', 'йеменец', 'йеменка'],
	IQ: ['Iraqi', 'иракец', 'иракчанка'],
	SO: ['Somali', 'Somalian', 'сомалиец', 'сомалийка'],
	SD: ['Sudanese', 'суданец', 'суданка'],
	SS: ['South Sudanese'],
	ER: ['Eritrean', 'эритреец', 'эритрейка'],
	ET: ['Ethiopian', 'эфиоп', 'эфиопка'],
	PS: ['Palestine', 'State of Palestine', 'Palestine, State of', 'Palestinian', 'Палестина', 'палестинец', 'палестинка'],
	CD: ['Democratic Republic of the Congo', 'Congo, The Democratic Republic of the', 'DR Congo', 'DRC', 'Демократическая Республика Конго', 'ДРК'],
	CG: ['Republic of the Congo', 'Republic of Congo', 'Congo-Brazzaville', 'Республика Конго'],
	KR: ['South Korean', 'Republic of Korea', 'Korea, Republic of', 'Южная Корея'],
	KP: ['North Korean', "Korea, Democratic People's Republic of", 'Северная Корея'],
	LA: ["Lao People's Democratic Republic"],
	VN: ['Viet Nam', 'Vietnamese'],
	TZ: ['Tanzania, United Republic of', 'United Republic of Tanzania'],
	VE: ['Venezuela, Bolivarian Republic of', 'Venezuela (Bolivarian Republic of)'],
	BO: ['Bolivia (Plurinational State of)', 'Bolivia, Plurinational State of'],
	TW: ['Taiwan, Province of China'],
	CZ: ['Czech Republic', 'Czech'],
	MK: ['Macedonia', 'Republic of North Macedonia', 'Македония'],
	SZ: ['Swaziland', 'Свазиленд'],
	CI: ['Ivory Coast', "Cote d'Ivoire"],
	CV: ['Cabo Verde'],
	TL: ['East Timor'],
	VA: ['Holy See'],
	BN: ['Brunei Darussalam'],
	US: ['American', 'United States of America', 'USA', 'США', 'американец', 'американка', 'АКШ'],
	GB: ['British', 'Great Britain', 'Britain', 'United Kingdom of Great Britain and Northern Ireland', 'британец', 'британка', 'Соединенное Королевство'],
	DE: ['German'],
	AE: ['Emirati', 'UAE', 'ОАЭ', 'Объединенные Арабские Эмираты'],
	SA: ['Saudi', 'Saudi Arabian'],
	EG: ['Egyptian', 'египтянин', 'египтянка'],
	JO: ['Jordanian'],
	LB: ['Lebanese'],
	LY: ['Libyan'],
	IL: ['Israeli']
};

/** People without a citizenship: their own category, never "unknown". */
const STATELESS = ['stateless', 'stateless person', 'apatride', 'apatrid', 'без гражданства', 'лицо без гражданства', 'нет гражданства', 'ЛБГ', 'апатрид', 'жарандыгы жок', 'жарандыгы жок адам'];

/** Words that wrap a country's name in formal or citizenship phrasing: "Republic of Uzbekistan", "Afghan national". */
const WRAPPERS = ['therepublicof', 'republicof', 'the', 'citizenof', 'nationalof', 'республика', 'гражданин', 'гражданка'];
const WRAPPERS_AFTER = ['republic', 'citizen', 'national', 'республикасы', 'жараны'];
/** «гражданка Узбекистана», «гражданин России»: after these words a Russian name is in the genitive. */
const GENITIVE_AFTER = ['гражданин', 'гражданка', 'подданный', 'подданная'];
const NOMINATIVE: [RegExp, string][] = [[/а$/, ''], [/и$/, 'я'], [/и$/, 'ь'], [/ы$/, 'а']];

/** Case-, accent- and punctuation-insensitive; ё = е (by dropping the diaeresis). */
function countryKey(raw: string): string {
	return raw
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** ICU abbreviates ("St. Kitts & Nevis", «о-ва Херд»); people write them out. */
const EXPANSIONS: [RegExp, string][] = [
	[/&/g, 'and'],
	[/&/g, 'и'],
	[/\bSt\./g, 'Saint'],
	[/о-ва(?![\p{L}])/gu, 'острова'],
	[/о-в(?![\p{L}])/gu, 'остров']
];

function spellings(name: string): string[] {
	let out = [name];
	for (const [pattern, full] of EXPANSIONS) out = out.flatMap((n) => [...new Set([n, n.replace(pattern, full)])]);
	return out;
}

let index: Map<string, string> | undefined;

function buildIndex(): Map<string, string> {
	const map = new Map<string, string>();
	// First come, first kept: hand aliases win over ICU, so local usage decides any clash.
	const add = (name: string | undefined, code: string) => {
		const key = name ? countryKey(name) : '';
		if (key && !map.has(key)) map.set(key, code);
	};
	for (const word of STATELESS) add(word, 'stateless');
	for (const [code, names] of Object.entries(ALIASES)) for (const name of names) add(name, code);
	for (const lang of ['en', 'ru']) {
		for (const style of ['long', 'short'] as const) {
			let names: Intl.DisplayNames;
			try {
				names = new Intl.DisplayNames([lang], { type: 'region', style, fallback: 'none' });
			} catch {
				continue; // a runtime without Intl.DisplayNames still matches codes and the hand aliases
			}
			for (const [code] of PAIRS) {
				const name = names.of(code);
				if (name) for (const spelling of spellings(name)) add(spelling, code);
			}
		}
	}
	// Kyrgyz from the table written from ICU: a browser's Intl may have no Kyrgyz (Chromium).
	for (const [code, name] of Object.entries(kyNames)) add(name, code);
	return map;
}

/** Every ISO 3166-1 alpha-2 code, in alphabetical order. */
export function countryCodes(): string[] {
	return PAIRS.map(([a2]) => a2);
}

/** The alpha-3 code of an alpha-2 code (any case), or undefined. */
export function alpha3(code: string): string | undefined {
	return BY_ALPHA2.get(code.toUpperCase());
}

/**
 * An ISO alpha-2 code, 'stateless', or null when the text names no country we know.
 * Codes count only in one case ("KG", "kg"): a title-case "No" or "In" is a word, not Norway or India.
 */
export function matchCountry(raw: string): string | 'stateless' | null {
	const text = raw.normalize('NFC').trim();
	if (/^(?:[A-Z]{2,3}|[a-z]{2,3})$/.test(text)) {
		const upper = text.toUpperCase();
		const code = upper.length === 2 ? (BY_ALPHA2.has(upper) ? upper : undefined) : BY_ALPHA3.get(upper);
		if (code) return code;
	}
	const key = countryKey(text);
	if (key === '') return null;
	index ??= buildIndex();
	const found = index.get(key);
	if (found) return found;
	for (const w of WRAPPERS) if (key.startsWith(w) && index.has(key.slice(w.length))) return index.get(key.slice(w.length))!;
	for (const w of WRAPPERS_AFTER) if (key.endsWith(w) && index.has(key.slice(0, -w.length))) return index.get(key.slice(0, -w.length))!;
	for (const w of GENITIVE_AFTER) {
		if (!key.startsWith(w)) continue;
		for (const [ending, nominative] of NOMINATIVE) {
			const found = index.get(key.slice(w.length).replace(ending, nominative));
			if (found) return found;
		}
	}
	return null;
}
