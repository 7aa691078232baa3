import { describe, expect, it } from 'vitest';
import { findHomeAddresses } from '../../src/lib/privacy/home-address.ts';
import { findLicencePlates } from '../../src/lib/privacy/licence-plate.ts';
import { findOnlineIds, maskOnlineId } from '../../src/lib/privacy/online-ids.ts';
import { findNamedPersons } from '../../src/lib/privacy/person-names.ts';
import { sensitiveTopic } from '../../src/lib/privacy/sensitive-topics.ts';
import { findResidentDetails, SEVERITY } from '../../src/lib/privacy/find-resident-details.ts';
import { findPrivacyIssues } from '../../src/lib/privacy/find-privacy-issues.ts';

const none = new Set<string>();
const names = (sentence: string, allowed = none) =>
  findNamedPersons(sentence, allowed).map((p) => p.name);
const addresses = (text: string) => findHomeAddresses(text).map((a) => text.slice(a.index, a.end));

describe('findNamedPersons', () => {
  it('reads the name’s length from what follows it', () => {
    expect(names('居民王芳家住某小区')).toEqual(['王芳']);
    expect(names('居民王小珍家住某小区')).toEqual(['王小珍']);
    expect(names('欧阳明月患有心脏病')).toEqual(['欧阳明月']);
  });
  it('skips masked names, honorifics and cadres with their titles', () => {
    expect(names('居民王某某、王某、李大爷、张阿姨常年患病')).toEqual([]);
    expect(names('书记张建国看望了居民，张建国书记送去慰问金')).toEqual([]);
  });
  it('skips the allowed names', () => {
    expect(names('居民刘秀梅因病住院', new Set(['刘秀梅']))).toEqual([]);
  });
  it('does not take words that start with a surname for names', () => {
    expect(names('为高龄老人申请高龄津贴，为方便群众办理低保')).toEqual([]);
  });
});

describe('sensitiveTopic', () => {
  it('puts health above hardship', () => {
    expect(sensitiveTopic('常年患病，领取低保')).toBe('health');
    expect(sensitiveTopic('丈夫去年病故，领取低保')).toBe('hardship');
    expect(sensitiveTopic('积极参加志愿服务')).toBeUndefined();
  });
});

describe('findHomeAddresses', () => {
  it('finds addresses down to the door and stated residences', () => {
    expect(addresses('家住桥北路18号院3栋2单元401室，')).toEqual(['桥北路18号院3栋2单元401室']);
    expect(addresses('走访了三号楼二单元502的老人')).toEqual(['三号楼二单元502']);
    expect(addresses('住在9号楼的独居老人')).toEqual(['9号楼']);
  });
  it('passes offices, ranges of buildings and a staircase without a door', () => {
    expect(addresses('党群服务中心二楼201室')).toEqual([]);
    expect(addresses('13—18 号楼的居民')).toEqual([]);
    expect(addresses('7号楼3单元楼道灯已修好')).toEqual([]);
    expect(addresses('2026-03-15在3号楼前空地')).toEqual([]);
  });
});

describe('findOnlineIds and findLicencePlates', () => {
  it('masks WeChat IDs and QQ numbers keeping two characters at each end', () => {
    expect(maskOnlineId('wxid_8a7s6d5f4g3h')).toBe('wxid_****3h');
    expect(maskOnlineId('zhangsan_1988')).toBe('zh****88');
    expect(findOnlineIds('QQ：123456789').map((f) => [f.kind, f.masked])).toEqual([
      ['qq', '12****89'],
    ]);
  });
  it('passes official accounts and groups', () => {
    expect(findOnlineIds('微信公众号 qiaobeidangjian，党员QQ群 12345678')).toEqual([]);
  });
  it('finds plates with a dot or a space and passes words', () => {
    expect(findLicencePlates('冀D·12345 和 粤B 8X2K9').map((p) => p.masked)).toEqual([
      '冀D***45',
      '粤B***K9',
    ]);
    expect(findLicencePlates('京ABCDE 沪A股')).toEqual([]);
  });
});

describe('findResidentDetails', () => {
  it('gives each kind its severity: errors identify or harm a resident, 提醒 where 公示 may name', () => {
    expect(SEVERITY).toEqual({
      'home-address': 'error',
      'named-health': 'error',
      wechat: 'error',
      qq: 'error',
      'named-hardship': 'warning',
      'licence-plate': 'warning',
    });
  });
  it('does not read WeChat or QQ on a cadre’s own contact card', () => {
    expect(findResidentDetails('微信号 zhangjg2026', { publicContact: true })).toEqual([]);
    expect(findResidentDetails('微信号 zhangjg2026')).toHaveLength(1);
  });
  it('reports full-width text at its own offsets', () => {
    const text = '居民王小珍家住７号楼３单元５０２室';
    const found = findResidentDetails(text).find((f) => f.kind === 'home-address');
    expect(found?.match).toBe('７号楼３单元５０２室');
  });
});

describe('findPrivacyIssues', () => {
  it('reports numbers once, with line numbers and severities', () => {
    const found = findPrivacyIssues('第一行\n居民的QQ号 13812345678\n为张德顺申请救助金');
    expect(found.map((f) => [f.kind, f.line, f.severity])).toEqual([
      ['mobile', 2, 'error'],
      ['named-hardship', 3, 'warning'],
    ]);
  });
});
