// Picks the user's template or the level's default, renders it and caps it.
import { DEFAULT_TEMPLATES } from './defaultTemplates';
import type { Disclosure, PrivacyLevel } from '../privacy/disclosure';
import { disclosureFor } from '../privacy/disclosure';
import type { TemplateValues } from './template';
import { parseTemplate, renderTemplate, withheldVariables } from './template';
import { oneLineVisible } from '../text/inert';
import { truncateText } from '../text/truncate';

type TextField = 'displayText' | 'description';

/**
 * The configured template, unless it is invalid or uses a variable the level withholds: then the level's default,
 * so a template written for `full` can never leak at `private`.
 */
export function effectiveTemplate(configured: string | undefined, field: TextField, level: PrivacyLevel): string {
  if (configured === undefined) return DEFAULT_TEMPLATES[level][field];
  const parsed = parseTemplate(configured);
  const disclosure: Disclosure = disclosureFor(level);
  return parsed.problems.length === 0 && withheldVariables(parsed, disclosure).length === 0
    ? configured
    : DEFAULT_TEMPLATES[level][field];
}

/**
 * Rendered text; a separator `·` left at either end or doubled by a missing value is dropped. One line without
 * invisible characters (a file or branch name may hold a newline or a bidi override that would disguise it).
 */
export function renderText(template: string, values: TemplateValues, maxLength: number): string {
  const rendered = oneLineVisible(renderTemplate(parseTemplate(template), values))
    .replace(/·(\s*·)+/g, '·')
    .replace(/^[\s·]+|(?<![\s·])[\s·]+$/g, '');
  return truncateText(rendered, maxLength);
}
