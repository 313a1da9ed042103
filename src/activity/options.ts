// Checks the mapping options once, up front: a bad setting is reported by name instead of failing every publish.
import { activitySourceHostProblems } from './activitySourceHost';
import { isHexColor } from './color';
import { keyByteLength } from './keyedHash';
import { LIMITS } from './limits';
import { disclosureFor, isPrivacyLevel, PRIVACY_LEVELS } from '../privacy/disclosure';
import { parseTemplate, withheldVariables } from './template';
import type { MappingOptions } from './types';
import type { ValidationProblem } from './validate';

export const MIN_ID_KEY_BYTES = 16;

export class InvalidMappingOptionsError extends Error {
  constructor(readonly problems: readonly ValidationProblem[]) {
    super(`Invalid activity settings:\n${problems.map((p) => `- ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'InvalidMappingOptionsError';
  }
}

export interface OptionsReport {
  /** Options that cannot be used. */
  errors: ValidationProblem[];
  /** Options that are used differently than written (e.g. a template replaced by the default at this level). */
  warnings: ValidationProblem[];
}

export function checkMappingOptions(options: MappingOptions): OptionsReport {
  const errors: ValidationProblem[] = [];
  const warnings: ValidationProblem[] = [];
  const error = (path: string, message: string): void => void errors.push({ path, message });

  if (!isPrivacyLevel(options.privacy)) error('privacy', `must be one of ${PRIVACY_LEVELS.join(', ')}`);
  for (const problem of activitySourceHostProblems(options.activitySourceHost)) error('activitySourceHost', problem);
  if (options.backgroundColor !== undefined && !isHexColor(options.backgroundColor))
    error('backgroundColor', 'must be a hex colour: #RGB or #RRGGBB');
  if (
    options.iconUrl !== undefined &&
    (!/^https:\/\/[^\s/?#]\S*$/.test(options.iconUrl) || options.iconUrl.length > LIMITS.url)
  ) {
    error('iconUrl', `must be an https URL of at most ${LIMITS.url} characters`);
  }
  if (!/^[a-z][a-z0-9+.-]*$/.test(options.uriScheme)) error('uriScheme', 'must be a lowercase URL scheme such as "vscode"');
  if (!Number.isFinite(options.now)) error('now', 'must be a finite epoch time in milliseconds');
  if (options.privacy !== 'full' && keyByteLength(options.idKey) < MIN_ID_KEY_BYTES) {
    error('idKey', `must have at least ${MIN_ID_KEY_BYTES} bytes at the "${options.privacy}" privacy level`);
  }
  for (const field of ['displayText', 'description'] as const) {
    const source = options.templates?.[field];
    if (source === undefined) continue;
    const parsed = parseTemplate(source);
    for (const problem of parsed.problems) error(`templates.${field}`, problem);
    if (isPrivacyLevel(options.privacy)) {
      const withheld = withheldVariables(parsed, disclosureFor(options.privacy));
      if (withheld.length > 0) {
        warnings.push({
          path: `templates.${field}`,
          message: `uses ${withheld.map((name) => `\${${name}}`).join(', ')}, which the "${options.privacy}" privacy level withholds; the default template is used instead`,
        });
      }
    }
  }
  return { errors, warnings };
}
