import { describe, expect, it } from 'vitest';
import { isValidBankCard, maskBankCard } from '../../src/lib/privacy/bank-card.ts';
import { findPersonalData, type Finding } from '../../src/lib/privacy/find-personal-data.ts';
import { digitsOf, toHalfWidth } from '../../src/lib/privacy/full-width.ts';
import { idCardCheckDigit, isValidIdCard, maskIdCard } from '../../src/lib/privacy/id-card.ts';
import { luhn } from '../../src/lib/privacy/luhn.ts';
import { maskMobile, mobileDigits } from '../../src/lib/privacy/mobile.ts';
import * as barrel from '../../src/lib/privacy/index.ts';
import {
  breakLuhn,
  checkChar,
  fullWidth,
  group4,
  makeCard,
  makeId,
  makeIdEndingInX,
  makeIdWithWrongCheck,
  passesLuhn,
} from './privacy-fixtures.ts';

const none = { allowedPhones: [] as string[] };
const find = (text: string, allowedPhones: string[] = []): Finding[] =>
  findPersonalData(text, { allowedPhones });
const kinds = (text: string, allowedPhones: string[] = []) =>
  find(text, allowedPhones).map((f) => f.kind);

const ID = makeId('110101', '19900307', '123');
const ID_X = makeIdEndingInX('130102', '19751231');
const ID_LEAP = makeId('440305', '20000229', '417');
const ID_OLD = '130102750815123'; // 15 digits: area 130102, 1975-08-15, sequence 123
const CARD_16 = makeCard('622202123456789');
const CARD_19 = makeCard('621700000123456789');
const CARD_16_BAD = breakLuhn(CARD_16);

describe('test data', () => {
  it('is built as intended', () => {
    expect(ID).toHaveLength(18);
    expect(ID_X).toMatch(/^\d{17}X$/);
    expect(CARD_16).toHaveLength(16);
    expect(CARD_19).toHaveLength(19);
    expect(passesLuhn(CARD_16)).toBe(true);
    expect(passesLuhn(CARD_19)).toBe(true);
    expect(passesLuhn(CARD_16_BAD)).toBe(false);
  });
});

describe('luhn', () => {
  it('accepts generated card numbers', () => {
    expect(luhn(CARD_16)).toBe(true);
    expect(luhn(CARD_19)).toBe(true);
    for (const body of ['4', '12345', '62284800000000000', '999999999999999']) {
      expect(luhn(makeCard(body))).toBe(true);
    }
  });
  it('rejects a changed digit, non-digits and too short input', () => {
    expect(luhn(CARD_16_BAD)).toBe(false);
    expect(luhn(breakLuhn(CARD_19))).toBe(false);
    expect(luhn('')).toBe(false);
    expect(luhn('0')).toBe(false);
    expect(luhn(group4(CARD_16))).toBe(false);
    expect(luhn('79927398713')).toBe(passesLuhn('79927398713'));
  });
});

