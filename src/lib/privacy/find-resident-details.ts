import { toHalfWidth } from './full-width.ts';
import { findHomeAddresses } from './home-address.ts';
import { findLicencePlates } from './licence-plate.ts';
import { findOnlineIds } from './online-ids.ts';
import { findNamedPersons } from './person-names.ts';
import { sensitiveTopic } from './sensitive-topics.ts';

/** What kind of resident detail was found. */
export type ResidentDetailKind =
  'home-address' | 'named-health' | 'named-hardship' | 'wechat' | 'qq' | 'licence-plate';

/** One resident detail in a text, with the masked form to write instead. */
export interface ResidentDetail {
  kind: ResidentDetailKind;
  /** Errors refuse the save and the build; warnings (提醒) are shown and saved. */
  severity: 'error' | 'warning';
  match: string;
  index: number;
  masked: string;
  message: string;
}

export interface ResidentDetailOptions {
  /** People whose names are public (the cadres in content/contacts). */
  allowedNames?: Iterable<string>;
  /**
   * True for a cadre's own contact card or the site settings: the WeChat or QQ written there is
   * the cadre's or the branch's, published on purpose.
   */
  publicContact?: boolean;
}

/** Per kind: errors for what identifies or harms a resident, 提醒 where a lawful 公示 may name them. */
export const SEVERITY: Record<ResidentDetailKind, 'error' | 'warning'> = {
  'home-address': 'error',
  'named-health': 'error',
  wechat: 'error',
  qq: 'error',
  'named-hardship': 'warning',
  'licence-plate': 'warning',
};

function message(kind: ResidentDetailKind, match: string, masked: string): string {
  switch (kind) {
    case 'home-address':
      return `发现居民的住址“${match}”，请删去门牌号，写成“${masked}”（住址加上姓名或病情就能找到这户人家）`;
    case 'named-health':
      return `发现居民姓名“${match}”和病情、残疾等健康信息写在一起，请把姓名写成“${masked}”，并删去病名（健康信息属于敏感个人信息）`;
    case 'named-hardship':
      return `请确认：居民姓名“${match}”和救助金、低保、收入、欠债或家庭情况写在一起，建议写成“${masked}”；确需公示实名的，先征得本人同意`;
    case 'wechat':
      return `发现微信号 ${match}，请删除或写成 ${masked}（居民的微信号和手机号一样不能公开）`;
    case 'qq':
      return `发现 QQ 号 ${match}，请删除或写成 ${masked}（居民的 QQ 号和手机号一样不能公开）`;
    case 'licence-plate':
      return `请确认：发现车牌号 ${match}，建议写成 ${masked}（车牌号能找到车主）`;
  }
}

const SENTENCE = /[^。！？!?；;\n]+/g;

function* sentences(text: string): Generator<{ index: number; text: string }> {
  for (const m of text.matchAll(SENTENCE)) yield { index: m.index, text: m[0] };
}

/**
 * Finds residents' home addresses, names next to their illness or hardship, WeChat IDs, QQ
 * numbers and licence plates in `text`, ordered by position. Masked forms (王某某、某小区、
 * 138****5678) and the names in `allowedNames` pass.
 */
export function findResidentDetails(
  text: string,
  options: ResidentDetailOptions = {},
): ResidentDetail[] {
  const normal = toHalfWidth(text);
  const allowed = new Set(options.allowedNames ?? []);
  const found: ResidentDetail[] = [];
  const add = (kind: ResidentDetailKind, index: number, end: number, masked: string) => {
    const match = text.slice(index, end);
    found.push({
      kind,
      severity: SEVERITY[kind],
      match,
      index,
      masked,
      message: message(kind, match, masked),
    });
  };

  for (const { index, end } of findHomeAddresses(normal)) add('home-address', index, end, '某小区');
  for (const sentence of sentences(normal)) {
    const topic = sensitiveTopic(sentence.text);
    if (!topic) continue;
    for (const person of findNamedPersons(sentence.text, allowed)) {
      const index = sentence.index + person.index;
      add(
        topic === 'health' ? 'named-health' : 'named-hardship',
        index,
        index + person.name.length,
        `${person.surname}某某`,
      );
    }
  }
  if (!options.publicContact)
    for (const id of findOnlineIds(normal)) add(id.kind, id.index, id.end, id.masked);
  for (const plate of findLicencePlates(normal))
    add('licence-plate', plate.index, plate.end, plate.masked);
  return found.sort((a, b) => a.index - b.index);
}
