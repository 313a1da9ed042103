// The demo's scripted editing session, run inside the real extension host: open files, type, switch, read,
// then hand the request plan to the driver (test/harness/demo.ts) and wait until it has taken its screenshots.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivityFeedApi } from '../../src/api';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function typeIn(relativePath: string, line: number, text: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the demo needs a workspace folder');
  const editor = await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, relativePath), { preview: false });
  const end = editor.document.lineAt(Math.min(line, editor.document.lineCount - 1)).range.end;
  editor.selection = new vscode.Selection(end, end);
  for (const character of text) {
    await vscode.commands.executeCommand('type', { text: character });
    await sleep(25);
  }
}

export async function run(): Promise<void> {
  const control = process.env.AF_DEMO_DIR;
  if (!control) throw new Error('AF_DEMO_DIR is not set');
  const extension = vscode.extensions.getExtension<ActivityFeedApi>('activity-feed.graph-activity-feed');
  if (!extension) throw new Error('the extension is not loaded');
  const api = await extension.activate();

  await typeIn('src/main.ts', 1, '\n  // tally the basket');
  await sleep(1500);
  await typeIn('src/util.ts', 0, '\nexport const question = "six times nine";');
  await sleep(1500);
  await typeIn('src/main.ts', 2, '\n  // and round it');
  await sleep(1000);

  const plan = api.planRequests();
  fs.writeFileSync(path.join(control, 'plan.json'), JSON.stringify({ plan, pending: api.tracking.pendingSessions() }, null, 2));
  fs.writeFileSync(path.join(control, 'ready'), '');
  const deadline = Date.now() + 5 * 60_000;
  while (!fs.existsSync(path.join(control, 'done')) && Date.now() < deadline) await sleep(200);
}