describe('isValidIdCard', () => {
  it('computes the same check digit as the test', () => {
    for (const first17 of ['11010119900307123', '44030520000229417', '65010219850101001']) {
      expect(idCardCheckDigit(first17)).toBe(checkChar(first17));
    }
    expect(idCardCheckDigit('1234')).toBeUndefined();
  });
  it('accepts 18-digit IDs with a correct check character, X or x', () => {
    expect(isValidIdCard(ID)).toBe(true);
    expect(isValidIdCard(ID_X)).toBe(true);
    expect(isValidIdCard(ID_X.toLowerCase())).toBe(true);
    expect(isValidIdCard(ID_LEAP)).toBe(true);
    expect(isValidIdCard(fullWidth(ID))).toBe(true);
  });
  it('rejects a wrong check character', () => {
    expect(isValidIdCard(makeIdWithWrongCheck('110101', '19900307', '123'))).toBe(false);
    expect(isValidIdCard(`${ID_X.slice(0, 17)}0`)).toBe(false);
  });
  it('rejects impossible birth dates even with a correct check character', () => {
    expect(isValidIdCard(makeId('110101', '19900230', '123'))).toBe(false);
    expect(isValidIdCard(makeId('110101', '19901301', '123'))).toBe(false);
    expect(isValidIdCard(makeId('110101', '19900000', '123'))).toBe(false);
    expect(isValidIdCard(makeId('110101', '19000229', '123'))).toBe(false);
    expect(isValidIdCard(makeId('110101', '18991231', '123'))).toBe(false);
  });
  it('rejects unknown province codes', () => {
    expect(isValidIdCard(makeId('000101', '19900307', '123'))).toBe(false);
    expect(isValidIdCard(makeId('990101', '19900307', '123'))).toBe(false);
  });
  it('accepts old 15-digit IDs with a valid date', () => {
    expect(isValidIdCard(ID_OLD)).toBe(true);
    expect(isValidIdCard('130102751315123')).toBe(false);
    expect(isValidIdCard('130102750231123')).toBe(false);
  });
  it('rejects other lengths and separators', () => {
    expect(isValidIdCard(ID.slice(0, 17))).toBe(false);
    expect(isValidIdCard(`${ID}0`)).toBe(false);
    expect(isValidIdCard(`${ID.slice(0, 6)} ${ID.slice(6)}`)).toBe(false);
  });
});

describe('masking', () => {
  it('maskMobile keeps first 3 and last 4', () => {
    expect(maskMobile('13812345678')).toBe('138****5678');
    expect(maskMobile('138 1234 5678')).toBe('138****5678');
    expect(maskMobile('+86 138-1234-5678')).toBe('138****5678');
    expect(maskMobile(fullWidth('13812345678'))).toBe('138****5678');
  });
  it('mobileDigits gives the national number or undefined', () => {
    expect(mobileDigits('+86 138-1234-5678')).toBe('13812345678');
    expect(mobileDigits('8613812345678')).toBe('13812345678');
    expect(mobileDigits('0310-1234567')).toBeUndefined();
    expect(mobileDigits('12812345678')).toBeUndefined();
  });
  it('maskIdCard keeps first 6 and last 4', () => {
    expect(maskIdCard('110101199003071234')).toBe('110101********1234');
    expect(maskIdCard(ID)).toBe(`${ID.slice(0, 6)}********${ID.slice(-4)}`);
    expect(maskIdCard(ID_X.toLowerCase())).toBe(`${ID_X.slice(0, 6)}********${ID_X.slice(-4)}`);
    expect(maskIdCard(ID_OLD)).toBe('130102*****5123'.replace('5123', ID_OLD.slice(-4)));
    expect(maskIdCard(ID_OLD)).toMatch(/^\d{6}\*{5}\d{4}$/);
  });
  it('maskBankCard keeps first 4 and last 4, and the grouping as written', () => {
    expect(maskBankCard(CARD_16)).toBe(`${CARD_16.slice(0, 4)}********${CARD_16.slice(-4)}`);
    expect(maskBankCard(CARD_19)).toBe(
      `${CARD_19.slice(0, 4)}${'*'.repeat(11)}${CARD_19.slice(-4)}`,
    );
    expect(maskBankCard('6222 0212 3456 7890')).toBe('6222 **** **** 7890');
    expect(maskBankCard('6222-0212-3456-7890')).toBe('6222-****-****-7890');
  });
  it('isValidBankCard accepts 16–19 Luhn-valid digits, grouped or not', () => {
    expect(isValidBankCard(CARD_16)).toBe(true);
    expect(isValidBankCard(group4(CARD_19))).toBe(true);
    expect(isValidBankCard(CARD_16_BAD)).toBe(false);
    expect(isValidBankCard(makeCard('12345678901234'))).toBe(false); // 15 digits
    expect(isValidBankCard(makeCard('1234567890123456789'))).toBe(false); // 20 digits
  });
});

