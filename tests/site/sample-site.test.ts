import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readAllEntries } from '@/checks/read-entries';
import { validateEntry } from '@/checks/validate-entry';
import { formatDate } from '@/lib/format-date';
import { formatFigureValue } from '@/lib/format-figure';
import type { Notice } from '@/schemas/notices';
import type { Report } from '@/schemas/reports';
import type { StudyIssue } from '@/schemas/study';
import type { Contact } from '@/schemas/contacts';
import { htmlFiles } from '../../scripts/html-pages';
import { repoRoot } from '../support/run-build';

const TODAY = '2026-11-28';
const siteDir = inject('siteDir');

function page(path: string): CheerioAPI {
  const file = join(siteDir, path, path.endsWith('.html') ? '' : 'index.html');
  expect(existsSync(file), `${path} 应该存在`).toBe(true);
  return load(readFileSync(file, 'utf8'));
}

/** Visible text with whitespace collapsed, as a reader sees it. */
const textOf = ($: CheerioAPI, selector = 'body') => $(selector).text().replace(/\s+/g, ' ');

function allHtmlFiles(dir: string): string[] {
  return htmlFiles(dir).map((file) => join(dir, file));
}

const sample = (() => {
  const { entries } = readAllEntries(repoRoot);
  const parsed = entries.map((entry) => ({ entry, data: validateEntry(entry).data }));
  const of = <T>(collection: string) =>
    parsed.filter((p) => p.entry.collection === collection) as { entry: { id: string }; data: T }[];
  return {
    notices: of<Notice>('notices'),
    reports: of<Report>('reports'),
    study: of<StudyIssue>('study'),
    contacts: of<Contact>('contacts'),
  };
})();

describe('the sample content', () => {
  it('is rich enough to show every feature', () => {
    expect(sample.study.filter((s) => !s.data.draft).length).toBeGreaterThanOrEqual(6);
    expect(sample.reports.filter((r) => !r.data.draft).length).toBeGreaterThanOrEqual(3);
    expect(sample.contacts.length).toBeGreaterThanOrEqual(6);
    expect(sample.notices.some((n) => n.data.pinned && !n.data.draft)).toBe(true);
    expect(sample.notices.some((n) => n.data.expires && n.data.expires < TODAY)).toBe(true);
    expect([...sample.notices, ...sample.reports, ...sample.study].some((e) => e.data.draft)).toBe(
      true,
    );
  });
});

describe('the notice board at /', () => {
  let $: CheerioAPI;
  beforeAll(() => {
    $ = page('/');
  });

  it('is Chinese and names the branch', () => {
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('h1').first().text()).toContain('党支部');
  });

  it('always shows 定时接待 and 监督电话 with a tel: link', () => {
    const bar = textOf($, '.service-bar');
    expect(bar).toContain('定时接待');
    expect(bar).toContain('监督电话');
    expect($('.service-bar a[href^="tel:"]').length).toBe(1);
  });

  it('shows pinned notices first, marked 置顶', () => {
    const pinned = sample.notices.filter(
      (n) => n.data.pinned && !n.data.draft && !(n.data.expires && n.data.expires < TODAY),
    );
    const firstTitles = $('#notices-title')
      .parent()
      .find('.entry')
      .map((_, el) => $(el).text())
      .get();
    pinned.forEach((notice, index) => {
      expect(firstTitles[index]).toContain(notice.data.title);
      expect(firstTitles[index]).toContain('置顶');
    });
  });

  it('leaves expired notices off the board but keeps them in the archive', () => {
    const expired = sample.notices.filter(
      (n) => !n.data.draft && n.data.expires && n.data.expires < TODAY,
    );
    const archive = page('/notices/');
    for (const notice of expired) {
      expect(textOf($)).not.toContain(notice.data.title);
      const item = archive(`a[href="/notices/${notice.entry.id}/"]`).closest('.entry');
      expect(item.text()).toContain('已截止');
      expect(existsSync(join(siteDir, 'notices', notice.entry.id, 'index.html'))).toBe(true);
    }
  });

  it('shows the latest 学习园地 issue and the latest reports', () => {
    const latest = sample.study
      .filter((s) => !s.data.draft)
      .sort((a, b) => b.data.issue - a.data.issue)[0]!;
    expect(textOf($, 'section[aria-labelledby="study-title"]')).toContain(latest.data.title);
    expect(textOf($, 'section[aria-labelledby="study-title"]')).toContain(
      `第${latest.data.issue}期`,
    );
    expect($('section[aria-labelledby="reports-title"] .entry').length).toBeGreaterThan(0);
  });
});

