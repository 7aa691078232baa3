import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import vCard from 'vcf';
import { parse } from 'yaml';
import { describe, expect, inject } from 'vitest';
import { siteTest } from '../support/browser-test';
import { repoRoot, runBuild } from '../support/run-build';
import { pdfInfoPages, pdfPageSizes, pdfText, printToPdf } from './print-pdf';

const siteDir = inject('siteDir');
const PX_PER_MM = 96 / 25.4;

interface ContactFile {
  id: string;
  name: string;
  role: string;
  phone: string;
}

function readContacts(contentDir: string): ContactFile[] {
  const dir = join(contentDir, 'contacts');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => {
      const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), 'utf8'))![1]!;
      return { id: file.replace(/\.md$/, ''), ...(parse(front) as Omit<ContactFile, 'id'>) };
    });
}

const contentDir = process.env.SITE_CONTENT_DIR ?? join(repoRoot, 'content');
const contacts = readContacts(contentDir);
const settings = parse(readFileSync(join(contentDir, 'settings/site.yml'), 'utf8')) as {
  name: string;
  siteUrl: string;
};

const test = siteTest({ page: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2 } });

describe('contact cards at /contacts/cards/', () => {
  test('prints ten 90 × 54 mm cards to an A4 sheet, with every cadre on a card', async ({
    site,
    page,
  }) => {
    const base = site.url;
    await page.goto(`${base}/contacts/cards/`);
    await page.waitForSelector('html[data-fit-checked]');
    const sheets = page.locator('.card-sheet');
    expect(await sheets.count()).toBe(Math.ceil(contacts.length / 10));
    for (const sheet of await sheets.all()) {
      expect(await sheet.locator('.cut-card').count()).toBeLessThanOrEqual(10);
    }
    const ids = await page
      .locator('.cut-card')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.contact));
    expect(ids.sort()).toEqual(contacts.map((c) => c.id).sort());
    for (const card of await page.locator('.cut-card').all()) {
      const box = (await card.boundingBox())!;
      expect(box.width / PX_PER_MM).toBeCloseTo(90, 0);
      expect(box.height / PX_PER_MM).toBeCloseTo(54, 0);
      expect(await card.getAttribute('data-fit-ok')).toBe('true');
    }
    expect(await page.locator('[data-fit-warning]').isHidden()).toBe(true);

    const pdf = await printToPdf(page);
    const sizes = pdfPageSizes(pdf);
    expect(sizes).toHaveLength(Math.ceil(contacts.length / 10));
    expect(pdfInfoPages(pdf)).toBe(sizes.length);
    for (const size of sizes) {
      expect(size.width).toBeCloseTo(210, 0);
      expect(size.height).toBeCloseTo(297, 0);
    }
    const text = pdfText(pdf);
    for (const contact of contacts) expect(text).toContain(contact.name);
  });

  test('draws cut marks in line with every card edge', async ({ page }) => {
    const sheet = page.locator('.card-sheet').first();
    const origin = (await sheet.boundingBox())!;
    const toMm = (px: number, from: number) => Math.round(((px - from) / PX_PER_MM) * 10) / 10;
    const cutsX = (await sheet.locator('.card-sheet__marks').getAttribute('data-cuts-x'))!
      .split(' ')
      .map(Number);
    const cutsY = (await sheet.locator('.card-sheet__marks').getAttribute('data-cuts-y'))!
      .split(' ')
      .map(Number);
    const lines = await sheet.locator('.card-sheet__marks line').count();
    expect(lines).toBe(2 * (cutsX.length + cutsY.length));
    for (const card of await sheet.locator('.cut-card').all()) {
      const box = (await card.boundingBox())!;
      for (const x of [box.x, box.x + box.width]) {
        expect(cutsX.some((cut) => Math.abs(cut - toMm(x, origin.x)) < 0.3)).toBe(true);
      }
      for (const y of [box.y, box.y + box.height]) {
        expect(cutsY.some((cut) => Math.abs(cut - toMm(y, origin.y)) < 0.3)).toBe(true);
      }
    }
  });

  test('has a QR code on each card that opens the contact directory', async ({ page }) => {
    const png = PNG.sync.read(await page.locator('.cut-card .qr__code').first().screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    expect(decoded).toBe(new URL('/contacts/', settings.siteUrl).href);
  });

  test('puts 23 contacts on three sheets (10, 10, 3) and prints three pages', async ({
    serve,
    page,
  }) => {
    const work = join(repoRoot, 'tests/.output/print-many');
    rmSync(work, { recursive: true, force: true });
    const content = join(work, 'content');
    mkdirSync(content, { recursive: true });
    cpSync(join(repoRoot, 'tests/fixtures/minimal-content'), content, { recursive: true });
    const surnames = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施';
    const existing = readdirSync(join(content, 'contacts')).length;
    for (let i = existing; i < 23; i++) {
      writeFileSync(
        join(content, 'contacts', `extra-${i}.md`),
        `---\nname: ${surnames[i]}测${'一二三四五六七八九十'[i % 10]}\nrole: 网格员\nduties: 网格巡查走访，矛盾调解。\nphone: "1390310${String(2000 + i)}"\norder: ${i + 10}\n---\n`,
      );
    }
    const outDir = join(work, 'site');
    const { code, output } = await runBuild({ outDir, contentDir: content });
    expect(code, output).toBe(0);
    const base = await serve(outDir);
    await page.goto(`${base}/contacts/cards/`);
    await page.waitForSelector('html[data-fit-checked]');
    const counts = await page
      .locator('.card-sheet')
      .evaluateAll((sheets) => sheets.map((s) => s.querySelectorAll('.cut-card').length));
    expect(counts).toEqual([10, 10, 3]);
    const pdf = await printToPdf(page);
    expect(pdfPageSizes(pdf)).toHaveLength(3);
    expect(pdfInfoPages(pdf)).toBe(3);
  }, 300_000);
});

