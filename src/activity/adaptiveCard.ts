// The card Windows-style surfaces render for the activity (Adaptive Cards 1.3).
import type { FileFacts } from './facts';
import { formatDuration } from '../text/duration';
import { LIMITS } from './limits';
import { inertMarkdown } from '../text/inert';
import { truncateText } from '../text/truncate';

export const ADAPTIVE_CARD_SCHEMA = 'https://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.3';

export interface CardContent {
  title: string;
  subtitle?: string;
  facts: FileFacts;
  /** ISO 8601 UTC, without fraction: the card's DATE/TIME functions show it in the reader's own zone. */
  lastEdited: string;
  activeSeconds: number;
  activationUrl: string;
}

type CardElement = Record<string, unknown>;

/**
 * TextBlocks and FactSet values render markdown, so what comes from a file name, a template, git or a setting is
 * escaped to show literally (and its braces can never form one of the card's `{{DATE(…)}}` functions).
 */
function text(value: string): string {
  return inertMarkdown(value, LIMITS.cardText);
}

export function buildAdaptiveCard(content: CardContent): Record<string, unknown> {
  const { facts } = content;
  const factRows: [string, string | undefined][] = [
    ['File', facts.relativePath ?? facts.fileName ?? `${facts.language} file`],
    ['Project', facts.workspace ?? facts.workspaceAlias],
    ['Repository', facts.repository],
    ['Branch', facts.branch],
    ['Language', facts.language],
    ['Time spent', formatDuration(content.activeSeconds)],
  ];
  const body: CardElement[] = [
    { type: 'TextBlock', text: text(content.title), size: 'Medium', weight: 'Bolder', wrap: true },
    ...(content.subtitle ? [{ type: 'TextBlock', text: text(content.subtitle), isSubtle: true, wrap: true }] : []),
    {
      type: 'FactSet',
      facts: factRows.flatMap(([title, value]) => (value ? [{ title, value: text(value) }] : [])),
    },
    {
      type: 'TextBlock',
      text: `Last edited {{DATE(${content.lastEdited},SHORT)}} {{TIME(${content.lastEdited})}}`,
      isSubtle: true,
      size: 'Small',
      wrap: true,
    },
  ];
  return {
    $schema: ADAPTIVE_CARD_SCHEMA,
    type: 'AdaptiveCard',
    version: ADAPTIVE_CARD_VERSION,
    body,
    actions: [
      { type: 'Action.OpenUrl', title: truncateText(`Open in ${facts.appName}`, LIMITS.cardText), url: content.activationUrl },
    ],
  };
}

/** `2026-03-14T09:27:30Z`: second precision, the form the card's DATE/TIME functions expect. */
export function cardDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
