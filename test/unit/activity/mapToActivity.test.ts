import * as assert from 'node:assert/strict';
import type { UserActivityRequest } from '../../../src/graph/types';
import type { Session } from '../../../src/tracking/types';
import { InvalidMappingOptionsError } from '../../../src/activity/options';
import { mapToActivity } from '../../../src/activity/mapToActivity';
import { PRIVACY_LEVELS } from '../../../src/privacy/disclosure';
import { assertValidUserActivity, SERVER_SET_FIELDS } from '../../../src/activity/validate';
import type { ActivityInput, MappingOptions } from '../../../src/activity/types';
import type { PrivacyLevel } from '../../../src/privacy/disclosure';
import { LIMITS } from '../../../src/activity/limits';
import { workspaceTag } from '../../../src/activity/contentInfo';
import { makeSession } from '../../support/sessions';

const commit = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';

/** A session of `minutes` from `startIso`. */
function sessionAt(id: string, startIso: string, minutes: number, activeSeconds: number): Session {
  const startedAt = Date.parse(startIso);
  return makeSession({ id, documentUri: 'x', startedAt, lastActiveAt: startedAt + minutes * 60_000, activeSeconds });
}

function input(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    documentUri: 'file:///qhome7/quokkauser/zephyrworks/na%C3%AFveplans/billingvault/invoiceMailer.ts',
    workspaceFolderName: 'zephyrworks',
    relativePath: 'naïveplans/billingvault/invoiceMailer.ts',
    languageId: 'typescript',
    git: {
      remoteUrl: 'https://deploybot:tok3n@github.com/AcmeHidden/nebula-repo.git',
      branch: 'feature/vault-rotation',
      commit,
      repoRelativePath: 'naïveplans/billingvault/invoiceMailer.ts',
    },
    cursor: { line: 41, character: 7 },
    sessions: [
      sessionAt('0b6f7c2e-5d43-4a8e-9f21-3c1d2e4b5a67', '2026-03-15T18:00:00Z', 12, 600),
      sessionAt('61fc8f36-919f-4b73-89d4-1cb7b159d912', '2026-03-14T09:05:00Z', 22.5, 1200),
    ],
    ...overrides,
  };
}

function options(overrides: Partial<MappingOptions> = {}): MappingOptions {
  return {
    privacy: 'full',
    activitySourceHost: 'https://activity-feed.github.io',
    backgroundColor: '#1F3B57',
    iconUrl: 'https://activity-feed.github.io/icon.png',
    uriScheme: 'vscode',
    appName: 'Visual Studio Code',
    timezone: 'Europe/Lisbon',
    idKey: 'per-user-random-key-synced-0123456789',
    workspaceAlias: 'Day job',
    now: Date.parse('2026-03-20T00:00:00Z'),
    ...overrides,
  };
}

type Card = { version: string; $schema: string; body: Record<string, unknown>[]; actions: { type: string; url: string }[] };

function card(activity: UserActivityRequest): Card {
  return activity.visualElements.content as unknown as Card;
}

/** The serialized payload, plus the same text with every percent-encoding undone. */
function allText(activity: UserActivityRequest): string {
  const json = JSON.stringify(activity);
  const decoded = json.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
  return `${json}\n${decoded}`.toLowerCase();
}

/** The remote machine's name is withheld together with the directories, since it only reaches a payload in a path link. */
const directories = ['qhome7', 'quokkauser', 'zephyrworks', 'naïveplans', 'billingvault', 'ssh-remote+secretbox', 'secretbox'];
const fileNameParts = ['invoiceMailer', 'invoiceMailer.ts'];
const repositoryParts = ['AcmeHidden', 'nebula-repo', 'github.com/acmehidden', 'vault-rotation', commit, 'deploybot', 'tok3n'];
const leakyTemplates = {
  displayText: '${fileName} ${fileStem} ${relativePath} ${folder} ${workspace} ${branch} ${repository}',
  description: '${repository}@${branch}: ${relativePath}',
};

const hidden: Record<PrivacyLevel, string[]> = {
  full: ['deploybot', 'tok3n'],
  noRepository: repositoryParts,
  fileNameOnly: [...repositoryParts, ...directories],
  private: [...repositoryParts, ...directories, ...fileNameParts],
};

