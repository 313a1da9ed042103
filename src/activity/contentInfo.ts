// schema.org JSON-LD describing the file.
import type { FileFacts } from './facts';
import { LIMITS } from './limits';
import { truncateText } from './truncate';

export function buildContentInfo(facts: FileFacts, dateModified: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'SoftwareSourceCode',
    ...(facts.fileName ? { name: truncateText(facts.fileName, LIMITS.cardText) } : {}),
    programmingLanguage: facts.language,
    ...(facts.repositoryUrl ? { codeRepository: facts.repositoryUrl } : {}),
    dateModified,
  };
}
