/**
 * ISO 3166-1 countries: alpha-2 and alpha-3 codes here, names from Intl.DisplayNames (en, ru, ky)
 * plus the spellings and demonyms case registers in Central Asia actually contain.
 */

// alpha-2 + alpha-3 for every officially assigned ISO 3166-1 code.
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

const PAIRS = ISO.split('|').map((p) => p.split(' ') as [string, string]);
const ALPHA3 = new Map(PAIRS);

/** Spellings ICU does not give, and demonyms (masculine and feminine in Russian). */
const ALIASES: Record<string, string[]> = {
	KG: ['Kyrgyz Republic', 'Kirghizia', 'Kirgizia', 'Kyrgyz', 'Kirghiz', 'Кыргызстан', 'Киргизия', 'Кыргызская Республика', 'кыргыз', 'кыргызка', 'киргиз', 'киргизка', 'кыргызстанец', 'кыргызстанка', 'Кыргыз Республикасы'],
	UZ: ['Uzbek', 'Uzbekistani', 'узбек', 'узбечка', 'Өзбекстан'],
	TJ: ['Tajik', 'Tadjik', 'Tajikistani', 'таджик', 'таджичка', 'Тажикстан'],
	KZ: ['Kazakh', 'Kazakhstani', 'Kazak', 'казах', 'казашка', 'казахстанец', 'Казакстан'],
	TM: ['Turkmen', 'туркмен', 'туркменка'],
	RU: ['Russian', 'Russian Federation', 'Russia', 'россиянин', 'россиянка', 'русский', 'русская', 'Российская Федерация', 'РФ', 'Орусия'],
	AF: ['Afghan', 'Afghani', 'афганец', 'афганка', 'Ооганстан'],
	PK: ['Pakistani', 'пакистанец', 'пакистанка'],
	IN: ['Indian', 'индиец', 'индианка'],
	SY: ['Syrian', 'Syrian Arab Republic', 'сириец', 'сирийка', 'Сирийская Арабская Республика'],
	IR: ['Iranian', 'Persia', 'иранец', 'иранка'],
	CN: ['Chinese', 'PRC', 'китаец', 'китаянка'],
	TR: ['Turkish', 'Turkiye', 'Türkiye', 'турок', 'турчанка'],
	UA: ['Ukrainian', 'украинец', 'украинка'],
	BY: ['Belarusian', 'Belarussian', 'белорус', 'белоруска'],
	AZ: ['Azerbaijani', 'Azeri', 'азербайджанец', 'азербайджанка'],
	AM: ['Armenian', 'армянин', 'армянка'],
	GE: ['Georgian', 'грузин', 'грузинка'],
	MD: ['Moldovan', 'молдаванин', 'молдаванка'],
	MN: ['Mongolian', 'монгол', 'монголка'],
	BD: ['Bangladeshi', 'бангладешец'],
	YE: ['Yemeni', 'йеменец'],
	IQ: ['Iraqi', 'иракец', 'иракчанка'],
	SO: ['Somali', 'сомалиец'],
	SD: ['Sudanese', 'суданец'],
	ER: ['Eritrean', 'эритреец'],
	DE: ['German', 'немец', 'немка'],
	US: ['American', 'United States', 'USA', 'США', 'американец', 'американка'],
	GB: ['British', 'UK', 'United Kingdom', 'Великобритания'],
	KR: ['Korean', 'South Korea', 'кореец', 'кореянка']
};

export const STATELESS_WORDS = ['stateless', 'apatride', 'без гражданства', 'лицо без гражданства', 'лбг', 'апатрид', 'жарандыгы жок', 'жарандыгы жок адам'];

/** Case-, accent-, punctuation-insensitive; ё = е. */
export function countryKey(raw: string): string {
	return raw
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replaceAll('ё', 'е')
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

let index: Map<string, string> | undefined;

function buildIndex(): Map<string, string> {
	const map = new Map<string, string>();
	const add = (name: string | undefined, code: string) => {
		const key = name ? countryKey(name) : '';
		if (key && !map.has(key)) map.set(key, code);
	};
	for (const [code, alias] of Object.entries(ALIASES)) for (const a of alias) add(a, code);
	for (const lang of ['en', 'ru', 'ky']) {
		let names: Intl.DisplayNames;
		try {
			names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
		} catch {
			continue; // a runtime without this locale's data still matches codes and the other names
		}
		for (const [code] of PAIRS) add(names.of(code), code);
	}
	return map;
}

export function countryCodes(): string[] {
	return PAIRS.map(([a2]) => a2);
}

export function alpha3(code: string): string | undefined {
	return ALPHA3.get(code);
}

/** An ISO alpha-2 code, 'stateless', or null when the text names no country we know. */
export function matchCountry(raw: string): string | 'stateless' | null {
	const text = raw.trim();
	if (/^[A-Za-z]{2}$/.test(text) && ALPHA3.has(text.toUpperCase())) return text.toUpperCase();
	if (/^[A-Za-z]{3}$/.test(text)) {
		const upper = text.toUpperCase();
		const found = PAIRS.find(([, a3]) => a3 === upper);
		if (found) return found[0];
	}
	const key = countryKey(text);
	if (STATELESS_WORDS.some((w) => countryKey(w) === key)) return 'stateless';
	index ??= buildIndex();
	return index.get(key) ?? null;
}
