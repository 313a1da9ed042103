// Runs a real VS Code (the server + web workbench of code-server 1.100) on loopback and drives it from headless
// Chromium through playwright-core. Used by the integration tier, the .vsix check, the demo and the benchmarks.
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, BrowserContext, Page } from 'playwright-core';

export const projectRoot = path.resolve(__dirname, '..', '..');
const CODE_SERVER_VERSION = '4.100.3';
const cacheDir = process.env.EDITOR_CACHE_DIR ?? path.join(projectRoot, '.cache', 'editor');
const codeServerBin = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', '.bin', 'code-server');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Installs the editor into the cache on first use (a few minutes), then returns at once. */
export function ensureEditorInstalled(): void {
  if (fs.existsSync(codeServerBin) && fs.existsSync(path.join(path.dirname(codeServerBin), '..', '..', '.installed'))) {
    return;
  }
  const result = spawnSync('bash', [path.join(projectRoot, 'scripts', 'install-editor.sh')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('could not install the editor (scripts/install-editor.sh failed)');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface EditorOptions {
  /** Folder opened as the workspace, or a `.code-workspace` file. */
  workspace: string;
  /** Scratch folder for this run (user data, extensions, browser profile, logs). Created if missing. */
  scratch: string;
  /** Loads this folder as the extension under development. */
  extensionDevelopmentPath?: string;
  /** Absolute path of the compiled test entry (exports `run()`) to run inside the extension host. */
  extensionTestsPath?: string;
  /** User settings written before start. */
  userSettings?: Record<string, unknown>;
  /** Extra environment for the server (and so the extension host). */
  env?: Record<string, string>;
  /** Lines of the extension host's console, as they come. */
  onLog?: (line: string) => void;
  /** Reuse this port (e.g. for a restart that must keep the same origin and browser storage). */
  port?: number;
}

export interface RunningEditor {
  readonly url: string;
  readonly port: number;
  readonly page: Page;
  readonly scratch: string;
  /** Resolves with the code the test runner reported (0 passed, 1 failed), if a test run was requested. */
  readonly testExit: Promise<number>;
  /** Logs of the server process (stdout+stderr). */
  serverLog(): string;
  /** Stops the browser and the server (the whole process group). */
  stop(): Promise<void>;
  /** Kills the extension host with SIGKILL (as a crash would). */
  killExtensionHost(): number[];
}

const defaultUserSettings = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'git.enabled': false,
};

export function scratchEnv(scratch: string): Record<string, string> {
  const env: Record<string, string> = {
    HOME: path.join(scratch, 'home'),
    XDG_CONFIG_HOME: path.join(scratch, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(scratch, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(scratch, 'xdg', 'cache'),
    TMPDIR: path.join(scratch, 'tmp'),
  };
  for (const dir of Object.values(env)) fs.mkdirSync(dir, { recursive: true });
  return env;
}

export function installExtension(vsix: string, scratch: string): string {
  ensureEditorInstalled();
  const env = { ...process.env, ...scratchEnv(scratch) };
  const result = spawnSync(
    codeServerBin,
    ['--extensions-dir', path.join(scratch, 'exts'), '--user-data-dir', path.join(scratch, 'ud'), '--install-extension', vsix],
    { env, encoding: 'utf8', timeout: 120_000 },
  );
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`--install-extension failed (${result.status}): ${output}`);
  return output;
}

async function waitForHealth(url: string, server: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`code-server exited early (${server.exitCode}):\n${log()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not become healthy in ${timeoutMs} ms:\n${log()}`);
}

export async function startEditor(options: EditorOptions): Promise<RunningEditor> {
  ensureEditorInstalled();
  const scratch = path.resolve(options.scratch);
  const userData = path.join(scratch, 'ud');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...defaultUserSettings, ...options.userSettings }, null, 2),
  );
  fs.writeFileSync(path.join(scratch, 'config.yaml'), 'auth: none\ncert: false\n');
  const port = options.port ?? (await freePort());
  const host = `127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...scratchEnv(scratch),
    // No gallery: this machine has no internet, and a test must never reach beyond loopback.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items' }),
    ...options.env,
  };
  delete env.VSCODE_IPC_HOOK_CLI;

  let serverOutput = '';
  const server = spawn(
    codeServerBin,
    [
      '--bind-addr',
      host,
      '--auth',
      'none',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      path.join(scratch, 'exts'),
      '--config',
      path.join(scratch, 'config.yaml'),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      options.workspace,
    ],
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const collect = (chunk: Buffer) => {
    serverOutput += chunk.toString();
    if (serverOutput.length > 2_000_000) serverOutput = serverOutput.slice(-1_000_000);
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  const url = `http://${host}`;

  const stopServer = () => {
    if (server.pid && server.exitCode === null) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };

  let context: BrowserContext | undefined;
  try {
    await waitForHealth(url, server, () => serverOutput);

    const profile = path.join(scratch, 'browser-profile');
    fs.mkdirSync(profile, { recursive: true });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 800 },
      // The timesheet's Markdown goes to the clipboard; the browser lets the editor read it back only with these.
      permissions: ['clipboard-read', 'clipboard-write'],
      // Chromium puts its singleton socket under TMPDIR, and a Unix socket path must stay under 108 bytes: a short
      // temporary folder keeps deep checkouts working.
      env: {
        ...process.env,
        ...scratchEnv(path.join(scratch, 'browser')),
        TMPDIR: fs.mkdtempSync(path.join(os.tmpdir(), 'afb-')),
      },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());

    let settle: (code: number) => void = () => undefined;
    const testExit = new Promise<number>((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      options.onLog?.(format(...(Array.isArray(args) ? args : [args])).replace(/\n$/, ''));
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));

    // A `.code-workspace` file opens as a (multi-root) workspace, anything else as a folder.
    const query = new URLSearchParams(
      options.workspace.endsWith('.code-workspace') ? { workspace: options.workspace } : { folder: options.workspace },
    );
    const payload: [string, string][] = [];
    if (options.extensionDevelopmentPath) {
      payload.push(['extensionDevelopmentPath', `vscode-remote://${host}${path.resolve(options.extensionDevelopmentPath)}`]);
    }
    if (options.extensionTestsPath) {
      payload.push(['extensionTestsPath', `vscode-remote://${host}${path.resolve(options.extensionTestsPath)}`]);
    }
    if (payload.length > 0) query.set('payload', JSON.stringify(payload));
    await page.goto(`${url}/?${query.toString()}`);

    const browser = context;
    return {
      url,
      port,
      page,
      scratch,
      testExit,
      serverLog: () => serverOutput,
      killExtensionHost: () => killExtensionHosts(server.pid),
      stop: async () => {
        await browser.close().catch(() => undefined);
        stopServer();
        await new Promise((r) => setTimeout(r, 300));
        if (server.pid && server.exitCode === null) {
          try {
            process.kill(-server.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    stopServer();
    throw error;
  }
}

/** Process ids of the extension hosts below a server process group, killed with SIGKILL. */
function killExtensionHosts(serverPid: number | undefined): number[] {
  if (!serverPid) return [];
  const ps = spawnSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' });
  const victims: number[] = [];
  for (const line of ps.stdout.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [, pid, pgid, args] = match;
    if (Number(pgid) === serverPid && /extensionHost|--type=extensionHost/.test(args)) {
      process.kill(Number(pid), 'SIGKILL');
      victims.push(Number(pid));
    }
  }
  return victims;
}

/** Runs a command from the palette the way a person does: F1, type its title, Enter. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}
