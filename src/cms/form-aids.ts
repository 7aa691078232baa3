/**
 * Helps for the secretary on top of Decap's forms, started by one import in admin/cms.ts: the date
 * field typed year first, live privacy hints, a list of what stops a save, the cursor in a new
 * list row, and plain Chinese where Decap's parts speak English. None of them reaches into a
 * widget's internals: they read the form's structure and the events it sends.
 */
import CMS from 'decap-cms-core';
import { dateWidget } from './date-widget.ts';
import { startFormErrors } from './form-errors.ts';
import { startPlainChinese } from './plain-chinese.ts';
import { startPrivacyHints } from './privacy-hint.ts';

(CMS as unknown as { registerWidget(widget: object[]): void }).registerWidget([dateWidget]);

function start() {
  startPlainChinese();
  startPrivacyHints();
  startFormErrors();
}

if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });
