import { describe, expect, it } from 'vitest';
import vCard from 'vcf';
import { buildVCard, escapeText, foldLine, splitChineseName } from '@/lib/vcard';

const encoder = new TextEncoder();

describe('vCard', () => {
  const card = buildVCard({
    name: '张建国',
    org: '桥北社区党支部',
    title: '党支部书记',
    phone: '139 0310 1001',
    note: '工作职责：主持党支部全面工作；负责党风廉政建设、重大事项决策、信访接待和安全生产总协调。\n接待时间：每周三 9:00—11:30',
    url: 'https://qiaobei.example.cn/contacts/#zhang-jianguo',
  });

  it('is vCard 3.0 with CRLF line ends and every line within 75 octets', () => {
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    expect(card.endsWith('END:VCARD\r\n')).toBe(true);
    for (const line of card.split('\r\n'))
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    expect(card.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('parses back with a vCard library to the same name, org, title and phone', () => {
    const parsed = new vCard().parse(card);
    expect(parsed.version).toBe('3.0');
    expect(parsed.get('fn').valueOf()).toBe('张建国');
    expect(parsed.get('n').valueOf()).toBe('张;建国;;;');
    expect(parsed.get('org').valueOf()).toBe('桥北社区党支部');
    expect(parsed.get('title').valueOf()).toBe('党支部书记');
    const tel = parsed.get('tel');
    expect(tel.valueOf()).toBe('13903101001');
    expect(String(tel.type).toLowerCase()).toBe('cell');
    // Folding never splits a Chinese character: the unfolded note is intact.
    expect(parsed.get('note').valueOf()).toContain('重大事项决策、信访接待和安全生产总协调。');
  });

  it('marks a landline as a work voice number', () => {
    const landline = buildVCard({ name: '值班室', org: '支部', phone: '0310-3016601' });
    expect(landline).toContain('TEL;TYPE=WORK,VOICE:03103016601\r\n');
    expect(landline).not.toContain('TITLE');
  });

  it('escapes commas, semicolons, backslashes and newlines', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(escapeText('中文，全角；不转义')).toBe('中文，全角；不转义');
  });

  it('folds at 75 octets without splitting UTF-8 characters', () => {
    const line = `NOTE:${'党'.repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, i) => {
      expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
    });
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('FN:张建国')).toBe('FN:张建国');
  });

  it('splits Chinese names into family and given name', () => {
    expect(splitChineseName('张建国')).toEqual({ family: '张', given: '建国' });
    expect(splitChineseName('马俊')).toEqual({ family: '马', given: '俊' });
    expect(splitChineseName('欧阳晓燕')).toEqual({ family: '欧阳', given: '晓燕' });
    expect(splitChineseName('欧阳')).toEqual({ family: '欧', given: '阳' });
    expect(splitChineseName('Li Lei')).toEqual({ family: 'Li Lei', given: '' });
  });
});
