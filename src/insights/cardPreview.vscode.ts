// Beside Preview Next Payload: each planned activity's Adaptive Card as a card surface would draw it, by the
// official renderer, in a webview with a strict content security policy.
import { Uri, ViewColumn, WebviewPanel, env } from 'vscode';
import { say } from '../text/shown';
import { createWebviewPanel } from '../platform/show.vscode';
import type { Plan } from '../publish/plan';

let current: WebviewPanel | undefined;

function cardsOf(plan: Plan) {
  // A file whose sessions take several requests has the same card in each: show it once.
  const seen = new Set<string>();
  return plan.requests.flatMap((request) => {
    if (seen.has(request.body.appActivityId)) return [];
    seen.add(request.body.appActivityId);
    return [
      {
        title: request.body.visualElements.displayText,
        url: `${request.method} ${request.url}`,
        card: request.body.visualElements.content,
      },
    ];
  });
}

export function showCardPreview(extensionUri: Uri, plan: Plan): WebviewPanel {
  const message = {
    type: 'cards',
    title: say('Adaptive Cards of the next payload'),
    empty: say('No pending sessions: nothing would be sent.'),
    cards: cardsOf(plan),
  };
  if (current) {
    current.reveal(ViewColumn.Beside, true);
    void current.webview.postMessage(message);
    return current;
  }
  const panel = createWebviewPanel(
    'activityFeed.cardPreview',
    say('Card Preview'),
    { viewColumn: ViewColumn.Beside, preserveFocus: true },
    {
      enableScripts: true,
      localResourceRoots: [Uri.joinPath(extensionUri, 'dist'), Uri.joinPath(extensionUri, 'media', 'insights')],
    },
  );
  current = panel;
  const webview = panel.webview;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const script = webview.asWebviewUri(Uri.joinPath(extensionUri, 'dist', 'cards-webview.js'));
  const style = webview.asWebviewUri(Uri.joinPath(extensionUri, 'media', 'insights', 'cards.css'));
  const csp = [
    `default-src 'none'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} https: data:`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  webview.html = `<!DOCTYPE html>
<html lang="${env.language}"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="${style.toString()}"><title>Card Preview</title></head>
<body><main id="cards-root" aria-live="polite"></main><script nonce="${nonce}" src="${script.toString()}"></script></body></html>`;
  const ready = webview.onDidReceiveMessage(() => void webview.postMessage(message));
  panel.onDidDispose(() => {
    ready.dispose();
    if (current === panel) current = undefined;
  });
  return panel;
}