describe('full-width', () => {
  it('converts digits and keeps the length', () => {
    const text = '电话：１３８－１２３４－５６７８，身份证末位Ｘ';
    expect(toHalfWidth(text)).toBe('电话：138-1234-5678，身份证末位X');
    expect(toHalfWidth(text)).toHaveLength(text.length);
    expect(digitsOf('＋８６ １３８')).toBe('86138');
  });
});

describe('findPersonalData: ID numbers', () => {
  it('finds an 18-digit ID with its masked form and message', () => {
    const [f, ...rest] = find(`身份证号：${ID}`);
    expect(rest).toEqual([]);
    expect(f).toEqual({
      kind: 'id-card',
      match: ID,
      index: 5,
      line: 1,
      masked: maskIdCard(ID),
      message: `发现未打码的身份证号 ${ID}，请删除或写成 ${maskIdCard(ID)}`,
    });
  });
  it('finds an ID inside a Chinese sentence without spaces', () => {
    const text = `居民王某的身份证${ID}已登记完毕`;
    const [f] = find(text);
    expect(f?.kind).toBe('id-card');
    expect(f?.index).toBe(text.indexOf(ID));
  });
  it('finds IDs ending in X or x', () => {
    expect(find(`证件${ID_X}。`).map((f) => f.match)).toEqual([ID_X]);
    const lower = ID_X.toLowerCase();
    const [f] = find(`证件${lower}。`);
    expect(f?.match).toBe(lower);
    expect(f?.masked).toBe(maskIdCard(ID_X));
  });
  it('finds a leap-day birth date', () => {
    expect(kinds(`号码 ${ID_LEAP}`)).toEqual(['id-card']);
  });
  it('finds an ID written with full-width digits, keeping the match as written', () => {
    const written = fullWidth(ID_X);
    const text = `身份证：${written}，`;
    const [f] = find(text);
    expect(f?.kind).toBe('id-card');
    expect(f?.match).toBe(written);
    expect(f?.index).toBe(4);
    expect(f?.masked).toBe(maskIdCard(ID_X));
    expect(f?.message).toContain(written);
  });
  it('finds an ID grouped 6-8-4', () => {
    const grouped = `${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`;
    const [f] = find(`身份证 ${grouped} 。`);
    expect(f?.match).toBe(grouped);
    expect(f?.masked).toBe(maskIdCard(ID));
  });
  it('ignores an 18-digit number with a wrong check digit', () => {
    const wrong = makeIdWithWrongCheck('110101', '19900307', '123');
    expect(find(`身份证${wrong}`)).toEqual([]);
  });
  it('does not report an ID as a bank card even when it also passes Luhn', () => {
    let both: string | undefined;
    for (let seq = 0; seq < 1000 && both === undefined; seq += 1) {
      const id = makeId('320102', '19880808', String(seq).padStart(3, '0'));
      if (passesLuhn(id)) both = id;
    }
    expect(both).toBeDefined();
    expect(kinds(`号码${both ?? ''}`)).toEqual(['id-card']);
  });
  it('finds old 15-digit IDs and masks them with 5 stars', () => {
    const [f] = find(`老身份证${ID_OLD}。`);
    expect(f?.kind).toBe('id-card');
    expect(f?.masked).toBe(`${ID_OLD.slice(0, 6)}*****${ID_OLD.slice(-4)}`);
  });
  it('ignores 15 digits without a valid date', () => {
    expect(find('编号130102751335123')).toEqual([]);
  });
  it('ignores an ID that is part of a longer digit run', () => {
    expect(find(`9${ID}`).filter((f) => f.kind === 'id-card')).toEqual([]);
    expect(find(`${ID}0`).filter((f) => f.kind === 'id-card')).toEqual([]);
  });
});

