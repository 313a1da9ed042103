// schema.org JSON-LD describing the file.
import type { FileFacts } from './facts';
import { keyedHash } from './keyedHash';
import { LIMITS } from './limits';
import { truncateText } from '../text/truncate';

/**
 * The workspace a file belongs to, as an opaque tag: the keyed hash of the repository's identity (the same on every
 * clone) or else of the workspace folder's name. Only machines holding the user's synced key can match it to a
 * name they know, so Insights can group one workspace's time across machines at every privacy level.
 */
export function workspaceTag(key: string | Uint8Array, identity: string | undefined): string | undefined {
  return identity ? `w:${keyedHash(key, `workspace:${identity}`).slice(0, 32)}` : undefined;
}

export function buildContentInfo(facts: FileFacts, dateModified: string, workspace?: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'SoftwareSourceCode',
    ...(facts.fileName ? { name: truncateText(facts.fileName, LIMITS.cardText) } : {}),
    programmingLanguage: facts.language,
    ...(facts.repositoryUrl ? { codeRepository: facts.repositoryUrl } : {}),
    ...(workspace
      ? {
          isPartOf: {
            '@type': 'SoftwareSourceCode',
            identifier: workspace,
            ...(facts.workspace ? { name: truncateText(facts.workspace, LIMITS.cardText) } : {}),
          },
        }
      : {}),
    dateModified,
  };
}
