// Loaded inside the real extension host by the activation benchmark (as its extensionTestsPath), in an editor where
// the release .vsix and the empty floor extension are installed. Waits until the editor has activated both the way
// it normally does (onStartupFinished), then reads their activation times as the editor itself reports them: the
// "Developer: Startup Performance" document (scheme `perf`), whose "Extension Activation Stats" table the workbench
// fills from its ActivationTimes (load code, call activate, finish activate). Also passes on the extension's own
// timer around activate(), a diagnostic figure only.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { parseActivationStats, type EditorActivationRow } from '../activationStats';

const NATURAL_ACTIVATION_WAIT_MS = 90_000;
const TABLE_WAIT_MS = 60_000;
const PERF_URI = vscode.Uri.from({ scheme: 'perf', path: 'Startup Performance' });

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function waitUntilActive(ids: readonly string[]): Promise<void> {
  const deadline = Date.now() + NATURAL_ACTIVATION_WAIT_MS;
  for (;;) {
    const inactive = ids.filter((id) => vscode.extensions.getExtension(id)?.isActive !== true);
    if (inactive.length === 0) return;
    if (Date.now() > deadline) throw new Error(`the editor did not activate ${inactive.join(', ')} within 90 s`);
    await sleep(50);
  }
}

/** The perf document, once its activation table lists every extension asked for. */
async function readStats(ids: readonly string[]): Promise<{ rows: EditorActivationRow[]; text: string }> {
  await vscode.commands.executeCommand('perfview.show');
  const deadline = Date.now() + TABLE_WAIT_MS;
  for (;;) {
    const document =
      vscode.workspace.textDocuments.find((candidate) => candidate.uri.scheme === 'perf') ??
      (await vscode.workspace.openTextDocument(PERF_URI));
    const text = document.getText();
    const rows = parseActivationStats(text);
    const wanted = rows.filter((row) => ids.some((id) => id.toLowerCase() === row.extensionId.toLowerCase()));
    if (wanted.length === ids.length) return { rows: wanted, text };
    if (Date.now() > deadline) throw new Error(`no activation stats for ${ids.join(', ')} in the perf document:\n${text}`);
    await sleep(200);
  }
}

export async function run(): Promise<void> {
  const resultFile = process.env.AF_BENCH_RESULT;
  const ids = (process.env.AF_BENCH_EXTENSIONS ?? '').split(',').filter((id) => id !== '');
  if (!resultFile || ids.length === 0) throw new Error('AF_BENCH_RESULT and AF_BENCH_EXTENSIONS must be set');
  for (const id of ids) if (!vscode.extensions.getExtension(id)) throw new Error(`${id} is not installed`);
  await waitUntilActive(ids);
  const { rows, text } = await readStats(ids);
  const own = vscode.extensions.getExtension(ids[0] ?? '')?.exports as { activationMs?: unknown } | undefined;
  const locations = Object.fromEntries(
    ids.map((id) => {
      const extension = vscode.extensions.getExtension(id);
      const main = (extension?.packageJSON as { main?: unknown } | undefined)?.main;
      return [id, { path: extension?.extensionUri.fsPath, main }];
    }),
  );
  fs.writeFileSync(
    resultFile,
    JSON.stringify({
      rows,
      selfReportedActivationMs: typeof own?.activationMs === 'number' ? own.activationMs : undefined,
      locations,
      perfDocument: text,
    }),
  );
}