describe('findPersonalData: mobiles', () => {
  it('finds a mobile between Chinese characters', () => {
    const [f] = find('电话13812345678联系');
    expect(f).toMatchObject({ kind: 'mobile', match: '13812345678', index: 2, line: 1 });
    expect(f?.masked).toBe('138****5678');
    expect(f?.message).toBe('发现未打码的手机号 13812345678，请删除或写成 138****5678');
  });
  it.each([
    ['138 1234 5678'],
    ['138-1234-5678'],
    ['+86 13812345678'],
    ['+8613812345678'],
    ['86 138 1234 5678'],
    ['8613812345678'],
    ['+86-138-1234-5678'],
  ])('finds %s', (written) => {
    const text = `请联系 ${written} 报名`;
    const [f, ...rest] = find(text);
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('mobile');
    expect(f?.match).toBe(written);
    expect(f?.index).toBe(4);
    expect(f?.masked).toBe('138****5678');
  });
  it.each([
    '13012345678',
    '14712345678',
    '15912345678',
    '16612345678',
    '17712345678',
    '18912345678',
    '19912345678',
  ])('finds the 1[3-9] prefix %s', (mobile) => {
    expect(kinds(`手机${mobile}`)).toEqual(['mobile']);
  });
  it('ignores numbers starting with 10, 11 or 12', () => {
    expect(find('编号 10012345678 11012345678 12012345678')).toEqual([]);
  });
  it('finds full-width mobiles, with full-width separators and +86', () => {
    const written = fullWidth('+86 139-1234-5678');
    const text = `联系人：李某某，${written}。`;
    const [f] = find(text);
    expect(f?.kind).toBe('mobile');
    expect(f?.match).toBe(written);
    expect(f?.index).toBe(text.indexOf(written));
    expect(f?.masked).toBe('139****5678');
  });
  it('finds several mobiles separated only by spaces', () => {
    expect(find('13812345678 13912345678、15012345678').map((f) => f.match)).toEqual([
      '13812345678',
      '13912345678',
      '15012345678',
    ]);
  });
  it('does not flag allowed cadre phones, however they are written', () => {
    const allowed = ['138 1234 5678', '0310-1234567'];
    expect(find('书记电话13812345678', allowed)).toEqual([]);
    expect(find('书记电话 138-1234-5678', allowed)).toEqual([]);
    expect(find('书记电话 +86 138 1234 5678', allowed)).toEqual([]);
    expect(find(`书记电话 ${fullWidth('13812345678')}`, allowed)).toEqual([]);
    expect(find('书记电话13812345678', ['+8613812345678'])).toEqual([]);
    expect(find('书记电话13812345678', [fullWidth('13812345678')])).toEqual([]);
  });
  it('still flags other mobiles next to an allowed one', () => {
    const found = find('书记 13812345678，居民 13912345678', ['13812345678']);
    expect(found.map((f) => f.match)).toEqual(['13912345678']);
  });
  it('accepts any iterable of allowed phones', () => {
    expect(findPersonalData('13812345678', { allowedPhones: new Set(['13812345678']) })).toEqual(
      [],
    );
  });
  it('ignores a mobile-like run inside a longer number', () => {
    expect(find('订单 213812345678')).toEqual([]);
    expect(find('时间戳 1381234567890')).toEqual([]);
  });
  it('checks digits in URLs too', () => {
    expect(kinds('https://example.com/u/13812345678/profile')).toEqual(['mobile']);
    expect(find('https://example.com/news/2026/03/15/123.html')).toEqual([]);
  });
});

