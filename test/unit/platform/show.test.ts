// The one way text reaches a person (src/text/shown.ts and src/platform/show.vscode.ts), against a fake editor that records every
// call: whatever hostile text goes in (command and javascript: links, markdown, bidi and control characters, runs of
// `[`, `\"`, backslashes and quotes, up to 1 MB), every surface receives text that is inert, one line where it must
// be, bounded, and produced in time linear in the input.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ARGUMENT_LENGTH,
  MESSAGE_LENGTH,
  type Shown,
  joinShown,
  outside,
  outsideMarkdown,
  say,
  sayMarkdown,
} from '../../../src/text/shown';
import type * as ShowModule from '../../../src/platform/show.vscode';
import { useFakeVscode } from '../../support/vscodeFake';

/** Every text an editor surface received, by surface. */
const received: { surface: string; text: string; markdown: boolean }[] = [];
const record = (surface: string, text: unknown, markdown = false) => {
  if (typeof text === 'string') received.push({ surface, text, markdown });
};

class FakeMarkdownString {
  isTrusted: boolean | undefined;
  supportHtml: boolean | undefined;
  constructor(
    readonly value: string,
    readonly supportThemeIcons?: boolean,
  ) {
    record('markdown', value, true);
  }
}

class FakeTreeItem {
  description?: string;
  tooltip?: unknown;
  constructor(
    readonly label: string,
    readonly collapsibleState: number,
  ) {
    record('tree label', label);
  }
}

const fakeItem = {
  set text(value: string) {
    record('status text', value);
  },
  set tooltip(value: unknown) {
    record('status tooltip', value);
  },
  set accessibilityInformation(value: { label: string }) {
    record('status accessibility', value.label);
  },
  name: '',
  command: '',
  backgroundColor: undefined as unknown,
  show() {},
  dispose() {},
};

const fakeVscode = {
  window: {
    showInformationMessage: (message: string, ...items: string[]) => {
      record('information', message);
      items.forEach((item) => record('information action', item));
      return Promise.resolve(undefined);
    },
    showWarningMessage: (message: string, ...rest: unknown[]) => {
      record('warning', message);
      for (const item of rest) {
        if (typeof item === 'string') record('warning action', item);
        else record('modal detail', (item as { detail?: string }).detail);
      }
      return Promise.resolve(undefined);
    },
    showErrorMessage: (message: string, ...items: string[]) => {
      record('error', message);
      items.forEach((item) => record('error action', item));
      return Promise.resolve(undefined);
    },
    showQuickPick: (items: { label: string; description?: string; detail?: string }[], options: Record<string, string>) => {
      for (const item of items) {
        record('pick label', item.label);
        record('pick description', item.description);
        record('pick detail', item.detail);
      }
      record('pick title', options.title);
      record('pick placeholder', options.placeHolder);
      return Promise.resolve(undefined);
    },
    withProgress: (options: { title?: string }, task: (progress: { report(v: { message?: string }): void }) => unknown) => {
      record('progress title', options.title);
      return Promise.resolve(task({ report: (value) => record('progress message', value.message) }));
    },
    setStatusBarMessage: (message: string) => {
      record('status message', message);
      return { dispose() {} };
    },
    createStatusBarItem: () => fakeItem,
  },
  MarkdownString: FakeMarkdownString,
  TreeItem: FakeTreeItem,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ThemeColor: class {
    constructor(readonly id: string) {}
  },
  ProgressLocation: { Notification: 15 },
};

let show: typeof ShowModule;

/** Drives one outside value through every surface src/platform/show.vscode.ts offers, each with a message around it. */
async function throughEverySurface(value: string): Promise<void> {
  const message = say('Activity Feed could not open {0}: {1}', value, value);
  const alone = outside(value);
  await show.showInformation(message, alone);
  await show.showWarning(joinShown(message, alone), alone);
  await show.showError(message, say('Retry'));
  await show.askModal(message, say('The settings of "{0}" ask for more.', value), alone);
  await show.choose([{ label: alone, description: message, detail: alone }], { title: alone, placeHolder: message });
  await show.withProgress({ location: 15, title: alone }, (progress) => {
    progress.report({ message: message });
    return Promise.resolve();
  });
  show.flashStatus(message, 1_000);
  const item = show.treeItem({
    label: alone,
    description: message,
    tooltip: [outsideMarkdown(value), sayMarkdown('Account: {0}', value)],
  });
  assert.ok(item);
  show.treeItem({ label: message, tooltip: alone });
  const status = new show.StatusItem('id', alone, 'command');
  status.show({ text: message, tooltip: [outsideMarkdown(value)], accessibilityLabel: alone });
  status.show({ text: alone, tooltip: message, accessibilityLabel: message });
}

