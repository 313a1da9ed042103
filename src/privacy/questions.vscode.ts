// The question a workspace asking for a looser privacy level gets: shown once per window, naming the level; the answer
// is kept per workspace and folder (src/privacy/overrides.ts) until revoked from the Command Palette.
import { Uri, workspace as vscodeWorkspace } from 'vscode';
import { readRepository } from '../git/readRepository';
import type { Logger } from '../platform/ports';
import { privacyIdentity, settingsFileOf } from './identity';
import type { PrivacyAsk, PrivacyOverrides } from './overrides';
import { type Shown, joinShown, say } from '../text/shown';
import { showInformation, showWarning } from '../platform/show.vscode';
import type { PrivacyQuestion } from './workspacePrivacy.vscode';

export class PrivacyQuestions {
  private readonly asked = new Set<string>();

  constructor(
    private readonly overrides: PrivacyOverrides,
    private readonly log: Logger,
  ) {
    // Grants are checked against what asks now, which takes the repository reader this bundle brings.
    overrides.identifyWith(identityNow);
  }

  ask({ request, owners, floor }: PrivacyQuestion): void {
    const owner = request.scope === 'folder' ? owners.folder : owners.workspace;
    if (owner === undefined) return;
    const identity = identityNow({ owner, level: request.level });
    const granted = this.overrides.grantedIdentity(owner);
    // Sent before this bundle loaded, when no grant could be checked: the grant may hold after all.
    if (granted === identity) return;
    const key = `${owner} ${identity}`;
    if (this.asked.has(key)) return;
    this.asked.add(key);
    // A grant naming other settings or another repository (one cloned or unpacked at this path since) does not apply.
    const changed = granted !== undefined;
    if (changed) this.log.warn(`Privacy: the repository or the settings at ${owner} changed since a looser level was allowed.`);
    this.log.warn(
      `Privacy: the ${request.scope} settings of ${owner} ask for "${request.level}", looser than your "${floor}"; "${request.applied}" applies until you allow it.`,
    );
    const allow = say('Allow "{0}" Here', request.level);
    const keep = say('Keep "{0}"', request.applied);
    const name = vscodeWorkspace.getWorkspaceFolder(Uri.parse(owner))?.name ?? vscodeWorkspace.name ?? owner;
    // The folder's name comes from the repository (a .code-workspace names its folders): it crosses the boundary
    // as a placeholder's value, so it shows as words, never as a link.
    const question = say(
      'Activity Feed: the settings of "{0}" ask for the privacy level "{1}", which shares more than your own level "{2}". Its files are published at "{3}" unless you allow "{1}" for it.',
      name,
      request.level,
      floor,
      request.applied,
    );
    void showWarning(changed ? joinShown(question, changedNote()) : question, allow, keep).then(async (pick) => {
      if (pick !== allow) return;
      await this.overrides.grant(owner, identity);
      this.log.info(`Privacy: "${request.level}" allowed for ${owner}.`);
    });
  }

  /** Forgets every confirmation of this window's workspace and folders. Resolves with how many there were. */
  async revoke(): Promise<number> {
    const owners = [
      vscodeWorkspace.workspaceFile?.toString(),
      ...(vscodeWorkspace.workspaceFolders ?? []).map((folder) => folder.uri.toString()),
    ];
    const revoked = await this.overrides.revoke(owners.filter((owner): owner is string => owner !== undefined));
    this.asked.clear();
    this.log.info(`Privacy: ${revoked} workspace override(s) revoked.`);
    void showInformation(
      revoked > 0
        ? say('Activity Feed: this workspace now uses your own privacy level again (or a stricter one its settings ask for).')
        : say('Activity Feed: this workspace has no privacy override to revoke.'),
    );
    return revoked;
  }
}

/** The identity of an ask now: its settings file, and the remote of the repository holding that file on disk. */
function identityNow({ owner, level }: PrivacyAsk): string {
  const settingsFile = settingsFileOf(owner);
  const uri = Uri.parse(settingsFile);
  const remoteUrl = uri.scheme === 'file' ? readRepository(uri.fsPath)?.remoteUrl : undefined;
  return privacyIdentity({ path: owner, settingsFile, level, remoteUrl });
}

/** Said after the question when the grant kept for this path named other settings or another repository. */
function changedNote(): Shown {
  return say('The repository at this path, or its settings, changed since you allowed a looser level for it.');
}
