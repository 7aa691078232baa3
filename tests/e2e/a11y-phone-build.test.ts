import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runBuild } from '../support/run-build';

const work = mkdtempSync(join(tmpdir(), 'phone-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The sample content with one line of one file rewritten, as a secretary would type it. */
function contentWith(file: string, field: string, value: string): string {
  const dir = join(work, `content-${readdirSync(work).length}`);
  cpSync(join(repoRoot, 'content'), dir, { recursive: true });
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const changed = text.replace(new RegExp(`^${field}: .*$`, 'm'), `${field}: ${value}`);
  expect(changed, `${file} 应有 ${field} 一行`).not.toBe(text);
  writeFileSync(path, changed);
  return dir;
}

// An unquoted mobile that builds is checked on the fixture site of print-fill.test.ts.
describe('a phone number written without quotes', () => {
  it('keeps refusing a landline YAML changed, naming the file and asking for quotes', async () => {
    const contentDir = contentWith('settings/site.yml', 'phone', '03103016601');
    const { code, output } = await runBuild({ outDir: join(work, 'refused'), contentDir });
    expect(code).not.toBe(0);
    expect(output).toMatch(/settings\/site\.yml 第 \d+ 行\n\s+字段：办公电话（phone）/);
    expect(output).toContain('请用引号括起来');
  });
});
