// The card preview webview: each planned activity's Adaptive Card drawn by the official renderer (npm adaptivecards),
// in the editor's colours. Card texts come from the user's files: the renderer sets them as text, and markdown
// processing is left off, so nothing in a card is parsed as HTML.
import { AdaptiveCard, HostConfig } from 'adaptivecards';

interface CardMessage {
  type: 'cards';
  title: string;
  empty: string;
  cards: { title: string; url: string; card: Record<string, unknown> | undefined }[];
}

const root = document.getElementById('cards-root') as HTMLElement;

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function hostConfig(): HostConfig {
  const foreground = cssVar('--vscode-foreground', '#333333');
  const subtle = cssVar('--vscode-descriptionForeground', '#717171');
  const accent = cssVar('--vscode-textLink-foreground', '#0066cc');
  const colour = (normal: string) => ({ default: normal, subtle });
  return new HostConfig({
    fontFamily: cssVar('--vscode-font-family', 'sans-serif'),
    containerStyles: {
      default: {
        backgroundColor: cssVar('--vscode-editorWidget-background', '#ffffff'),
        foregroundColors: {
          default: colour(foreground),
          accent: colour(accent),
          good: colour(foreground),
          warning: colour(foreground),
          attention: colour(foreground),
          light: colour(foreground),
          dark: colour(foreground),
        },
      },
    },
  });
}

function render(message: CardMessage): void {
  root.replaceChildren();
  const heading = document.createElement('h1');
  heading.textContent = message.title;
  root.append(heading);
  if (message.cards.length === 0) {
    const empty = document.createElement('p');
    empty.textContent = message.empty;
    root.append(empty);
  }
  const config = hostConfig();
  for (const entry of message.cards) {
    const section = document.createElement('section');
    section.className = 'card';
    const title = document.createElement('h2');
    title.textContent = entry.title;
    const url = document.createElement('p');
    url.className = 'url';
    url.textContent = entry.url;
    section.append(title, url);
    try {
      const card = new AdaptiveCard();
      card.hostConfig = config;
      // Links in a preview go nowhere: the card is shown, not acted on.
      card.onExecuteAction = () => undefined;
      card.parse(entry.card ?? {});
      const rendered = card.render();
      if (rendered) section.append(rendered);
    } catch (error) {
      const problem = document.createElement('p');
      problem.textContent = String(error);
      section.append(problem);
    }
    root.append(section);
  }
}

window.addEventListener('message', (event: MessageEvent<CardMessage>) => {
  if (event.data?.type === 'cards') render(event.data);
});

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
acquireVsCodeApi().postMessage({ type: 'ready' });
