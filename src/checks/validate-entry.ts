import type { z } from 'astro/zod';
import { isEntryFileName } from '../lib/file-name.ts';
import { cmsMeta, objectShape, schemaAt } from '../schemas/introspect.ts';
import { collectionDefinitions } from '../schemas/index.ts';
import { error, type Problem } from './problem.ts';
import type { RawEntry } from './read-entries.ts';

/** 期号（issue）, 数据 第 3 项 · 数值（figures[2].value） */
export function fieldName(schema: z.core.$ZodType, path: readonly PropertyKey[]): string {
  const labels = path.map((key, i) => {
    if (typeof key === 'number') return `第 ${key + 1} 项`;
    const field = schemaAt(schema, path.slice(0, i + 1));
    return (field && cmsMeta(field)?.title) ?? String(key);
  });
  const technical = path
    .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
    .join('')
    .replace(/^\./, '');
  return `${labels.join(' · ')}（${technical}）`;
}

function unknownKeyProblems(entry: RawEntry, schema: z.core.$ZodType): Problem[] {
  const shape = objectShape(schema);
  if (!shape || typeof entry.data !== 'object' || entry.data === null) return [];
  return Object.keys(entry.data)
    .filter((key) => !(key in shape))
    .map((key) =>
      error(
        entry.file,
        `不认识的字段“${key}”：可能是拼写错误。可用的字段有：${Object.keys(shape).join('、')}`,
        {
          field: key,
          ...lineProp(entry.lineOf([key])),
        },
      ),
    );
}

function lineProp(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}

/** Checks one entry against its collection's schema; returns the parsed data when it is valid. */
export function validateEntry(entry: RawEntry): { data?: unknown; problems: Problem[] } {
  const definition = collectionDefinitions[entry.collection];
  const problems: Problem[] = [];
  if (typeof entry.data !== 'object' || entry.data === null || Array.isArray(entry.data)) {
    return { problems: [error(entry.file, '信息区应由“字段名: 内容”这样的行组成')] };
  }
  const result = definition.schema.safeParse(entry.data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const line = entry.lineOf(issue.path) ?? entry.lineOf(issue.path.slice(0, 1));
      problems.push(
        error(entry.file, issue.message, {
          field: fieldName(definition.schema, issue.path),
          ...lineProp(line),
        }),
      );
    }
  }
  problems.push(...unknownKeyProblems(entry, definition.schema));
  if ('body' in definition && definition.body.required && entry.body.trim() === '') {
    problems.push(
      error(entry.file, `“${definition.body.title}”是空的：请在信息区下面写上内容`, {
        field: definition.body.title,
      }),
    );
  }
  if (!isEntryFileName(entry.id)) {
    problems.push(
      error(
        entry.file,
        `文件名“${entry.id}”会成为网址的一部分，只能用小写英文字母、数字和连字符，例如 2026-03-15-zhuti-dangri`,
      ),
    );
  }
  return result.success && problems.length === 0 ? { data: result.data, problems } : { problems };
}
