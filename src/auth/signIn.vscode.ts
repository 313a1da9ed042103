// The person's side of signing in: choosing a way, showing the device code with a copy-and-open action, progress
// that can be cancelled, and clear words when something is missing or fails.
import { ProgressLocation, UIKind, Uri, commands, env } from 'vscode';
import type { AccountManager, AuthState, SignInFlow } from './accountManager';
import type { ChannelLogger } from '../platform/log.vscode';
import type { SignInMethod } from '../settings/validSettings';
import { shownError, shownText } from '../text/shownText';
import { type ShownPickItem, choose, showError, showInformation, showWarning, withProgress } from '../platform/show.vscode';
import { icon, joinShown, say } from '../text/shown';

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
  const openWalkthrough = say('Open Walkthrough');
  const openSetting = say('Open Setting');
  const pick = await showWarning(
    say(
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
  const items: (ShownPickItem & { flow: SignInFlow })[] = [
    {
      flow: 'vscode',
      label: joinShown(icon('account'), say('Microsoft account of the editor')),
      detail: say('Uses the editor’s Accounts menu; works in remote windows too.'),
    },
    {
      flow: 'deviceCode',
      label: joinShown(icon('key'), say('Device code')),
      detail: say('Enter a short code on any device’s browser; works everywhere.'),
    },
  ];
  if (browserFlowAvailable())
    items.push({
      flow: 'browser',
      label: joinShown(icon('globe'), say('Browser on this computer')),
      detail: say('Opens your browser for a sign-in page.'),
    });
  const pick = await choose(items, {
    title: say('Activity Feed: Sign In'),
    placeHolder: say('How do you want to sign in to Microsoft Graph?'),
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
    void showWarning(
      say(
        'Browser sign-in works only when the extension runs on your desktop. Use the device code or the editor’s Microsoft account instead.',
      ),
    );
    return deps.accounts.state;
  }
  try {
    const state = await withProgress(
      {
        location: ProgressLocation.Notification,
        title: say('Activity Feed: signing in to Microsoft Graph'),
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
                message: say('enter the code {0} at {1}', shownText(info.userCode, 64), shownText(info.verificationUri, 200)),
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
    if (state.kind === 'signedIn') void showInformation(say('Activity Feed: signed in as {0}.', shownText(state.username, 200)));
    return state;
  } catch (error) {
    deps.log.warn(`Sign-in failed: ${error instanceof Error ? error.message : String(error)}`);
    const tryAgain = say('Try Again');
    const showLog = say('Show Log');
    void showError(say('Activity Feed: sign-in failed: {0}', shownError(error)), tryAgain, showLog).then((pick) => {
      if (pick === tryAgain) void commands.executeCommand('activityFeed.signIn');
      if (pick === showLog) deps.log.show();
    });
    return deps.accounts.state;
  }
}

async function offerDeviceCode(userCode: string, verificationUri: string): Promise<void> {
  const action = say('Copy Code and Open Browser');
  const pick = await showInformation(
    say('To sign in, enter the code {0} at {1}', shownText(userCode, 64), shownText(verificationUri, 200)),
    action,
  );
  if (pick !== action) return;
  await env.clipboard.writeText(userCode);
  await env.openExternal(Uri.parse(verificationUri));
}

export async function signOutCommand(deps: SignInUiDeps): Promise<AuthState> {
  const state = await deps.accounts.signOut();
  void showInformation(
    say('Activity Feed: signed out. Its tokens were removed from this machine; sessions stay queued until you sign in again.'),
  );
  return state;
}
