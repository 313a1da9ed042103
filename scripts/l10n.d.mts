// Types of scripts/l10n.mjs for the TypeScript tests that call it.
export declare const BUNDLE_PATH: string;
export declare function collectMessages(root?: string): { messages: string[]; problems: string[] };
export declare function renderBundle(messages: readonly string[]): string;
export declare function checkBundle(root?: string): { ok: boolean; problems: string[]; messages: string[] };
