// The activation benchmark reads the editor's "Startup Performance" document; its table must be read exactly.
import * as assert from 'node:assert/strict';
import { parseActivationStats } from '../../bench/activationStats';

// As code-server 1.100 writes it (trimmed to a few rows).
const document = `## Performance Marks

| What                  | Duration | Process    | Info |
| --------------------- | -------- | ---------- | ---- |
| extensions registered | 16220.7  | [renderer] | -    |

## Extension Activation Stats

| Extension                            | Eager | Load Code | Call Activate | Finish Activate | Event             | By                                   |
| ------------------------------------ | ----- | --------- | ------------- | --------------- | ----------------- | ------------------------------------ |
| vscode.git                           | true  | 86        | 2             | 2               | *                 | vscode.git                           |
| activity-feed.graph-activity-feed    | false | 82        | 21            | 0               | onStartupFinished | activity-feed.graph-activity-feed    |
| activity-feed-bench.activation-floor | false | 38        | 0             | 21              | onStartupFinished | activity-feed-bench.activation-floor |

## Workbench Contributions Blocking Restore
`;

describe('bench: reading the editor-reported activation times', () => {
  it('reads load code, activate() call and finish times per extension from the Startup Performance table', () => {
    const rows = parseActivationStats(document);
    assert.deepEqual(
      rows.map((r) => [r.extensionId, r.eager, r.loadCodeMs, r.activateCallMs, r.activateResolvedMs, r.activationEvent]),
      [
        ['vscode.git', true, 86, 2, 2, '*'],
        ['activity-feed.graph-activity-feed', false, 82, 21, 0, 'onStartupFinished'],
        ['activity-feed-bench.activation-floor', false, 38, 0, 21, 'onStartupFinished'],
      ],
    );
  });

  it('finds no rows while the document is still loading', () => {
    assert.deepEqual(parseActivationStats('Loading...'), []);
  });

  it('fails loudly when the table no longer has the columns it reads', () => {
    const renamed = document.replace('Load Code', 'Load Time');
    assert.throws(() => parseActivationStats(renamed), /no "Load Code" column/);
  });
});