/** Markdown link or autolink with a scheme that runs something, in plain text or escaped markdown. */
// An autolink holds no space, so a scheme the boundary broke with one (`<command: x`) is no longer a link.
const LIVE_LINK = /\]\(|<(?:command|javascript|vbscript|data|vscode|file):(?! )/i;
const ACTIVE_SCHEME = /\b(?:command|javascript|vbscript|data|vscode|vscode-insiders|file):(?! )/i;
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- the characters the boundary must remove
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

function assertInert(entry: { surface: string; text: string; markdown: boolean }, input: string): void {
  const where = `${entry.surface} for input of ${input.length} characters: ${JSON.stringify(entry.text.slice(0, 120))}`;
  assert.ok(!INVISIBLE.test(entry.text), `invisible character on ${where}`);
  if (entry.markdown) {
    // Markdown: every `[`, `]`, `(`, `<` from outside is escaped, so no unescaped link opener survives.
    assert.ok(!/(?<!\\)\[[^\]]*(?<!\\)\]\(/.test(entry.text), `live markdown link on ${where}`);
    assert.ok(!/(?<!\\)<[a-z]+:/i.test(entry.text), `autolink on ${where}`);
  } else {
    assert.ok(!/[\r\n\u0085\u2028\u2029]/.test(entry.text), `line break on ${where}`);
    assert.ok(!LIVE_LINK.test(entry.text), `live link on ${where}`);
    assert.ok(!ACTIVE_SCHEME.test(entry.text), `active scheme on ${where}`);
    assert.ok(entry.text.length <= MESSAGE_LENGTH + ARGUMENT_LENGTH * 2, `unbounded text on ${where}`);
  }
}

const hostilePieces = [
  '[Keep my privacy level](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)',
  '[x](javascript:alert(1))',
  '<command:workbench.action.openSettings>',
  'JAVASCRIPT:void(0)',
  '\u202Egnp.exe\u202C',
  '\u0000\u0007\u001B[31m',
  '\r\n\u2028\u2029\u0085',
  '[',
  ']',
  '(',
  '\\"',
  '\\',
  '"',
  "'",
  '`',
  '**bold** _it_ # h',
  'token=\\"',
  'Bearer abc.def.ghi',
  'eyJhbGciOi.eyJzdWIiOi.sig',
  '\uD800',
  'x',
];

const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...hostilePieces), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 })), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

describe('the text boundary: every surface shows only inert text', () => {
  useFakeVscode(fakeVscode, __filename, (requireHere) => {
    show = requireHere('../../../src/platform/show.vscode') as typeof ShowModule;
  });
  beforeEach(() => (received.length = 0));

  it('generated hostile values reach every surface inert, one line and bounded', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (value) => {
        received.length = 0;
        await throughEverySurface(value);
        const surfaces = new Set(received.map((entry) => entry.surface));
        assert.ok(surfaces.size >= 15, `every surface was called (${[...surfaces].join(', ')})`);
        for (const entry of received) assertInert(entry, value);
      }),
      { numRuns: 1000 },
    );
  });

  it('the reported folder name shows as words, not a link', async () => {
    const name = '[Keep my privacy level](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22x%22%7D)';
    await show.showWarning(say('Activity Feed: the settings of "{0}" ask for the privacy level "{1}".', name, 'full'));
    const [warning] = received;
    assert.equal(warning.surface, 'warning');
    assert.ok(warning.text.includes('Keep my privacy level'), warning.text);
    assertInert(warning, name);
  });

  it('a link cannot be put together from an argument and the message around it', () => {
    // The message ends with `]` before its argument; the argument starts with `(command:…)`.
    const shown: Shown = say('Open [{0}]{1}', 'x', '(command:evil)');
    assert.ok(!LIVE_LINK.test(shown), shown);
    assert.ok(!ACTIVE_SCHEME.test(shown), shown);
  });

  for (const [name, piece] of [
    ['runs of [', '['],
    ['escaped quotes after token=', 'token=\\"'],
    ['backslashes', '\\'],
    ['command links', '[a](command:x)'],
    ['bidi overrides', '\u202E'],
  ] as const) {
    it(`1 MB of ${name} crosses every surface in linear time`, async () => {
      const small = piece.repeat(Math.ceil(16_384 / piece.length));
      const large = piece.repeat(Math.ceil(1_048_576 / piece.length));
      const timeOf = async (value: string) => {
        let best = Infinity;
        for (let i = 0; i < 3; i++) {
          const started = process.hrtime.bigint();
          await throughEverySurface(value);
          best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
        }
        return best;
      };
      const smallMs = await timeOf(small);
      const largeMs = await timeOf(large);
      // 64 times the input: linear work grows about 64-fold at most (arguments are cut before any pattern runs,
      // so it grows far less); quadratic work grows 4,096-fold. The floor keeps timer noise on a busy machine out.
      assert.ok(
        largeMs < Math.max(400, smallMs * 200),
        `${name}: 16 KB in ${smallMs.toFixed(1)} ms, 1 MB in ${largeMs.toFixed(1)} ms`,
      );
      for (const entry of received) assertInert(entry, large);
    });
  }
});
