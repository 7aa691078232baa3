import { describe, expect, it } from 'vitest';
import { cadreFacts, officeFacts, pickFacts } from '@/lib/contact-facts';
import type { Contact } from '@/schemas/contacts';
import type { Settings } from '@/schemas/settings';

const settings: Settings = {
  name: '桥北社区党支部',
  parentOrg: '某某街道党工委',
  address: '桥北路18号',
  phone: '0310-3016601',
  supervisionPhone: '0310-3016612',
  reception: '每周三 9:00—11:30',
  intro: '简介',
  siteUrl: 'https://qiaobei.example.cn',
};

const cadre: Contact = {
  name: '刘秀梅',
  role: '党支部副书记',
  duties: '低保、临时救助',
  phone: '13903101002',
  households: 186,
};

describe('officeFacts', () => {
  it('labels each office fact and gives phones the words said before a call', () => {
    const facts = officeFacts(settings);
    expect(facts.address).toEqual({ label: '地址', text: '桥北路18号' });
    expect(facts.supervisionPhone).toEqual({
      label: '监督电话',
      phone: '0310-3016612',
      call: '拨打监督电话',
    });
    expect(facts.phone.label).toBe('办公电话');
  });

  it('puts when and where of the reception in one line', () => {
    expect(officeFacts(settings).receptionPlace).toEqual({
      label: '定时接待',
      text: '每周三 9:00—11:30（桥北路18号）',
    });
  });
});

describe('cadreFacts', () => {
  it('leaves out what the secretary left empty and falls back to the site 监督电话', () => {
    const facts = cadreFacts(cadre, settings.supervisionPhone);
    expect(Object.keys(facts)).toEqual(['duties', 'households', 'phone', 'supervisionPhone']);
    expect(facts.households).toEqual({ label: '联系户数', text: '186 户' });
    expect(facts.phone).toEqual({ label: '联系电话', phone: '13903101002', call: '拨打刘秀梅' });
    expect(facts.supervisionPhone?.phone).toBe('0310-3016612');
  });

  it("uses the cadre's own 监督电话 when there is one", () => {
    const facts = cadreFacts({ ...cadre, supervisionPhone: '0310-3029110' }, '0310-3016612');
    expect(facts.supervisionPhone?.phone).toBe('0310-3029110');
  });
});

describe('pickFacts', () => {
  it('keeps the order asked for and skips missing facts', () => {
    const picked = pickFacts(cadreFacts(cadre, '0310-3016612'), ['phone', 'area', 'duties']);
    expect(picked.map(({ key }) => key)).toEqual(['phone', 'duties']);
  });
});
