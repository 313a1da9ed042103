// Which privacy level applies to one document. Pure: the editor-side reader hands in what each settings scope holds
// for the document (read with the document's resource, so a folder of a multi-root window governs its own files).
//
// The person's own level is the floor: their user setting, or the default when they set none. A workspace or a
// folder (a repository's `.vscode/settings.json`, a `.code-workspace` file) can make it stricter. It can make it
// looser only once the person confirmed that level for that workspace or folder; until then the floor applies and
// the resolution carries a request, which the editor side shows as a question.
import { localize } from '../text/l10n';
import { quoteSettingValue } from '../text/settingValue';
import { isLooserThan, isPrivacyLevel, PRIVACY_LEVELS, stricterPrivacy, type PrivacyLevel } from './disclosure';

export const DEFAULT_PRIVACY: PrivacyLevel = 'fileNameOnly';

/** Where a level other than the person's own comes from. */
export type PrivacyScope = 'workspace' | 'folder';

/** What `inspect()` found for `activityFeed.privacy`, scope by scope; any may be unset or invalid. */
export interface PrivacySources {
  user?: unknown;
  workspace?: unknown;
  folder?: unknown;
}

/** Levels the person confirmed for this document's workspace and folder. */
export type PrivacyGrants = Partial<Record<PrivacyScope, PrivacyLevel>>;

/** A looser level a workspace or folder asks for that the person has not confirmed. */
export interface PrivacyRequest {
  scope: PrivacyScope;
  level: PrivacyLevel;
  /** What applies meanwhile from that scope. */
  applied: PrivacyLevel;
}

export interface PrivacyResolution {
  level: PrivacyLevel;
  /** The person's own level. */
  floor: PrivacyLevel;
  requests: PrivacyRequest[];
  /** One message per invalid value, naming the setting, its scope and what is used instead. */
  problems: string[];
}

const SCOPES: PrivacyScope[] = ['workspace', 'folder'];

/** An invalid value is read as the most private level, so a typo can never disclose more. */
const INVALID_READ_AS: PrivacyLevel = 'private';

export function resolvePrivacy(sources: PrivacySources, grants: PrivacyGrants = {}): PrivacyResolution {
  const problems: string[] = [];
  const read = (value: unknown, where: string): PrivacyLevel | undefined => {
    if (value === undefined || value === null) return undefined;
    if (isPrivacyLevel(value)) return value;
    problems.push(
      localize(
        'activityFeed.privacy{0}: {1} is not one of {2}; using "{3}".',
        where,
        quoteSettingValue(value),
        PRIVACY_LEVELS.join(', '),
        INVALID_READ_AS,
      ),
    );
    return INVALID_READ_AS;
  };
  const floor = read(sources.user, '') ?? DEFAULT_PRIVACY;
  const requests: PrivacyRequest[] = [];
  let level: PrivacyLevel | undefined;
  for (const scope of SCOPES) {
    const asked = read(
      sources[scope],
      scope === 'workspace' ? localize(' (workspace settings)') : localize(' (folder settings)'),
    );
    if (asked === undefined) continue;
    let applied = asked;
    if (isLooserThan(asked, floor)) {
      const granted = grants[scope];
      // A confirmation covers the level confirmed and any stricter one, never a looser one asked for later.
      const allowed = granted !== undefined && isLooserThan(granted, floor) ? granted : floor;
      applied = stricterPrivacy(asked, allowed);
      if (applied !== asked) requests.push({ scope, level: asked, applied });
    }
    level = level === undefined ? applied : stricterPrivacy(level, applied);
  }
  return { level: level ?? floor, floor, requests, problems };
}
