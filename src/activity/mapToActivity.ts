// A file and its sessions → the userActivity body for PUT /me/activities/{appActivityId}.
import type { UserActivityRequest, VisualInfo } from '../graph/types';
import { buildFileActivationUrl, buildHandlerActivationUrl } from '../links/activationUrl';
import { buildAdaptiveCard, cardDateTime } from './adaptiveCard';
import { fileIdentity, privateAppActivityId, readableAppActivityId } from './appActivityId';
import { buildContentInfo, workspaceTag } from './contentInfo';
import { inWindow, parseDocumentLocation } from '../links/documentLocation';
import { discloseFacts, templateValues } from './facts';
import { buildFallbackUrl } from './fallbackUrl';
import { parseGitRemote, type GitRemote } from './gitRemote';
import { publishableSessions, toDateTimeOffset, toHistoryItems, totalActiveSeconds } from './historyItems';
import { LIMITS } from './limits';
import { checkMappingOptions, InvalidMappingOptionsError } from './options';
import { disclosureFor } from '../privacy/disclosure';
import { effectiveTemplate, renderText } from './renderText';
import { resolveTimezone } from './timezone';
import { truncateText } from '../text/truncate';
import type { ActivityInput, MappingOptions } from './types';
import { assertValidUserActivity } from './validate';

/**
 * Throws InvalidMappingOptionsError for unusable options and PayloadValidationError if the result would break
 * the contract. The result carries every publishable session as a history item (sessions of never-saved buffers
 * or excluded files are dropped); see buildActivityPayloads to send it.
 */
export function mapToActivity(input: ActivityInput, options: MappingOptions): UserActivityRequest {
  const { errors } = checkMappingOptions(options);
  if (errors.length > 0) throw new InvalidMappingOptionsError(errors);

  const sessions = publishableSessions(input.sessions);
  const disclosure = disclosureFor(options.privacy);
  const location = inWindow(parseDocumentLocation(input.documentUri), options.remoteAuthority);
  const remote = input.git?.remoteUrl ? parseGitRemote(input.git.remoteUrl, options.gitHosts) : undefined;
  const identity = fileIdentity({ location, remote, repoRelativePath: input.git?.repoRelativePath });
  const appActivityId =
    options.privacy === 'full' ? readableAppActivityId(identity) : privateAppActivityId(identity, options.idKey);

  const directUrl = disclosure.directories ? buildFileActivationUrl(location, input.cursor, options.uriScheme) : undefined;
  const activationUrl =
    directUrl && directUrl.length <= LIMITS.url
      ? directUrl
      : buildHandlerActivationUrl(options.uriScheme, appActivityId, options.extensionId);

  const fallbackUrl = disclosure.repository && remote ? fallbackUrlFor(input, remote) : undefined;

  const appName = truncateText(options.appName.trim(), LIMITS.appDisplayName);
  const workspaceAlias = options.workspaceAlias?.trim()
    ? truncateText(options.workspaceAlias.trim(), LIMITS.cardText)
    : undefined;
  const facts = discloseFacts({ input, location, remote, disclosure, appName, workspaceAlias });
  const values = templateValues(facts);
  const displayText =
    renderText(effectiveTemplate(options.templates?.displayText, 'displayText', options.privacy), values, LIMITS.displayText) ||
    `${facts.language} file`;
  const description = renderText(
    effectiveTemplate(options.templates?.description, 'description', options.privacy),
    values,
    LIMITS.description,
  );

  const userTimezone = resolveTimezone(options.timezone);
  const lastActiveAt = sessions.reduce((latest, session) => Math.max(latest, session.lastActiveAt), Number.NEGATIVE_INFINITY);
  const lastEdited = Number.isFinite(lastActiveAt) ? lastActiveAt : options.now;

  const visualElements: VisualInfo = {
    displayText,
    ...(description ? { description } : {}),
    ...(options.backgroundColor ? { backgroundColor: options.backgroundColor } : {}),
    ...attributionOf(options.iconUrl, appName),
    content: buildAdaptiveCard({
      title: displayText,
      ...(description ? { subtitle: description } : {}),
      facts,
      lastEdited: cardDateTime(lastEdited),
      activeSeconds: totalActiveSeconds(sessions),
      activationUrl,
    }),
  };

  const retention = options.keepDays ? { keepDays: options.keepDays, now: options.now } : undefined;
  const historyItems = toHistoryItems(sessions, userTimezone, retention);
  const activity: UserActivityRequest = {
    appActivityId,
    activitySourceHost: options.activitySourceHost,
    activationUrl,
    ...(fallbackUrl && fallbackUrl.length <= LIMITS.url ? { fallbackUrl } : {}),
    ...(appName ? { appDisplayName: appName } : {}),
    ...(userTimezone ? { userTimezone } : {}),
    visualElements,
    contentInfo: buildContentInfo(
      facts,
      toDateTimeOffset(lastEdited),
      workspaceTag(options.idKey, remote?.identity ?? input.workspaceFolderName),
    ),
    ...(historyItems.length > 0 ? { historyItems } : {}),
  };
  // Size is checked per request once the history items are split (buildActivityPayloads).
  assertValidUserActivity(activity, { enforcePayloadSize: false });
  return activity;
}

/** The file on its Git host's web site, at the commit (or branch) and line: for a device without the editor. */
function fallbackUrlFor(input: ActivityInput, remote: GitRemote): string | undefined {
  const git = input.git;
  if (!git?.repoRelativePath) return undefined;
  return buildFallbackUrl(remote, {
    repoRelativePath: git.repoRelativePath,
    commit: git.commit,
    branch: git.branch,
    line: input.cursor && input.cursor.cell === undefined ? input.cursor.line + 1 : undefined,
  });
}

/** The app's icon and name beside the card, when there is either. */
function attributionOf(iconUrl: string | undefined, appName: string): Pick<VisualInfo, 'attribution'> {
  if (!iconUrl && !appName) return {};
  return {
    attribution: {
      ...(iconUrl ? { iconUrl } : {}),
      ...(appName ? { alternateText: appName } : {}),
      addImageQuery: false,
    },
  };
}
