// The person's side of signing in: choosing a way, showing the device code with a copy-and-open action, progress
// that can be cancelled, and clear words when something is missing or fails.
import * as vscode from 'vscode';
import type { AccountManager, AuthState, SignInFlow } from '../auth/accountManager';
import type { Logger } from '../log';
import type { SignInMethod } from '../settings';

export const WALKTHROUGH_ID = 'activityFeed.getStarted';

export interface SignInUiDeps {
  accounts: AccountManager;
  method: () => SignInMethod;
  log: Logger;
  extensionId: string;
}

/** The browser flow opens a browser and listens on localhost: only right when the extension runs on the desktop. */
export function browserFlowAvailable(): boolean {
  return vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined;
}

export async function showClientIdHelp(extensionId: string): Promise<void> {
  const pick = await vscode.window.showWarningMessage(
    'Activity Feed needs your own Microsoft app registration before it can sign in. Register a public-client app with the delegated Graph permission UserActivity.ReadWrite.CreatedByApp, then put its Application (client) ID in the setting "Activity Feed › Auth: Client Id".',
    'Open Walkthrough',
    'Open Setting',
  );
  if (pick === 'Open Walkthrough') await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#${WALKTHROUGH_ID}`, false);
  if (pick === 'Open Setting') await vscode.commands.executeCommand('workbench.action.openSettings', 'activityFeed.auth.clientId');
}

async function chooseFlow(method: SignInMethod): Promise<SignInFlow | undefined> {
  if (method !== 'auto') return method;
  const items: (vscode.QuickPickItem & { flow: SignInFlow })[] = [
    { flow: 'vscode', label: '$(account) Microsoft account of the editor', detail: 'Uses the editor’s Accounts menu; works in remote windows too.' },
    { flow: 'deviceCode', label: '$(key) Device code', detail: 'Enter a short code on any device’s browser; works everywhere.' },
  ];
  if (browserFlowAvailable()) items.push({ flow: 'browser', label: '$(globe) Browser on this computer', detail: 'Opens your browser for a sign-in page.' });
  const pick = await vscode.window.showQuickPick(items, { title: 'Activity Feed: Sign In', placeHolder: 'How do you want to sign in to Microsoft Graph?' });
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
    void vscode.window.showWarningMessage('Browser sign-in works only when the extension runs on your desktop. Use the device code or the editor’s Microsoft account instead.');
    return deps.accounts.state;
  }
  try {
    const state = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Activity Feed: signing in to Microsoft Graph', cancellable: true },
      async (progress, cancellation) => {
        const abort = new AbortController();
        const subscription = cancellation.onCancellationRequested(() => abort.abort());
        try {
          return await deps.accounts.signIn(flow, {
            signal: abort.signal,
            onDeviceCode: (info) => {
              progress.report({ message: `enter the code ${info.userCode} at ${info.verificationUri}` });
              deps.log.info(`Device code sign-in started; enter the code shown in the notification at ${info.verificationUri}.`);
              void offerDeviceCode(info.userCode, info.verificationUri);
            },
          });
        } finally {
          subscription.dispose();
        }
      },
    );
    if (state.kind === 'signedIn') void vscode.window.showInformationMessage(`Activity Feed: signed in as ${state.username}.`);
    return state;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    deps.log.warn(`Sign-in failed: ${message}`);
    void vscode.window.showErrorMessage(`Activity Feed: sign-in failed: ${message}`, 'Try Again', 'Show Log').then((pick) => {
      if (pick === 'Try Again') void vscode.commands.executeCommand('activityFeed.signIn');
      if (pick === 'Show Log') deps.log.show();
    });
    return deps.accounts.state;
  }
}

async function offerDeviceCode(userCode: string, verificationUri: string): Promise<void> {
  const action = 'Copy Code and Open Browser';
  const pick = await vscode.window.showInformationMessage(`To sign in, enter the code ${userCode} at ${verificationUri}`, action);
  if (pick !== action) return;
  await vscode.env.clipboard.writeText(userCode);
  await vscode.env.openExternal(vscode.Uri.parse(verificationUri));
}

export async function signOutCommand(deps: SignInUiDeps): Promise<AuthState> {
  const state = await deps.accounts.signOut();
  void vscode.window.showInformationMessage('Activity Feed: signed out. Its tokens were removed from this machine; sessions stay queued until you sign in again.');
  return state;
}
