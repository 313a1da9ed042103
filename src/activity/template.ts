// `${variable}` templates for displayText and description. Parsing reports every problem up front, so a bad
// setting is shown to the user once instead of failing on each publish. `$$` writes a literal `$`.
import type { Disclosure } from '../privacy/disclosure';

export const TEMPLATE_VARIABLES = [
  'fileName',
  'fileStem',
  'relativePath',
  'folder',
  'workspace',
  'workspaceAlias',
  'language',
  'languageId',
  'branch',
  'repository',
  'appName',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string>>;

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'variable'; name: TemplateVariable };

export interface ParsedTemplate {
  source: string;
  parts: TemplatePart[];
  problems: string[];
}

/** Which disclosure each variable needs; variables not listed are always allowed. */
const VARIABLE_NEEDS: Partial<Record<TemplateVariable, keyof Disclosure>> = {
  fileName: 'fileName',
  fileStem: 'fileName',
  relativePath: 'directories',
  folder: 'directories',
  workspace: 'directories',
  branch: 'repository',
  repository: 'repository',
};

function isTemplateVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

export function parseTemplate(source: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const problems: string[] = [];
  let text = '';
  let index = 0;
  while (index < source.length) {
    if (source.startsWith('$$', index)) {
      text += '$';
      index += 2;
    } else if (source.startsWith('${', index)) {
      const end = source.indexOf('}', index + 2);
      if (end < 0) {
        problems.push(`Unclosed "\${" at position ${index}: write \${name} (or $$ for a literal $).`);
        text += source.slice(index);
        break;
      }
      const name = source.slice(index + 2, end).trim();
      if (isTemplateVariable(name)) {
        if (text) parts.push({ kind: 'text', text });
        text = '';
        parts.push({ kind: 'variable', name });
      } else {
        problems.push(
          `Unknown template variable \${${name}}. Valid variables: ${TEMPLATE_VARIABLES.map((v) => `\${${v}}`).join(', ')}.`,
        );
      }
      index = end + 1;
    } else {
      text += source.charAt(index);
      index += 1;
    }
  }
  if (text) parts.push({ kind: 'text', text });
  return { source, parts, problems };
}

export function templateVariables(template: ParsedTemplate): TemplateVariable[] {
  return template.parts.flatMap((part) => (part.kind === 'variable' ? [part.name] : []));
}

/** Variables of the template that the privacy level withholds. */
export function withheldVariables(template: ParsedTemplate, disclosure: Disclosure): TemplateVariable[] {
  return templateVariables(template).filter((name) => {
    const need = VARIABLE_NEEDS[name];
    return need !== undefined && !disclosure[need];
  });
}

/** Missing values render as ''; runs of whitespace collapse so a missing value leaves no gap. */
export function renderTemplate(template: ParsedTemplate, values: TemplateValues): string {
  const text = template.parts.map((part) => (part.kind === 'text' ? part.text : (values[part.name] ?? ''))).join('');
  return text.replace(/\s+/g, ' ').trim();
}
