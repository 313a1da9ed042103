import * as assert from 'node:assert/strict';
import {
  DEFAULT_SETTINGS,
  DEFAULT_TICKET_PATTERN,
  graphEndpointProblem,
  parseSettings,
  stricterPrivacy,
} from '../../../src/settings/validSettings';

describe('settings', () => {
  it('uses the defaults when nothing is set, with no problem reported', () => {
    const { settings, problems } = parseSettings({ privacy: {}, graph: {} });
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(problems, []);
  });

  it('takes the more private of the user and workspace privacy levels, so a repository can only tighten it', () => {
    assert.equal(
      parseSettings({ privacy: { user: 'private', workspace: 'full' }, graph: {} }).settings.content.privacy,
      'private',
    );
    assert.equal(
      parseSettings({ privacy: { user: 'full', workspace: 'noRepository' }, graph: {} }).settings.content.privacy,
      'noRepository',
    );
    assert.equal(stricterPrivacy('fileNameOnly', 'noRepository'), 'fileNameOnly');
  });

  it('reports a template a workspace tried to set as ignored, by name only, never quoting its text', () => {
    const { settings, problems } = parseSettings({
      privacy: {},
      graph: {},
      displayTextTemplate: '${fileName}',
      ignoredWorkspaceValues: ['displayTextTemplate', 'descriptionTemplate'],
    });
    assert.equal(settings.content.displayTextTemplate, '${fileName}', 'the user’s own template applies');
    assert.equal(problems.length, 2);
    assert.match(
      problems[0],
      /^activityFeed\.displayTextTemplate: the value in this workspace’s settings is ignored; only your user settings can set it\.$/,
    );
    assert.match(problems[1], /^activityFeed\.descriptionTemplate: /);
  });

  it('keeps the default level as the floor when only the workspace sets a looser one', () => {
    assert.equal(parseSettings({ privacy: { workspace: 'full' }, graph: {} }).settings.content.privacy, 'fileNameOnly');
    assert.equal(parseSettings({ privacy: { folder: 'noRepository' }, graph: {} }).settings.content.privacy, 'fileNameOnly');
  });

  it('treats an unknown privacy level as the most private one and says so', () => {
    const { settings, problems } = parseSettings({ privacy: { user: 'everything' }, graph: {} });
    assert.equal(settings.content.privacy, 'private');
    assert.match(
      problems[0],
      /activityFeed\.privacy: "everything" is not one of full, noRepository, fileNameOnly, private; using "private"/,
    );
  });

  it('refuses a Graph endpoint that is not https (but allows http on loopback for testing)', () => {
    assert.equal(graphEndpointProblem('https://graph.microsoft.com/v1.0'), undefined);
    assert.equal(graphEndpointProblem('http://127.0.0.1:3100/v1.0'), undefined);
    assert.match(graphEndpointProblem('http://evil.example/v1.0') ?? '', /https/);
    assert.match(graphEndpointProblem('https://user:pw@graph.microsoft.com') ?? '', /credentials/);
    const { settings, problems } = parseSettings({ privacy: {}, graph: { endpoint: 'http://evil.example' } });
    assert.equal(settings.graph.endpoint, DEFAULT_SETTINGS.graph.endpoint);
    assert.match(problems[0], /activityFeed\.graph\.endpoint/);
  });

  it('replaces out-of-range numbers, bad colours and non-https icons by their defaults, naming each', () => {
    const { settings, problems } = parseSettings({
      privacy: {},
      backgroundColor: 'red',
      iconUrl: 'http://x/icon.png',
      activitySourceHost: 'https://example.com/path',
      graph: { writesPerFiveMinutes: 500, maxAttempts: 2.5 },
    });
    assert.equal(settings.content.backgroundColor, DEFAULT_SETTINGS.content.backgroundColor);
    assert.equal(settings.content.iconUrl, undefined);
    assert.equal(settings.content.activitySourceHost, DEFAULT_SETTINGS.content.activitySourceHost);
    assert.equal(settings.graph.writesPerFiveMinutes, 60);
    assert.equal(settings.graph.maxAttempts, 4);
    assert.equal(problems.length, 5, problems.join('\n'));
  });

  it('asks Graph to keep history 90 days unless told otherwise; 0 leaves it to the service; beyond ten years is refused', () => {
    assert.equal(parseSettings({ privacy: {}, graph: {} }).settings.content.keepDays, 90);
    assert.equal(parseSettings({ privacy: {}, graph: {}, keepDays: 0 }).settings.content.keepDays, 0);
    assert.equal(parseSettings({ privacy: {}, graph: {}, keepDays: 365 }).settings.content.keepDays, 365);
    for (const bad of [-1, 3651, 1.5, '30', null]) {
      const { settings, problems } = parseSettings({ privacy: {}, graph: {}, keepDays: bad });
      assert.equal(settings.content.keepDays, 90, String(bad));
      assert.match(problems.join('\n'), /activityFeed\.history\.keepDays: .* is not a whole number from 0 to 3650; using 90\./);
    }
  });

  it('reads the timesheet settings: a pattern up to 200 characters, the commit-line switch only as true or false', () => {
    const defaults = parseSettings({ privacy: {}, graph: {} }).settings.timesheet;
    assert.deepEqual(defaults, { ticketPattern: DEFAULT_TICKET_PATTERN, ticketFromCommitMessage: false });
    const chosen = parseSettings({ privacy: {}, graph: {}, ticketPattern: '(?i)shop-[0-9]+', ticketFromCommitMessage: true });
    assert.deepEqual(chosen.settings.timesheet, { ticketPattern: '(?i)shop-[0-9]+', ticketFromCommitMessage: true });
    const wrong = parseSettings({ privacy: {}, graph: {}, ticketPattern: 'x'.repeat(201), ticketFromCommitMessage: 'yes' });
    assert.deepEqual(wrong.settings.timesheet, defaults);
    assert.match(wrong.problems.join('\n'), /activityFeed\.timesheet\.ticketPattern: .* is longer than 200 characters/);
    assert.match(wrong.problems.join('\n'), /activityFeed\.timesheet\.ticketFromCommitMessage: .* is not true or false/);
  });

  it('quotes a 20 KB invalid value as a short prefix and its length, in every problem', () => {
    const hostile = 'a'.repeat(20_480);
    const { problems } = parseSettings({
      privacy: { user: hostile, workspace: hostile },
      backgroundColor: hostile,
      iconUrl: hostile,
      workspaceAlias: hostile,
      activitySourceHost: `https://${hostile}`,
      graph: { endpoint: hostile, maxAttempts: hostile },
      auth: { method: hostile, clientId: hostile, tenant: `${hostile}!`, authorityHost: hostile },
      publish: { mode: hostile, onShutdown: hostile },
    });
    assert.equal(problems.length, 14, problems.join('\n'));
    for (const problem of problems) {
      assert.ok(problem.length < 400, `${problem.length} characters: ${problem.slice(0, 120)}`);
      assert.match(problem, /"a{60}…" \((20,480|20,481|20,488) characters\)/);
    }
  });
});
