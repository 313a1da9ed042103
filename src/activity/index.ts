// The activity mapper's public surface.
export type { ActivityInput, ActivityTemplates, GitInfo, MappingOptions } from './types';
export type { PrivacyLevel } from './privacy';
export { PRIVACY_LEVELS, isPrivacyLevel } from './privacy';
export { mapToActivity } from './mapToActivity';
export { buildActivityPayloads, splitActivity } from './payloads';
export type { ValidationOptions, ValidationProblem } from './validate';
export { PayloadValidationError, validateUserActivity, assertValidUserActivity, SERVER_SET_FIELDS } from './validate';
export type { OptionsReport } from './options';
export { InvalidMappingOptionsError, checkMappingOptions, MIN_ID_KEY_BYTES } from './options';
export { encodeRfc2396, activityRequestPath } from '../text/percentEncoding';
export {
  DEFAULT_ACTIVITY_SOURCE_HOST,
  activitySourceHostProblems,
  isValidActivitySourceHost,
  normalizeActivitySourceHost,
} from './activitySourceHost';
export { EXTENSION_ID, OPEN_ACTIVITY_PATH, buildHandlerActivationUrl } from './activationUrl';
export type { TemplateVariable } from './template';
export { TEMPLATE_VARIABLES, parseTemplate, renderTemplate } from './template';
export { DEFAULT_TEMPLATES } from './defaultTemplates';
export { LIMITS } from './limits';
export { resolveTimezone, isIanaTimezone } from './timezone';
export type { GitHostKind, GitRemote } from './gitRemote';
export { parseGitRemote, normalizeRemoteUrl } from './gitRemote';
