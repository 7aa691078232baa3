import type { Problem } from './problem.ts';

/** The problems as a secretary reads them: file and line, field, what to do. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems
    .map((problem) => {
      const mark = problem.severity === 'error' ? '✖ 错误' : '⚠ 提醒';
      const where = problem.line ? `${problem.file} 第 ${problem.line} 行` : problem.file;
      const field = problem.field ? `\n    字段：${problem.field}` : '';
      return `${mark}  ${where}${field}\n    ${problem.message}`;
    })
    .join('\n\n');
}

/** One line that sums up a check run. */
export function summarise(problems: readonly Problem[], entryCount: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (errors === 0 && warnings === 0)
    return `内容检查通过：共 ${entryCount} 个条目，没有发现问题。`;
  return `内容检查：共 ${entryCount} 个条目，${errors} 个错误，${warnings} 个提醒。${errors > 0 ? '请按上面的提示修改后再发布。' : ''}`;
}
