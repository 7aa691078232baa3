import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '../..');

interface Workflow {
  on: { push: { branches: string[] } };
  jobs: Record<string, { steps: { run?: string; uses?: string }[] }>;
}

describe.each(['.forgejo/workflows/deploy.yml', '.github/workflows/deploy.yml'])('%s', (file) => {
  const workflow = parse(readFileSync(join(root, file), 'utf8')) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('builds on every push to main and uploads with the project’s deploy code', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    const commands = steps.map((step) => step.run ?? '').join('\n');
    expect(commands).toContain('npm ci');
    expect(commands).toContain('npm run build');
    expect(commands).toContain('src/deploy/ci-deploy.sh');
  });

  it('uses plain run steps only, fetching no action from github.com', () => {
    expect(steps.every((step) => step.run && !step.uses)).toBe(true);
  });
});
