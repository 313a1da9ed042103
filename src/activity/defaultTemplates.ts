// The texts each privacy level shows unless the user configures others. Each uses only what its level discloses.
import type { PrivacyLevel } from '../privacy/disclosure';
import type { ActivityTemplates } from './types';

export const DEFAULT_TEMPLATES: Record<PrivacyLevel, Required<ActivityTemplates>> = {
  full: { displayText: '${fileName}', description: '${relativePath} · ${workspace} · ${branch}' },
  noRepository: { displayText: '${fileName}', description: '${relativePath} · ${workspace}' },
  fileNameOnly: { displayText: '${fileName}', description: '${language} · ${appName}' },
  private: { displayText: 'Editing a ${language} file', description: '${workspaceAlias}' },
};