describe('findPersonalData: bank cards', () => {
  it('finds Luhn-valid 16 and 19 digit cards', () => {
    const [a, b] = find(`卡号${CARD_16}\n另一张卡号：${CARD_19}`);
    expect(a).toMatchObject({
      kind: 'bank-card',
      match: CARD_16,
      line: 1,
      masked: maskBankCard(CARD_16),
    });
    expect(b).toMatchObject({
      kind: 'bank-card',
      match: CARD_19,
      line: 2,
      masked: maskBankCard(CARD_19),
    });
    expect(a?.masked).toBe(`${CARD_16.slice(0, 4)}********${CARD_16.slice(-4)}`);
    expect(b?.message).toBe(`发现未打码的银行卡号 ${CARD_19}，请删除或写成 ${b?.masked ?? ''}`);
  });
  it('finds cards written in groups of four', () => {
    for (const written of [group4(CARD_16), group4(CARD_16, '-'), group4(CARD_19)]) {
      const [f, ...rest] = find(`补贴发放至 ${written} 账户`);
      expect(rest).toEqual([]);
      expect(f?.kind).toBe('bank-card');
      expect(f?.match).toBe(written);
      expect(f?.masked.replace(/[ -]/g, '')).toBe(maskBankCard(written.replace(/\D/g, '')));
    }
    expect(find(`卡 ${group4(CARD_16)}`)[0]?.masked).toMatch(/^\d{4} \*{4} \*{4} \d{4}$/);
  });
  it('finds full-width card numbers', () => {
    const written = fullWidth(CARD_16);
    const [f] = find(`卡号：${written}`);
    expect(f?.match).toBe(written);
    expect(f?.index).toBe(3);
  });
  it('ignores numbers failing Luhn', () => {
    expect(find(`卡号${CARD_16_BAD}`)).toEqual([]);
    expect(find(`卡号 ${group4(CARD_16_BAD)}`)).toEqual([]);
    expect(find(`卡号${breakLuhn(CARD_19)}`)).toEqual([]);
  });
  it('ignores Luhn-valid numbers of other lengths', () => {
    expect(find(`编号${makeCard('12345678901234')}`)).toEqual([]); // 15 digits, not a valid ID date
    expect(find(`编号${makeCard('1234567890123456789')}`)).toEqual([]); // 20 digits
  });
  it('finds a grouped card next to other numbers', () => {
    const card = group4(CARD_16);
    expect(find(`2026 ${card}`).map((f) => f.match)).toEqual([card]);
    expect(find(`${card} 2026年`).map((f) => f.match)).toEqual([card]);
    expect(find(`${card} 12 人`).map((f) => f.match)).toEqual([card]);
    expect(find(`${card} ${ID_OLD}`).map((f) => f.kind)).toEqual(['bank-card', 'id-card']);
  });
  it('prefers the 19-digit reading of a grouped card', () => {
    const card = group4(CARD_19);
    const [f, ...rest] = find(`卡号 ${card} 。`);
    expect(rest).toEqual([]);
    expect(f?.match).toBe(card);
    // last 4 digits stay visible, across the group boundary: 6217 **** **** ***7 891
    expect(f?.masked).toBe(`${card.slice(0, 4)} **** **** ***${card.slice(-5)}`);
  });
});

describe('findPersonalData: masked forms pass', () => {
  it.each([
    '联系人：王某某，电话 138****5678',
    '身份证号 110101********1234',
    '身份证号 130102*****1234',
    '卡号 6222 **** **** 1234',
    '卡号 6222********1234',
    '手机 138 **** 5678',
    `已打码：${maskIdCard(ID_X)}、${maskMobile('13912345678')}、${maskBankCard(CARD_19)}`,
  ])('%s', (text) => {
    expect(find(text)).toEqual([]);
  });
  it('the masked forms produced by findPersonalData pass themselves', () => {
    const text = `${ID} 13812345678 ${CARD_16} ${group4(CARD_19)} ${ID_OLD}`;
    const found = find(text);
    expect(found.map((f) => f.kind)).toEqual([
      'id-card',
      'mobile',
      'bank-card',
      'bank-card',
      'id-card',
    ]);
    let fixed = text;
    for (const f of [...found].reverse()) {
      fixed = fixed.slice(0, f.index) + f.masked + fixed.slice(f.index + f.match.length);
    }
    expect(find(fixed)).toEqual([]);
  });
});

