// The question a workspace asking for a looser privacy level gets: shown once per window, naming the level; the answer
// is kept per workspace and folder (src/privacyOverrides.ts) until revoked from the Command Palette.
import { Uri, l10n, window, workspace as vscodeWorkspace } from 'vscode';
import type { Logger } from '../ports';
import type { PrivacyOverrides } from '../privacyOverrides';
import type { PrivacyQuestion } from './workspacePrivacy';

export class PrivacyQuestions {
  private readonly asked = new Set<string>();

  constructor(
    private readonly overrides: PrivacyOverrides,
    private readonly log: Logger,
  ) {}

  ask({ request, owners, floor }: PrivacyQuestion): void {
    const owner = request.scope === 'folder' ? owners.folder : owners.workspace;
    if (owner === undefined) return;
    const key = `${owner} ${request.level}`;
    if (this.asked.has(key)) return;
    this.asked.add(key);
    this.log.warn(
      `Privacy: the ${request.scope} settings of ${owner} ask for "${request.level}", looser than your "${floor}"; "${request.applied}" applies until you allow it.`,
    );
    const allow = l10n.t('Allow "{0}" Here', request.level);
    const keep = l10n.t('Keep "{0}"', request.applied);
    const name = vscodeWorkspace.getWorkspaceFolder(Uri.parse(owner))?.name ?? vscodeWorkspace.name ?? owner;
    void window
      .showWarningMessage(
        l10n.t(
          'Activity Feed: the settings of "{0}" ask for the privacy level "{1}", which shares more than your own level "{2}". Its files are published at "{3}" unless you allow "{1}" for it.',
          name,
          request.level,
          floor,
          request.applied,
        ),
        allow,
        keep,
      )
      .then(async (pick) => {
        if (pick !== allow) return;
        await this.overrides.grant(owner, request.level);
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
    void window.showInformationMessage(
      revoked > 0
        ? l10n.t('Activity Feed: this workspace now uses your own privacy level again (or a stricter one its settings ask for).')
        : l10n.t('Activity Feed: this workspace has no privacy override to revoke.'),
    );
    return revoked;
  }
}
