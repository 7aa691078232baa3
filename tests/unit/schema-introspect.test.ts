import { describe, expect, it } from 'vitest';
import { fieldName } from '@/checks/validate-entry';
import { cmsFields } from '@/schemas/cms-meta';
import {
  cmsMeta,
  defaultValue,
  enumOptions,
  listItem,
  objectShape,
  regexOf,
  schemaAt,
} from '@/schemas/introspect';
import { contactSchema } from '@/schemas/contacts';
import { noticeSchema } from '@/schemas/notices';
import { figureSchema, REPORT_KINDS, reportSchema } from '@/schemas/reports';
import { searchWordsSchema } from '@/schemas/search-words';

describe('schema introspection shared by the CMS generator and the checks', () => {
  it('reads a field’s CMS metadata through optional and default wrappers, from the typed registry', () => {
    const shape = objectShape(contactSchema)!;
    expect(cmsMeta(shape.area!)?.title).toBe('联系片区');
    expect(cmsMeta(shape.supervisionPhone!)?.title).toBe('监督电话');
    expect(cmsMeta(objectShape(noticeSchema)!.pinned!)).toEqual({
      title: '置顶',
      description: '置顶的通知显示在首页最上方',
      widget: 'boolean',
    });
    expect(cmsFields.get(shape.area!)).toBeUndefined();
  });

  it('finds the schema at a path into the value, stepping into list items at numbers', () => {
    expect(schemaAt(reportSchema, ['figures', 2, 'value'])).toBe(objectShape(figureSchema)!.value);
    expect(cmsMeta(schemaAt(searchWordsSchema, ['words', 0, 'site', 1])!)?.title).toBe('网站用词');
    expect(schemaAt(reportSchema, ['nope', 'value'])).toBeUndefined();
    expect(listItem(objectShape(reportSchema)!.figures!)).toBe(figureSchema);
  });

  it('names nested fields in Chinese for the checks’ messages', () => {
    expect(fieldName(reportSchema, ['figures', 2, 'value'])).toBe(
      '数据 · 第 3 项 · 数值（figures[2].value）',
    );
    expect(fieldName(searchWordsSchema, ['words', 0, 'site', 1])).toBe(
      '词表 · 第 1 项 · 网站用词 · 第 2 项（words[0].site[1]）',
    );
    expect(fieldName(reportSchema, ['nope'])).toBe('nope（nope）');
  });

  it('reads choices, defaults and patterns for the CMS', () => {
    const report = objectShape(reportSchema)!;
    expect(enumOptions(report.kind!)).toEqual([...REPORT_KINDS]);
    expect(defaultValue(report.draft!)).toEqual({ value: false });
    expect(defaultValue(report.title!)).toBeUndefined();
    const word = objectShape(listItem(objectShape(searchWordsSchema)!.words!)!)!.everyday!;
    // The same rule the CMS is given for the field.
    expect(regexOf(word)?.source).toBe((cmsMeta(word)?.cms?.pattern as string[])[0]);
    expect(regexOf(report.title!)).toBeUndefined();
  });
});