describe('drafts', () => {
  it('never appear anywhere on the site', () => {
    const drafts = [...sample.notices, ...sample.reports, ...sample.study].filter(
      (e) => e.data.draft,
    );
    const pages = allHtmlFiles(siteDir).map((file) => readFileSync(file, 'utf8'));
    for (const draft of drafts) {
      for (const html of pages) expect(html).not.toContain(draft.data.title);
      expect(existsSync(join(siteDir, 'notices', draft.entry.id))).toBe(false);
      expect(existsSync(join(siteDir, 'reports', draft.entry.id))).toBe(false);
      expect(existsSync(join(siteDir, 'study', draft.entry.id))).toBe(false);
    }
  });
});

describe('学习园地', () => {
  it('lists every issue grouped by year with 第N期 and Chinese dates', () => {
    const $ = page('/study/');
    expect($('h2.section-title').first().text()).toMatch(/^\d{4}年$/);
    for (const { entry, data } of sample.study.filter((s) => !s.data.draft)) {
      const item = $(`a[href="/study/${entry.id}/"]`).closest('.entry');
      expect(item.text()).toContain(`第${data.issue}期`);
      expect(item.find('time').text()).toBe(formatDate(data.date));
      expect(formatDate(data.date)).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    }
  });

  it('renders an issue with its sections as headings', () => {
    const { entry, data } = sample.study.find((s) => !s.data.draft)!;
    const $ = page(`/study/${entry.id}/`);
    expect($('h1').text()).toBe(data.title);
    expect($('.prose h2').length).toBeGreaterThanOrEqual(2);
  });
});

describe('工作报告', () => {
  it('shows each report’s figures as stat blocks', () => {
    for (const { entry, data } of sample.reports.filter(
      (r) => !r.data.draft && r.data.figures?.length,
    )) {
      const $ = page(`/reports/${entry.id}/`);
      const stats = $('.stat')
        .map((_, el) => $(el).text().replace(/\s+/g, ' ').trim())
        .get();
      expect(stats).toHaveLength(data.figures!.length);
      data.figures!.forEach((figure, index) => {
        expect(stats[index]).toContain(figure.label);
        expect(stats[index]).toContain(formatFigureValue(figure.value));
        expect(stats[index]).toContain(figure.unit);
      });
    }
  });

  it('includes the seed’s 走访群众 896 人次', () => {
    const report = sample.reports.find((r) => r.data.figures?.some((f) => f.value === 896))!;
    const $ = page(`/reports/${report.entry.id}/`);
    const stat = $('.stat').filter((_, el) => $(el).text().includes('896'));
    expect(stat.text()).toContain('走访群众');
    expect(stat.text()).toContain('人次');
  });
});

describe('联系我们', () => {
  it('has a card per cadre with a tel: link and a 监督电话', () => {
    const $ = page('/contacts/');
    const cards = $('article.contact');
    expect(cards.length).toBe(sample.contacts.length);
    for (const { entry, data } of sample.contacts) {
      const card = $(`article#${entry.id}`);
      expect(card.find('h2').text()).toBe(data.name);
      expect(card.text()).toContain(data.role);
      expect(card.find(`a[href="tel:${data.phone.replace(/\D/g, '')}"]`).length).toBe(1);
      expect(card.text()).toContain('监督电话');
    }
  });
});

describe('404', () => {
  it('is in Chinese', () => {
    const $ = page('/404.html');
    expect($('h1').text()).toBe('找不到这个页面');
  });
});
