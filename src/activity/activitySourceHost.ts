// activitySourceHost names the domain whose root serves `cross-platform-app-identifiers`.
import { quoteSettingValue } from '../text/settingValue';

/**
 * Default for users who own no domain: the publisher's GitHub Pages domain. Without ownership of the domain,
 * Graph attributes the activities only to the app (client id) that made the call, which is enough to read
 * them back through Graph.
 */
export const DEFAULT_ACTIVITY_SOURCE_HOST = 'https://activity-feed.github.io';

const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Problems with a value, empty when it is an `https://` origin of a domain name with nothing else. */
export function activitySourceHostProblems(value: string): string[] {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([/?#].*)?$/s.exec(value);
  if (!match) return ['must be an absolute https URL such as https://contoso.com'];
  const [, scheme = '', authority = '', rest = ''] = match;
  const problems: string[] = [];
  if (scheme !== 'https') problems.push('must use https');
  if (authority.includes('@')) problems.push('must not contain credentials');
  if (rest !== '') problems.push('must have no path, query or fragment (not even a trailing slash)');
  if (/:\d*$/.test(authority)) problems.push('must have no port: the identity file is read from the domain root');
  const host = authority.slice(authority.lastIndexOf('@') + 1).replace(/:\d*$/, '');
  if (host !== host.toLowerCase()) problems.push('must be lowercase');
  const labels = host.split('.');
  if (
    host.length > 253 ||
    labels.length < 2 ||
    !labels.every((label) => DOMAIN_LABEL.test(label)) ||
    /^\d+$/.test(labels[labels.length - 1] ?? '')
  ) {
    problems.push(`${quoteSettingValue(host)} is not a domain name (IP addresses and single-label hosts are not domains)`);
  }
  return problems;
}