describe('findPersonalData: no false positives', () => {
  it.each([
    ['compact date', '活动时间20260315上午'],
    ['ISO date', '发布日期 2026-03-15'],
    ['date and time', '2026-03-15 14:30 在党员活动室'],
    ['amount', '党费共计18503.92元'],
    ['amount starting like a mobile', '收入13358.67元，支出13812345678.50元'],
    ['decimal before', '比例0.13812345678'],
    ['years', '2025年、2026年工作总结'],
    ['issue number', '第2026003期学习材料（期号 202603）'],
    ['landline', '办公电话 0310-1234567'],
    ['landline without hyphen', '办公电话 03101234567'],
    ['landline with 8 digits', '热线 010-12345678'],
    ['12-digit order number', '订单号 202603151234'],
    ['postcode and counts', '邮编 056000，共 896 人次'],
    ['URL with digits', 'https://example.com/2026/03/15/notice-20260315.html'],
    ['image file name', '/images/2026-03-15-12345678.jpg'],
    ['long number', '编号 12345678901234567890123'],
    ['invalid ID-like number', '编号 110101199013071234'],
  ])('%s', (_label, text) => {
    expect(find(text)).toEqual([]);
  });
});

describe('findPersonalData: positions', () => {
  it('reports 1-based line numbers and offsets in multi-line text', () => {
    const text = [
      '---',
      'title: 三月主题党日',
      '---',
      '',
      `居民张某某（身份证 ${ID}）参加。`,
      '联系电话：13812345678；',
      `补贴卡号 ${group4(CARD_16)}`,
    ].join('\n');
    const found = find(text);
    expect(found.map((f) => [f.kind, f.line])).toEqual([
      ['id-card', 5],
      ['mobile', 6],
      ['bank-card', 7],
    ]);
    for (const f of found) expect(text.slice(f.index, f.index + f.match.length)).toBe(f.match);
  });
  it('counts lines in CRLF text and on the first and last line', () => {
    const text = '13812345678\r\n\r\n普通文字\r\n13912345678';
    expect(find(text).map((f) => f.line)).toEqual([1, 4]);
  });
  it('keeps offsets of the original text when full-width digits come first', () => {
    const text = `${fullWidth('2026')}年\n电话${fullWidth('13812345678')}`;
    const [f] = find(text);
    expect(f?.line).toBe(2);
    expect(f?.index).toBe(text.indexOf(fullWidth('13812345678')));
  });
  it('returns findings ordered by position', () => {
    const text = `${CARD_16}、${ID}、13812345678`;
    const found = find(text);
    expect(found.map((f) => f.kind)).toEqual(['bank-card', 'id-card', 'mobile']);
    expect(found.map((f) => f.index)).toEqual([...found.map((f) => f.index)].sort((a, b) => a - b));
  });
  it('returns nothing for empty text', () => {
    expect(findPersonalData('', none)).toEqual([]);
  });
});

describe('messages', () => {
  it('are in Chinese and contain the match and the masked form', () => {
    const found = find(`${ID} 13812345678 ${CARD_16}`);
    expect(found.map((f) => f.message)).toEqual([
      `发现未打码的身份证号 ${ID}，请删除或写成 ${maskIdCard(ID)}`,
      '发现未打码的手机号 13812345678，请删除或写成 138****5678',
      `发现未打码的银行卡号 ${CARD_16}，请删除或写成 ${maskBankCard(CARD_16)}`,
    ]);
    for (const f of found) expect(f.message).toContain(f.masked);
  });
  it('match the example in the brief', () => {
    const [f] = find(`${'110101199003071234'}`);
    // Only reported when the check digit is right; the brief's example may or may not be valid.
    if (isValidIdCard('110101199003071234')) {
      expect(f?.message).toBe(
        '发现未打码的身份证号 110101199003071234，请删除或写成 110101********1234',
      );
    } else {
      expect(f?.kind).not.toBe('id-card');
    }
  });
});

describe('index', () => {
  it('re-exports the API', () => {
    expect(Object.keys(barrel).sort()).toEqual(
      [
        'digitsOf',
        'findPersonalData',
        'findPrivacyIssues',
        'findResidentDetails',
        'SEVERITY',
        'idCardCheckDigit',
        'isValidBankCard',
        'isValidIdCard',
        'luhn',
        'maskBankCard',
        'maskIdCard',
        'maskMobile',
        'mobileDigits',
        'toHalfWidth',
      ].sort(),
    );
  });
});
