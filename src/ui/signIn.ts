// The person's side of signing in: choosing a way, showing the device code with a copy-and-open action, progress
// that can be cancelled, and clear words when something is missing or fails.
import { ProgressLocation, QuickPickItem, UIKind, Uri, commands, env, l10n, window } from 'vscode';
import type { AccountManager, AuthState, SignInFlow } from '../auth/accountManager';
import type { ChannelLogger } from '../log';
import type { SignInMethod } from '../settings';
import { shownError, shownText } from '../text/shownText';

export const WALKTHROUGH_ID = 'activityFeed.getStarted';

export interface SignInUiDeps {
  accounts: AccountManager;
  method: () => SignInMethod;
  log: ChannelLogger;
  extensionId: string;
}

/** The browser flow opens a browser and listens on localhost: only right when the extension runs on the desktop. */
export function browserFlowAvailable(): boolean {
  return env.uiKind === UIKind.Desktop && env.remoteName === undefined;
}

export async function showClientIdHelp(extensionId: string): Promise<void> {
  const openWalkthrough = l10n.t('Open Walkthrough');
  const openSetting = l10n.t('Open Setting');
  const pick = await window.showWarningMessage(
    l10n.t(
      'Activity Feed needs your own Microsoft app registration before it can sign in. Register a public-client app with the delegated Graph permission UserActivity.ReadWrite.CreatedByApp, then put its Application (client) ID in the setting "Activity Feed › Auth: Client Id".',
    ),
    openWalkthrough,
    openSetting,
  );
  if (pick === openWalkthrough)
    await commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#${WALKTHROUGH_ID}`, false);
  if (pick === openSetting) await commands.executeCommand('workbench.action.openSettings', 'activityFeed.auth.clientId');
}

async function chooseFlow(method: SignInMethod): Promise<SignInFlow | undefined> {
  if (method !== 'auto') return method;
  const items: (QuickPickItem & { flow: SignInFlow })[] = [
    {
      flow: 'vscode',
      label: `$(account) ${l10n.t('Microsoft account of the editor')}`,
      detail: l10n.t('Uses the editor’s Accounts menu; works in remote windows too.'),
    },
    {
      flow: 'deviceCode',
      label: `$(key) ${l10n.t('Device code')}`,
      detail: l10n.t('Enter a short code on any device’s browser; works everywhere.'),
    },
  ];
  if (browserFlowAvailable())
    items.push({
      flow: 'browser',
      label: `$(globe) ${l10n.t('Browser on this computer')}`,
      detail: l10n.t('Opens your browser for a sign-in page.'),
    });
  const pick = await window.showQuickPick(items, {
    title: l10n.t('Activity Feed: Sign In'),
    placeHolder: l10n.t('How do you want to sign in to Microsoft Graph?'),
  });
  return pick?.flow;
}

export async function signInCommand(deps: SignInUiDeps): Promise<AuthState> {
  if ((await deps.accounts.refresh()).kind === 'notConfigured') {
    await showClientIdHelp(deps.extensionId);
    return deps.accounts.state;
  }
  const flow = await chooseFlow(deps.method());
  if (!flow) return deps.accounts.state;
  if (flow === 'browser' && !browserFlowAvailable()) {
    void window.showWarningMessage(
      l10n.t(
        'Browser sign-in works only when the extension runs on your desktop. Use the device code or the editor’s Microsoft account instead.',
      ),
    );
    return deps.accounts.state;
  }
  try {
    const state = await window.withProgress(
      {
        location: ProgressLocation.Notification,
        title: l10n.t('Activity Feed: signing in to Microsoft Graph'),
        cancellable: true,
      },
      async (progress, cancellation) => {
        const abort = new AbortController();
        const subscription = cancellation.onCancellationRequested(() => abort.abort());
        try {
          return await deps.accounts.signIn(flow, {
            signal: abort.signal,
            onDeviceCode: (info) => {
              progress.report({
                message: l10n.t('enter the code {0} at {1}', shownText(info.userCode, 64), shownText(info.verificationUri, 200)),
              });
              deps.log.info(`Device code sign-in started; enter the code shown in the notification at ${info.verificationUri}.`);
              void offerDeviceCode(info.userCode, info.verificationUri);
            },
          });
        } finally {
          subscription.dispose();
        }
      },
    );
    if (state.kind === 'signedIn')
      void window.showInformationMessage(l10n.t('Activity Feed: signed in as {0}.', shownText(state.username, 200)));
    return state;
  } catch (error) {
    deps.log.warn(`Sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
    const tryAgain = l10n.t('Try Again');
    const showLog = l10n.t('Show Log');
    void window
      .showErrorMessage(l10n.t('Activity Feed: sign-in failed: {0}', shownError(error)), tryAgain, showLog)
      .then((pick) => {
        if (pick === tryAgain) void commands.executeCommand('activityFeed.signIn');
        if (pick === showLog) deps.log.show();
      });
    return deps.accounts.state;
  }
}

async function offerDeviceCode(userCode: string, verificationUri: string): Promise<void> {
  const action = l10n.t('Copy Code and Open Browser');
  const pick = await window.showInformationMessage(
    l10n.t('To sign in, enter the code {0} at {1}', shownText(userCode, 64), shownText(verificationUri, 200)),
    action,
  );
  if (pick !== action) return;
  await env.clipboard.writeText(userCode);
  await env.openExternal(Uri.parse(verificationUri));
}

export async function signOutCommand(deps: SignInUiDeps): Promise<AuthState> {
  const state = await deps.accounts.signOut();
  void window.showInformationMessage(
    l10n.t('Activity Feed: signed out. Its tokens were removed from this machine; sessions stay queued until you sign in again.'),
  );
  return state;
}