describe('activity/mapToActivity', () => {
  describe('privacy levels: nothing withheld appears anywhere in the payload, even percent-decoded', () => {
    for (const level of PRIVACY_LEVELS) {
      for (const [label, templates] of [
        ['default templates', undefined],
        ['templates that ask for everything', leakyTemplates],
      ] as const) {
        it(`${level}, ${label}`, () => {
          const variants = [
            mapToActivity(input(), options({ privacy: level, templates })),
            mapToActivity(
              input({ documentUri: '/qhome7/quokkauser/zephyrworks/naïveplans/billingvault/invoiceMailer.ts' }),
              options({ privacy: level, templates, remoteAuthority: 'ssh-remote+secretbox' }),
            ),
            mapToActivity(input({ git: undefined }), options({ privacy: level, templates })),
          ];
          for (const activity of variants) {
            const text = allText(activity);
            for (const secret of hidden[level]) assert.ok(!text.includes(secret.toLowerCase()), `${level} leaks "${secret}"`);
          }
        });
      }
    }

    it('full and noRepository do show what they allow', () => {
      const full = allText(mapToActivity(input(), options()));
      for (const shown of ['billingvault', 'invoicemailer.ts', 'nebula-repo', 'vault-rotation', commit])
        assert.ok(full.includes(shown), shown);
      const fileNameOnly = allText(mapToActivity(input(), options({ privacy: 'fileNameOnly' })));
      assert.ok(fileNameOnly.includes('invoicemailer.ts'));
    });
  });

  it('tags the workspace with the same opaque id at every privacy level, and names it only where workspaces may leave', () => {
    const tags = PRIVACY_LEVELS.map(
      (privacy) => mapToActivity(input(), options({ privacy })).contentInfo?.isPartOf as { identifier: string; name?: string },
    );
    assert.equal(new Set(tags.map((t) => t.identifier)).size, 1, 'one workspace, one tag, whatever the level');
    assert.match(tags[0].identifier, /^w:[0-9a-f]{32}$/);
    const other = mapToActivity(input(), options({ idKey: 'another-users-random-key-0123456789' })).contentInfo?.isPartOf as {
      identifier: string;
    };
    assert.notEqual(other.identifier, tags[0].identifier, 'without the key the tag cannot be matched');
    const named = PRIVACY_LEVELS.filter((_, i) => tags[i].name !== undefined);
    assert.deepEqual(named, ['full', 'noRepository']);
  });

  it('asks Graph to keep each session keepDays after its last activity, and leaves it to the service without', () => {
    const session = input().sessions[0];
    const kept = mapToActivity(input({ sessions: [session] }), options({ keepDays: 30 }));
    assert.equal(kept.historyItems?.[0].expirationDateTime, new Date(session.lastActiveAt + 30 * 24 * 60 * 60_000).toISOString());
    const left = mapToActivity(input({ sessions: [session] }), options());
    assert.equal(left.historyItems?.[0].expirationDateTime, undefined);
    assert.doesNotThrow(() => assertValidUserActivity(kept), 'a client-set expiration is part of the contract');
  });

  it('builds the full payload', () => {
    const activity = mapToActivity(input(), options());
    assert.equal(
      activity.appActivityId,
      'repo!github.com~AcmeHidden~nebula-repo~na_C3_AFveplans~billingvault~invoiceMailer.ts',
      'readable, and needs no escaping',
    );
    assert.equal(activity.activitySourceHost, 'https://activity-feed.github.io');
    assert.equal(
      activity.activationUrl,
      'vscode://file/qhome7/quokkauser/zephyrworks/na%C3%AFveplans/billingvault/invoiceMailer.ts:42:8',
    );
    assert.equal(
      activity.fallbackUrl,
      `https://github.com/AcmeHidden/nebula-repo/blob/${commit}/na%C3%AFveplans/billingvault/invoiceMailer.ts#L42`,
    );
    assert.equal(activity.appDisplayName, 'Visual Studio Code');
    assert.equal(activity.userTimezone, 'Europe/Lisbon');
    assert.equal(activity.visualElements.displayText, 'invoiceMailer.ts');
    assert.equal(
      activity.visualElements.description,
      'naïveplans/billingvault/invoiceMailer.ts · zephyrworks · feature/vault-rotation',
    );
    assert.equal(activity.visualElements.backgroundColor, '#1F3B57');
    assert.deepEqual(activity.visualElements.attribution, {
      iconUrl: 'https://activity-feed.github.io/icon.png',
      alternateText: 'Visual Studio Code',
      addImageQuery: false,
    });
    assert.deepEqual(activity.contentInfo, {
      '@context': 'https://schema.org',
      '@type': 'SoftwareSourceCode',
      name: 'invoiceMailer.ts',
      programmingLanguage: 'TypeScript',
      codeRepository: 'https://github.com/AcmeHidden/nebula-repo',
      isPartOf: {
        '@type': 'SoftwareSourceCode',
        identifier: workspaceTag('per-user-random-key-synced-0123456789', 'github.com/AcmeHidden/nebula-repo'),
        name: 'zephyrworks',
      },
      dateModified: '2026-03-15T18:12:00.000Z',
    });
    assert.deepEqual(activity.historyItems, [
      {
        id: '61fc8f36-919f-4b73-89d4-1cb7b159d912',
        startedDateTime: '2026-03-14T09:05:00.000Z',
        lastActiveDateTime: '2026-03-14T09:27:30.000Z',
        activeDurationSeconds: 1200,
        userTimezone: 'Europe/Lisbon',
      },
      {
        id: '0b6f7c2e-5d43-4a8e-9f21-3c1d2e4b5a67',
        startedDateTime: '2026-03-15T18:00:00.000Z',
        lastActiveDateTime: '2026-03-15T18:12:00.000Z',
        activeDurationSeconds: 600,
        userTimezone: 'Europe/Lisbon',
      },
    ]);
  });

  it('declares an Adaptive Card 1.3 with file, project, language, branch, last edited, time spent and an OpenUrl action', () => {
    const activity = mapToActivity(input(), options());
    const { version, $schema, body, actions } = card(activity);
    assert.equal(version, '1.3');
    assert.equal($schema, 'https://adaptivecards.io/schemas/adaptive-card.json');
    const facts = (body.find((element) => element.type === 'FactSet')?.facts ?? []) as { title: string; value: string }[];
    assert.deepEqual(Object.fromEntries(facts.map((fact) => [fact.title, fact.value])), {
      File: 'naïveplans/billingvault/invoiceMailer.ts',
      Project: 'zephyrworks',
      Repository: 'nebula-repo',
      Branch: 'feature/vault-rotation',
      Language: 'TypeScript',
      'Time spent': '30 min',
    });
    assert.ok(JSON.stringify(body).includes('Last edited {{DATE(2026-03-15T18:12:00Z,SHORT)}} {{TIME(2026-03-15T18:12:00Z)}}'));
    assert.deepEqual(
      actions.map(({ type, url }) => ({ type, url })),
      [{ type: 'Action.OpenUrl', url: activity.activationUrl }],
    );
  });

  it('sends no server-set field', () => {
    for (const level of PRIVACY_LEVELS) {
      const activity = mapToActivity(input(), options({ privacy: level })) as unknown as Record<string, unknown>;
      for (const field of SERVER_SET_FIELDS) assert.equal(field in activity, false, field);
      for (const item of (activity.historyItems ?? []) as Record<string, unknown>[]) {
        for (const field of ['status', 'createdDateTime', 'lastModifiedDateTime', 'expirationDateTime'])
          assert.equal(field in item, false, field);
      }
    }
  });

  it('uses private ids and the extension’s own link at the private levels', () => {
    const activity = mapToActivity(input(), options({ privacy: 'private' }));
    assert.match(activity.appActivityId, /^h![0-9a-f]{64}$/);
    assert.equal(
      activity.activationUrl,
      `vscode://activity-feed.graph-activity-feed/open?id=${encodeURIComponent(activity.appActivityId)}`,
    );
    assert.equal(activity.visualElements.displayText, 'Editing a TypeScript file');
    assert.equal(activity.visualElements.description, 'Day job');
    assert.equal(activity.fallbackUrl, undefined);
    assert.equal(mapToActivity(input(), options({ privacy: 'noRepository' })).appActivityId, activity.appActivityId);
  });

  it('is stable for the same file and differs between files', () => {
    for (const level of PRIVACY_LEVELS) {
      const a = mapToActivity(input(), options({ privacy: level })).appActivityId;
      const again = mapToActivity(
        input({ documentUri: 'c:\\elsewhere\\naïveplans\\billingvault\\invoiceMailer.ts', sessions: [] }),
        options({ privacy: level }),
      ).appActivityId;
      const other = mapToActivity(
        input({ git: { ...input().git, repoRelativePath: 'other.ts' } }),
        options({ privacy: level }),
      ).appActivityId;
      assert.equal(again, a, level);
      assert.notEqual(other, a, level);
    }
  });

  it('without git: the URI identifies the file and there is no fallback or repository', () => {
    const activity = mapToActivity(input({ git: undefined }), options());
    assert.equal(activity.appActivityId, 'file!~~~qhome7~quokkauser~zephyrworks~na_C3_AFveplans~billingvault~invoiceMailer.ts');
    assert.equal(activity.fallbackUrl, undefined);
    assert.equal('codeRepository' in (activity.contentInfo ?? {}), false);
    assert.equal(activity.visualElements.description, 'naïveplans/billingvault/invoiceMailer.ts · zephyrworks');
  });

  it('links remote windows with the vscode-remote form', () => {
    const activity = mapToActivity(
      input({ documentUri: 'vscode-remote://ssh-remote%2Bbuildbox/srv/app/main.go', git: undefined }),
      options(),
    );
    assert.equal(activity.activationUrl, 'vscode://vscode-remote/ssh-remote+buildbox/srv/app/main.go:42:8');
  });

  it('falls back to the extension’s link for untitled documents and over-long paths, with a bounded id', () => {
    assert.match(
      mapToActivity(input({ documentUri: 'untitled:Untitled-1', git: undefined }), options()).activationUrl,
      /^vscode:\/\/activity-feed\.graph-activity-feed\/open\?id=/,
    );
    const long = mapToActivity(input({ documentUri: `/${'deep/'.repeat(500)}a.ts`, git: undefined }), options());
    assert.match(long.activationUrl, /\/open\?id=file!sha256!/);
    assert.ok(long.appActivityId.length <= LIMITS.appActivityId);
  });

  it('omits an invalid time zone, a missing description and an empty app name', () => {
    const activity = mapToActivity(
      input(),
      options({ privacy: 'private', timezone: 'GMT+2', workspaceAlias: undefined, appName: ' ' }),
    );
    assert.equal('userTimezone' in activity, false);
    assert.equal(
      activity.historyItems?.every((item) => !('userTimezone' in item)),
      true,
    );
    assert.equal('description' in activity.visualElements, false);
    assert.equal('appDisplayName' in activity, false);
  });

  it('dates the card by now when there is no session and sends no history items', () => {
    const activity = mapToActivity(input({ sessions: [] }), options());
    assert.equal('historyItems' in activity, false);
    assert.equal(activity.contentInfo?.dateModified, '2026-03-20T00:00:00.000Z');
  });

  it('leaves out sessions that must stay on the machine, from history and from the card', () => {
    const [first, second] = input().sessions;
    assert.ok(first && second);
    const activity = mapToActivity(input({ sessions: [first, { ...second, publishable: false }] }), options());
    assert.deepEqual(
      activity.historyItems?.map((item) => item.id),
      [first.id],
    );
    assert.ok(JSON.stringify(activity.visualElements.content).includes('"10 min"'));
  });

  it('applies configured templates that the level allows', () => {
    const activity = mapToActivity(
      input(),
      options({ templates: { displayText: '${fileStem} (${language})', description: 'on ${branch} in ${repository}' } }),
    );
    assert.equal(activity.visualElements.displayText, 'invoiceMailer (TypeScript)');
    assert.equal(activity.visualElements.description, 'on feature/vault-rotation in nebula-repo');
  });

  it('reports every bad option up front, naming the setting', () => {
    assert.throws(
      () =>
        mapToActivity(
          input(),
          options({
            privacy: 'private',
            idKey: 'short',
            templates: { displayText: '${filename}' },
            backgroundColor: 'blue',
            activitySourceHost: 'https://myapp.contoso.com/somepath',
            iconUrl: 'http://x/icon.png',
            uriScheme: 'VS Code',
          }),
        ),
      (error: unknown) => {
        assert.ok(error instanceof InvalidMappingOptionsError);
        assert.deepEqual([...new Set(error.problems.map((problem) => problem.path))].sort(), [
          'activitySourceHost',
          'backgroundColor',
          'iconUrl',
          'idKey',
          'templates.displayText',
          'uriScheme',
        ]);
        assert.match(error.message, /Unknown template variable \$\{filename\}\. Valid variables: \$\{fileName\}/);
        return true;
      },
    );
  });
});