describe('联系电话卡 at /contacts/sheet/', () => {
  test('prints every cadre’s phone and the 监督电话 on exactly one A4 page', async ({
    site,
    page,
  }) => {
    const base = site.url;
    await page.goto(`${base}/contacts/sheet/`);
    await page.waitForSelector('html[data-fit-checked]');
    expect(await page.locator('.phone-sheet').getAttribute('data-fit-ok')).toBe('true');
    const pdf = await printToPdf(page);
    const sizes = pdfPageSizes(pdf);
    expect(sizes).toHaveLength(1);
    expect(sizes[0]!.width).toBeCloseTo(210, 0);
    expect(sizes[0]!.height).toBeCloseTo(297, 0);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain(settings.name);
    expect(text).toContain('监督电话');
    for (const contact of contacts) {
      expect(text).toContain(contact.name);
      expect(text).toContain(String(contact.phone).replace(/\D/g, ''));
    }
    expect(text).not.toContain('打印');
  });

  test('is linked from /contacts/, as are the cards and each vCard', async () => {
    const html = readFileSync(join(siteDir, 'contacts/index.html'), 'utf8');
    expect(html).toContain('href="/contacts/sheet/"');
    expect(html).toContain('href="/contacts/cards/"');
    for (const contact of contacts) expect(html).toContain(`href="/contacts/${contact.id}.vcf"`);
  });
});

describe('vCards at /contacts/<id>.vcf', () => {
  test('parse with a vCard library to each cadre’s name, org, title and phone', () => {
    for (const contact of contacts) {
      const raw = readFileSync(join(siteDir, 'contacts', `${contact.id}.vcf`));
      // UTF-8 without a byte-order mark.
      expect(raw.subarray(0, 3).toString('hex')).not.toBe('efbbbf');
      const text = raw.toString('utf8');
      expect(Buffer.from(text, 'utf8').equals(raw)).toBe(true);
      const card = new vCard().parse(text);
      expect(card.version).toBe('3.0');
      expect(card.get('fn').valueOf()).toBe(contact.name);
      expect(card.get('n').valueOf().replace(/;/g, '')).toBe(contact.name);
      expect(card.get('org').valueOf()).toBe(settings.name);
      expect(card.get('title').valueOf()).toBe(contact.role);
      expect(card.get('tel').valueOf()).toBe(String(contact.phone).replace(/\D/g, ''));
    }
  });

  test('downloads from the contact page under the cadre’s name', async ({ site, page }) => {
    const base = site.url;
    const contact = contacts[0]!;
    await page.goto(`${base}/contacts/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`a[href="/contacts/${contact.id}.vcf"]`).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${contact.name}.vcf`);
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toContain(`FN:${contact.name}`);
  });
});
