// What each privacy level lets leave the machine.

export const PRIVACY_LEVELS = ['full', 'noRepository', 'fileNameOnly', 'private'] as const;
export type PrivacyLevel = (typeof PRIVACY_LEVELS)[number];

export interface Disclosure {
  /** Remote URL, repository name, branch, commit, links to the git host. */
  repository: boolean;
  /** Directory names: relative path, folder, workspace folder name, absolute path in the activation URL. */
  directories: boolean;
  /** The file's own name and stem. */
  fileName: boolean;
}

const DISCLOSURE: Record<PrivacyLevel, Disclosure> = {
  full: { repository: true, directories: true, fileName: true },
  noRepository: { repository: false, directories: true, fileName: true },
  fileNameOnly: { repository: false, directories: false, fileName: true },
  private: { repository: false, directories: false, fileName: false },
};

export function disclosureFor(level: PrivacyLevel): Disclosure {
  return DISCLOSURE[level];
}

export function isPrivacyLevel(value: unknown): value is PrivacyLevel {
  return typeof value === 'string' && (PRIVACY_LEVELS as readonly string[]).includes(value);
}

/** The more private of two levels (levels are ordered from most to least disclosure). */
export function stricterPrivacy(a: PrivacyLevel, b: PrivacyLevel): PrivacyLevel {
  return PRIVACY_LEVELS.indexOf(a) >= PRIVACY_LEVELS.indexOf(b) ? a : b;
}

/** True when `a` lets more leave the machine than `b`. */
export function isLooserThan(a: PrivacyLevel, b: PrivacyLevel): boolean {
  return PRIVACY_LEVELS.indexOf(a) < PRIVACY_LEVELS.indexOf(b);
}
