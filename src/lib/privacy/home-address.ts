/** A resident's home address in a text: where it is, as written. */
export interface AddressMatch {
  index: number;
  end: number;
}

const N = String.raw`(?:\d+|[一二三四五六七八九十两零〇]+)`;
const BUILDING = String.raw`${N}\s*(?:号楼|号院|栋|幢|座)`;
/** Down to the door: 3单元502室、2-401、3栋401室、49号院3-2-8号. */
const ROOM = new RegExp(
  String.raw`(?:${BUILDING}\s*[-—]?\s*)?(?:${N}\s*(?:单元|门)\s*[-—]?\s*\d{2,4}\s*(?:室|号|户)?|${N}\s*(?:号楼|栋|幢|座)\s*[-—]?\s*\d{3,4}\s*(?:室|号|户)|(?:号院|号楼|小区|花园|家园|苑)\s*\d{1,3}-\d{1,2}-\d{1,4}\s*号?)(?!\d)`,
  'g',
);

/** Someone's residence stated outright: 家住桥北路18号院、住在7号楼. */
const LIVES_AT = new RegExp(
  String.raw`(?:家住|住在|住址(?:是|为|[:：])?|居住在|现住|现居|家庭住址(?:是|为|[:：])?)\s*([^，。；;\n\d]{0,12}?(?:(?:${N}(?:-\d+)*)\s*(?:号院|号楼|号|栋|幢|座|单元|室|户|排|巷|组|门|层|楼)\s*[-—]?\s*)+)`,
  'g',
);

/** A building named together with who lives there: 7号楼的独居老人. */
const BUILDING_OF_PERSON = new RegExp(
  String.raw`${BUILDING}(?:\s*${N}\s*单元)?(?=(?:的|里的|内的)?(?:独居|空巢|孤寡|困难|低保|特困|残疾|患病|瘫痪|高龄|留守)|(?:居民|住户)[\u4e00-\u9fff]{2,3}[，,、])`,
  'g',
);

/** A room number in an office is not a home: 党群服务中心201室. */
const OFFICE_BEFORE =
  /(?:服务中心|服务站|办公室|办公楼|居委会|村委会|党群|会议|活动|卫生|警务|物业|门诊|医院|大厦|写字楼|中心|学校|大楼)[^，。；\n]{0,6}$/;

/**
 * Residents' home addresses in `text` (already half-width): addresses down to the door, and
 * buildings said to be someone's home. Overlapping finds are merged into the longest.
 */
export function findHomeAddresses(text: string): AddressMatch[] {
  const spans: AddressMatch[] = [];
  for (const m of text.matchAll(ROOM)) {
    if (OFFICE_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    spans.push({ index: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(LIVES_AT)) {
    const place = m[1] ?? '';
    const index = m.index + m[0].length - place.length;
    spans.push({ index, end: index + place.trimEnd().length });
  }
  for (const m of text.matchAll(BUILDING_OF_PERSON))
    spans.push({ index: m.index, end: m.index + m[0].length });
  spans.sort((a, b) => a.index - b.index || b.end - a.end);
  const merged: AddressMatch[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.index < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
